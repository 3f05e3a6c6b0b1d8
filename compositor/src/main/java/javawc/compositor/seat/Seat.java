package javawc.compositor.seat;

import javawc.compositor.core.Surface;
import javawc.compositor.input.Keymap;
import javawc.compositor.scene.Scene;
import javawc.compositor.scene.SceneWindow;
import javawc.server.Client;
import javawc.server.Resource;
import javawc.server.Server;
import javawc.server.protocol.WlSeat;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one seat ("seat0"): a pointer, a keyboard when a keymap could be compiled, touch while a
 * touch device is there, the keyboard
 * focus and the serials of the input events each client was sent. Input devices (libinput on a
 * TTY, the control channel in tests) feed {@link #pointer()} and {@link #keyboard()}; protocols
 * that act on behalf of the user (popup grabs, interactive move/resize, the clipboard) ask
 * here whether a serial names a recent input event of the asking client, and who has the
 * keyboard focus, and may listen to focus changes.
 */
public final class Seat implements AutoCloseable {
    public static final String NAME = "seat0";

    /**
     * Told when the keyboard focus moves (either surface may be null), between the old focus's
     * wl_keyboard.leave and the new one's wl_keyboard.enter: events a listener sends to the new
     * client arrive before its enter, as wl_data_device.selection must. Listeners must not move
     * the focus themselves.
     */
    public interface FocusListener {
        void keyboardFocusChanged(Surface previous, Surface current);
    }

    /**
     * Decides where a keyboard focus that was asked for may go: the surface itself, another one
     * (a layer surface that holds the keyboard exclusively, a lock surface), or null. Filters
     * run in the order they were added, each on the previous one's answer.
     */
    public interface FocusFilter {
        Surface allowed(Surface requested);
    }

    private static final Logger LOG = LogManager.getLogger(Seat.class);

    private final Server server;
    private final Scene scene;
    private final Keymap keymap;
    private final Map<Client, SeatClient> clients = new IdentityHashMap<>();
    private final List<FocusListener> focusListeners = new ArrayList<>();
    private final List<Runnable> activityListeners = new ArrayList<>(1);
    private final List<FocusFilter> focusFilters = new ArrayList<>(2);
    private final Pointer pointer;
    private final Keyboard keyboard;
    private final Touch touch;
    private Gestures gestures = Gestures.NONE;
    private final int[] xy = new int[2];
    private int seenGeneration;

    /** {@code keymap} may be null: the seat then has no keyboard capability (focus is still tracked). */
    public Seat(Server server, Scene scene, Keymap keymap) {
        this.server = server;
        this.scene = scene;
        this.keymap = keymap;
        this.pointer = new Pointer(this, scene);
        this.keyboard = new Keyboard(this, keymap);
        this.touch = new Touch(this, scene);
        seenGeneration = scene.generation();
        server.beforeFlush(this::afterTurn);
        scene.addSurfaceDestroyingListener(pointer::surfaceDestroying);
    }

    /** A seat with a keyboard whose keymap follows XKB_DEFAULT_*, or without one (saying why in the log). */
    public static Seat create(Server server, Scene scene) {
        return create(server, scene, System.getenv());
    }

    /** A seat whose keymap is named by {@code env}'s XKB_DEFAULT_* (the configuration's keyboard over the process environment). */
    public static Seat create(Server server, Scene scene, java.util.Map<String, String> env) {
        Keymap.Names names = Keymap.Names.fromEnvironment(env);
        Keymap keymap = null;
        try {
            keymap = Keymap.compile(names);
            LOG.info("keyboard keymap: {}", names);
        } catch (Keymap.CompileException e) {
            LOG.warn("{} has no keyboard: {}", NAME, e.getMessage());
        }
        return new Seat(server, scene, keymap);
    }

    /** The seat a wl_seat resource stands for (for requests that name one). */
    public static Seat of(WlSeat resource) {
        return ((SeatGlobal) resource.handler()).seat();
    }

    public Pointer pointer() {
        return pointer;
    }

    public Keyboard keyboard() {
        return keyboard;
    }

    public Touch touch() {
        return touch;
    }

    /** Where touchpad gestures go (zwp_pointer_gestures_v1 once installed; nowhere before). */
    public Gestures gestures() {
        return gestures;
    }

    public void setGestures(Gestures g) {
        gestures = g;
    }

    Scene scene() {
        return scene;
    }

    /** wl_seat capability bits. */
    int capabilities() {
        return WlSeat.Capability.POINTER | (keyboard.available() ? WlSeat.Capability.KEYBOARD : 0)
                | (touch.available() ? WlSeat.Capability.TOUCH : 0);
    }

    /** Tells every wl_seat the capabilities again (a touch device came or went). */
    void capabilitiesChanged() {
        int caps = capabilities();
        for (SeatClient c : clients.values()) {
            for (WlSeat s : c.seats) s.sendCapabilities(caps);
        }
    }

    /** The next serial for an input event (serials are shared with every other event of the server). */
    public boolean serialIssued(int serial) {
        return server.serialIssued(serial);
    }

    public int nextSerial() {
        return server.nextSerial();
    }

    /** Event time stamps: milliseconds of the monotonic clock, wrapping. */
    public static int nowMs() {
        return (int) (System.nanoTime() / 1_000_000L);
    }

    // ---- serials ----

    /** What input event {@code serial} was sent to {@code client} with, or null if it names none of the recent ones. */
    public InputSerials.Kind serialKind(Client client, int serial) {
        SeatClient c = clients.get(client);
        return c == null ? null : c.serials.kindOf(serial);
    }

    /** Whether {@code serial} is a recent button, key or touch event that {@code client} was sent (see {@link InputSerials.Kind#isUserAction}). */
    public boolean isUserActionSerial(Client client, int serial) {
        InputSerials.Kind kind = serialKind(client, serial);
        return kind != null && kind.isUserAction();
    }

    // ---- keyboard focus ----

    public Surface keyboardFocus() {
        return keyboard.focus();
    }

    /** The client owning the keyboard focus, or null. */
    public Client keyboardFocusClient() {
        Surface s = keyboard.focus();
        return s == null ? null : s.client();
    }

    /**
     * Moves the keyboard focus to {@code surface} (null: nobody), or where the focus filters send
     * it instead, telling both clients and the listeners.
     */
    public void setKeyboardFocus(Surface surface) {
        for (int i = 0; i < focusFilters.size(); i++) surface = focusFilters.get(i).allowed(surface);
        if (keyboard.focus() == surface) return;
        if (pointer.grab() != null) pointer.grab().keyboardFocusMoving(surface); // may end a popup grab, and move the focus
        Surface previous = keyboard.focus();
        if (previous == surface) return;
        keyboard.leave();
        for (int i = 0; i < focusListeners.size(); i++) focusListeners.get(i).keyboardFocusChanged(previous, surface);
        keyboard.enter(surface);
    }

    public void addFocusListener(FocusListener listener) {
        focusListeners.add(listener);
    }

    /** Runs {@code listener} on every input event of any device, physical or virtual (idle tracking). */
    public void addActivityListener(Runnable listener) {
        activityListeners.add(listener);
    }

    /** The user did something: a key, a button, a motion, a scroll or a touch. */
    public void inputActivity() {
        for (int i = 0; i < activityListeners.size(); i++) activityListeners.get(i).run();
    }

    /** Adds a filter every keyboard focus change goes through; who adds one calls {@link #focusTopWindow} when its answer changes. */
    public void addFocusFilter(FocusFilter filter) {
        focusFilters.add(filter);
    }

    /** Gives the keyboard focus to the topmost window, or to nobody when there is none. */
    public void focusTopWindow() {
        SceneWindow top = scene.topToplevel();
        if (top != null) top.activate();
        else setKeyboardFocus(null);
    }

    // ---- per-client state ----

    /**
     * Adds a client's seat object to {@code list} in its client's seat state (made on first
     * use); when the object goes, it leaves the list, and the state goes with the client's last one.
     */
    <R extends Resource> SeatClient track(R resource, java.util.function.Function<SeatClient, List<R>> list) {
        SeatClient c = clients.computeIfAbsent(resource.client(), SeatClient::new);
        list.apply(c).add(resource);
        resource.onDestroy(() -> {
            list.apply(c).remove(resource);
            if (c.isEmpty()) clients.remove(c.client);
        });
        return c;
    }

    /** The seat state of the client owning {@code surface}, or null if it has no seat objects. */
    SeatClient clientOf(Surface surface) {
        return surface == null ? null : clients.get(surface.client());
    }

    SeatClient clientOf(Client client) {
        return clients.get(client);
    }

    /** Every client with seat objects. */
    java.util.Collection<SeatClient> clients() {
        return clients.values();
    }

    /**
     * Once per loop turn, before events go out: when the scene changed, the pointer focus is
     * picked again (a window may have appeared under it, or moved away), a keyboard focus
     * whose surface stopped being shown moves to the topmost window, and touch points on such a
     * surface end.
     */
    private void afterTurn() {
        if (scene.generation() == seenGeneration) return;
        Surface focus = keyboard.focus();
        if (focus != null && !focus.position(xy)) focusTopWindow();
        pointer.sceneChanged();
        touch.sceneChanged(Seat.nowMs());
        seenGeneration = scene.generation(); // what this did to the scene (a raise, cursor damage) is accounted for
    }

    @Override
    public void close() {
        if (keymap != null) keymap.close();
    }
}
