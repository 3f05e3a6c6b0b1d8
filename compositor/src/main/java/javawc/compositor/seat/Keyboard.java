package javawc.compositor.seat;

import javawc.compositor.core.Surface;
import javawc.compositor.input.KeyBindings;
import javawc.compositor.input.KeyCombo;
import javawc.compositor.input.Keymap;
import javawc.server.protocol.WlKeyboard;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * wl_keyboard, and the seat's keyboard: the keys held, the modifier state the keymap derives
 * from them, and the keyboard focus. Each new wl_keyboard gets the keymap and the repeat rate;
 * the focused client's get enter (with the keys held), then key and modifiers events. Without
 * a keymap there is no keyboard capability, but the focus is still kept (activation follows it).
 */
public final class Keyboard implements WlKeyboard.Handler {
    /** Carries out a compositor key binding; true when it acted, and the key is then kept from the clients. */
    public interface BindingHandler {
        /** Runs the action bound to {@code pressed} (the modifiers down and the key's first-level keysym, for the log). */
        boolean run(KeyBindings.Action action, KeyCombo pressed);

        /** The last of Shift, Ctrl, Alt and Super went up: a window switcher's Alt+Tab round is over. */
        default void modifiersReleased() {}
    }

    /**
     * Takes the seat's keys instead of the focused client while set (an input method's keyboard
     * grab): key and modifier events go to it alone, after the compositor's bindings.
     */
    public interface KeyGrab {
        void key(int serial, int timeMs, int code, int state);

        /** The modifier state changed; read it from {@code keymap}. */
        void modifiers(int serial, Keymap keymap);
    }

    /** Key repeat the clients are asked to do: 25 per second after 600 ms. */
    static final int REPEAT_RATE = 25, REPEAT_DELAY_MS = 600;
    private static final int MAX_KEYS = 64;

    private final Seat seat;
    private final Keymap keymap;
    private final int[] held = new int[MAX_KEYS];
    private final ByteBuffer heldArray = ByteBuffer.allocate(MAX_KEYS * 4).order(ByteOrder.nativeOrder());
    private final int[] taken = new int[MAX_KEYS]; // keys pressed for a binding: their releases are not sent either
    private int heldCount, takenCount;
    private Surface focus;
    private KeyBindings bindings;
    private BindingHandler bindingHandler;
    private java.util.function.Predicate<Surface> shortcutsInhibited = s -> false;
    private KeyGrab grab;

    Keyboard(Seat seat, Keymap keymap) {
        this.seat = seat;
        this.keymap = keymap;
    }

    /** Whether the seat has the keyboard capability (a keymap was compiled). */
    public boolean available() {
        return keymap != null;
    }

    public Surface focus() {
        return focus;
    }

    /** The keymap clients are given, or null without the keyboard capability. */
    public Keymap keymap() {
        return keymap;
    }

    /** Key repeat rate (per second) and delay (ms), as wl_keyboard.repeat_info tells them. */
    public static int repeatRate() {
        return REPEAT_RATE;
    }

    public static int repeatDelayMs() {
        return REPEAT_DELAY_MS;
    }

    /** Sends every key to {@code g} instead of the focused client (null: back to the focus). */
    public void setGrab(KeyGrab g) {
        grab = g;
    }

    public KeyGrab grab() {
        return grab;
    }

    /** The key bindings and who carries them out; none until set. */
    public void setBindings(KeyBindings bindings, BindingHandler handler) {
        this.bindings = bindings;
        this.bindingHandler = handler;
    }

    /**
     * Decides whether the focused surface has the compositor's key bindings passed to it
     * (keyboard-shortcuts-inhibit); none does until set.
     */
    public void setShortcutsInhibited(java.util.function.Predicate<Surface> inhibited) {
        shortcutsInhibited = inhibited;
    }

    /** A new table for the same handler (the configuration read again). */
    public void replaceBindings(KeyBindings bindings) {
        if (bindingHandler != null) this.bindings = bindings;
    }

    // ---- input ----

    /**
     * A key (evdev code) went down or up; repeats of either are ignored. A press that matches
     * a key binding which acts goes to no client, nor does its release.
     */
    public void key(int code, boolean pressed, int timeMs) {
        seat.inputActivity();
        if (pressed) {
            if (isHeld(code) || contains(taken, takenCount, code) || heldCount == MAX_KEYS) return;
            if (binding(code)) {
                if (takenCount < MAX_KEYS) taken[takenCount++] = code;
                return;
            }
            held[heldCount++] = code;
        } else if (!removeHeld(code)) {
            takenCount = remove(taken, takenCount, code);
            return;
        }
        boolean modifiersChanged = keymap != null && keymap.updateKey(code, pressed);
        if (modifiersChanged && bindingHandler != null && keymap.bindingModifiers() == 0) bindingHandler.modifiersReleased();
        if (grab != null) {
            grab.key(seat.nextSerial(), timeMs, code, pressed ? WlKeyboard.KeyState.PRESSED : WlKeyboard.KeyState.RELEASED);
            if (modifiersChanged) grab.modifiers(seat.nextSerial(), keymap);
            return;
        }
        SeatClient c = seat.clientOf(focus);
        if (c == null || focus.isDestroyed()) return;
        if (useKeymap(c, null)) modifiersChanged = true; // a virtual keyboard's keymap was in use: its modifiers mean nothing now
        sendKey(c, code, pressed, timeMs);
        if (modifiersChanged) {
            List<WlKeyboard> keyboards = c.keyboards;
            int modifiersSerial = seat.nextSerial();
            for (int i = 0; i < keyboards.size(); i++) sendModifiers(keyboards.get(i), modifiersSerial);
        }
    }

    private void sendKey(SeatClient c, int code, boolean pressed, int timeMs) {
        int serial = seat.nextSerial();
        c.serials.record(serial, pressed ? InputSerials.Kind.KEY_PRESS : InputSerials.Kind.KEY_RELEASE);
        int state = pressed ? WlKeyboard.KeyState.PRESSED : WlKeyboard.KeyState.RELEASED;
        List<WlKeyboard> keyboards = c.keyboards;
        for (int i = 0; i < keyboards.size(); i++) keyboards.get(i).sendKey(serial, timeMs, code, state);
    }

    // ---- virtual keyboards ----

    /**
     * A virtual keyboard's key (evdev code in {@code virtualKeymap}) for the focused client, as
     * if typed: that client is sent the virtual keyboard's keymap first when it last got
     * another one (as wlroots does when the active keyboard changes). Key bindings are not
     * looked up: they are the user's, on the user's keyboards, and a program allowed to type
     * into windows is not thereby allowed to quit the compositor or switch VTs.
     */
    public void virtualKey(Keymap virtualKeymap, int code, boolean pressed, int timeMs) {
        seat.inputActivity();
        SeatClient c = seat.clientOf(focus);
        if (c == null || focus.isDestroyed()) return;
        useKeymap(c, virtualKeymap);
        sendKey(c, code, pressed, timeMs);
    }

    /** A virtual keyboard's modifier state (in its own keymap's terms) for the focused client. */
    public void virtualModifiers(Keymap virtualKeymap, int depressed, int latched, int locked, int group) {
        SeatClient c = seat.clientOf(focus);
        if (c == null || focus.isDestroyed()) return;
        useKeymap(c, virtualKeymap);
        int serial = seat.nextSerial();
        for (int i = 0; i < c.keyboards.size(); i++) c.keyboards.get(i).sendModifiers(serial, depressed, latched, locked, group);
    }

    /** A virtual keyboard's keymap is going: clients that have it get the seat's back, with its modifiers. */
    public void keymapGone(Keymap virtualKeymap) {
        for (SeatClient c : seat.clients()) {
            if (c.keymap != virtualKeymap) continue;
            useKeymap(c, null);
            int serial = seat.nextSerial();
            for (int i = 0; i < c.keyboards.size(); i++) sendModifiers(c.keyboards.get(i), serial);
        }
    }

    /** Sends {@code c}'s keyboards {@code wanted} (null: the seat's keymap) unless they have it; true when sent. */
    private boolean useKeymap(SeatClient c, Keymap wanted) {
        if (c.keymap == wanted) return false;
        c.keymap = wanted;
        Keymap k = wanted != null ? wanted : keymap;
        for (int i = 0; i < c.keyboards.size(); i++) c.keyboards.get(i).sendKeymap(WlKeyboard.KeymapFormat.XKB_V1, k.file(), k.size());
        return true;
    }

    /** Runs the binding a press of {@code code} matches with the modifiers now active; true when it acted. */
    private boolean binding(int code) {
        if (bindings == null || keymap == null) return false;
        int modifiers = keymap.bindingModifiers(), base = keymap.baseKeysym(code);
        KeyBindings.Action action = bindings.match(keymap.keysym(code), base, modifiers);
        if (action == null) return false;
        if (seat.scene().shell().isLocked() && !(action instanceof KeyBindings.SwitchVt || action instanceof KeyBindings.Quit)) {
            return false; // a locked session's keys are the locker's: nothing may act on the windows behind it
        }
        // an inhibiting window gets the user's shortcuts (a VM viewer, a remote desktop), but, as in
        // sway, switching VTs stays the compositor's: the way out of a window that keeps every key
        if (!(action instanceof KeyBindings.SwitchVt) && focus != null && shortcutsInhibited.test(focus)) return false;
        return bindingHandler.run(action, new KeyCombo(modifiers, base));
    }

    private boolean isHeld(int code) {
        return contains(held, heldCount, code);
    }

    private boolean removeHeld(int code) {
        int before = heldCount;
        heldCount = remove(held, heldCount, code);
        return heldCount < before;
    }

    private static boolean contains(int[] codes, int count, int code) {
        for (int i = 0; i < count; i++) if (codes[i] == code) return true;
        return false;
    }

    /** Removes {@code code} from the first {@code count} codes (order not kept); returns the new count. */
    private static int remove(int[] codes, int count, int code) {
        for (int i = 0; i < count; i++) {
            if (codes[i] == code) {
                codes[i] = codes[count - 1];
                return count - 1;
            }
        }
        return count;
    }

    // ---- focus ----

    /** Sends leave for the focus and forgets it (the first half of {@link Seat#setKeyboardFocus}). */
    void leave() {
        SeatClient old = seat.clientOf(focus);
        if (old != null && !focus.isDestroyed()) {
            int serial = seat.nextSerial();
            for (int i = 0; i < old.keyboards.size(); i++) old.keyboards.get(i).sendLeave(serial, focus.resource());
        }
        focus = null;
    }

    /** Makes {@code s} the focus and sends it enter and modifiers (the second half). */
    void enter(Surface s) {
        focus = s;
        SeatClient now = seat.clientOf(s);
        if (now == null || now.keyboards.isEmpty()) return;
        useKeymap(now, null); // the held keys and modifiers enter sends are the seat's
        int serial = enterSerial(now);
        int modifiersSerial = seat.nextSerial();
        for (int i = 0; i < now.keyboards.size(); i++) enter(now.keyboards.get(i), serial, modifiersSerial);
    }

    private int enterSerial(SeatClient c) {
        int serial = seat.nextSerial();
        c.serials.record(serial, InputSerials.Kind.KEYBOARD_ENTER);
        return serial;
    }

    private void enter(WlKeyboard k, int serial, int modifiersSerial) {
        heldArray.clear();
        for (int i = 0; i < heldCount; i++) heldArray.putInt(held[i]);
        k.sendEnter(serial, focus.resource(), heldArray.flip());
        sendModifiers(k, modifiersSerial);
    }

    private void sendModifiers(WlKeyboard k, int serial) {
        if (keymap == null) return;
        k.sendModifiers(serial, keymap.modsDepressed(), keymap.modsLatched(), keymap.modsLocked(), keymap.group());
    }

    // ---- wl_keyboard ----

    /** A client asked for a wl_keyboard: the keymap, the repeat rate, and enter if it has the focus. */
    void bound(WlKeyboard r, SeatClient c) {
        r.setHandler(this);
        Keymap k = c.keymap != null ? c.keymap : keymap; // the one the client's other keyboards have
        r.sendKeymap(WlKeyboard.KeymapFormat.XKB_V1, k.file(), k.size());
        if (r.version() >= WlKeyboard.EVENT_REPEAT_INFO_SINCE) r.sendRepeatInfo(REPEAT_RATE, REPEAT_DELAY_MS);
        if (focus != null && focus.client() == r.client() && !focus.isDestroyed()) enter(r, enterSerial(c), seat.nextSerial());
    }

    @Override
    public void release(WlKeyboard self) {
        // destructor: the resource is destroyed after this returns
    }
}
