package javawc.compositor.xwayland;

import javawc.compositor.core.Surface;
import javawc.compositor.scene.Scene;
import javawc.compositor.seat.Seat;
import javawc.compositor.xwayland.x11.Atoms;
import javawc.compositor.xwayland.x11.Requests;
import javawc.compositor.xwayland.x11.X11Connection;
import javawc.compositor.xwayland.x11.X11Message;
import javawc.compositor.xwayland.x11.X11Setup;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.server.Client;
import javawc.server.EventLoop;
import javawc.server.Resource;
import javawc.server.protocol.WlSurface;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our X11 window manager, on Xwayland's -wm socket: it redirects the root's substructure, so
 * every top-level window's map and configure requests come here; it places managed windows
 * as the scene places xdg toplevels and lets override-redirect ones stay where X put them;
 * it pairs each window with the wl_surface Xwayland names in a WL_SURFACE_ID message (which
 * may arrive before Xwayland's Wayland request making that surface has been read: the pairing
 * then waits for it); and it keeps the X focus, EWMH state and stacking in step with the seat
 * and the scene. Everything runs on the event loop; X replies come back as callbacks.
 */
final class Xwm implements X11Connection.Listener, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(Xwm.class);
    private static final int CREATE_NOTIFY = 16, DESTROY_NOTIFY = 17, UNMAP_NOTIFY = 18, MAP_NOTIFY = 19, MAP_REQUEST = 20,
            REPARENT_NOTIFY = 21, CONFIGURE_NOTIFY = 22, CONFIGURE_REQUEST = 23, PROPERTY_NOTIFY = 28, CLIENT_MESSAGE = 33;
    private static final int WM_STATE_WITHDRAWN = 0, WM_STATE_NORMAL = 1, WM_STATE_ICONIC = 3;

    private final X11Connection connection;
    private final Scene scene;
    private final Seat seat;
    private final Client wayland;            // Xwayland as our Wayland client: its surfaces are the windows'
    private final Runnable onClosed;
    private final Atoms atoms = new Atoms();
    private final Map<Integer, XWindow> windows = new LinkedHashMap<>();
    private final Map<Integer, XWindow> awaitingSurface = new HashMap<>(); // wl_surface id → window
    private final SelectionBridge selections;
    private X11Setup setup;
    private int checkWindow, lastTime;
    private XWindow focused;
    private boolean ready;

    Xwm(OwnedFd socket, EventLoop loop, Scene scene, Seat seat, Client wayland, SelectionBridge.Factory selections, Runnable onClosed) throws OsException {
        this.scene = scene;
        this.seat = seat;
        this.wayland = wayland;
        this.onClosed = onClosed;
        this.connection = new X11Connection(socket, loop, this);
        this.selections = selections.create(this);
    }

    Requests requests() {
        return connection.requests();
    }

    Atoms atoms() {
        return atoms;
    }

    Scene scene() {
        return scene;
    }

    Seat seat() {
        return seat;
    }

    X11Setup setup() {
        return setup;
    }

    Client waylandClient() {
        return wayland;
    }

    /** The latest server time an event carried (0, CurrentTime, until one has). */
    int timestamp() {
        return lastTime;
    }

    XWindow window(int id) {
        return id == 0 ? null : windows.get(id);
    }

    boolean isReady() {
        return ready;
    }

    void flush() {
        connection.flush();
    }

    // ---- start ----

    @Override
    public void connected(X11Setup s) {
        setup = s;
        requests().queryExtension("Composite", reply -> {
            if (reply.u8(8) == 0) {
                LOG.error("the X server has no Composite extension: rootless Xwayland shows no window without it");
                return;
            }
            requests().useComposite(reply.u8(9));
            requests().compositeQueryVersion(0, 4, version -> { });
            // Xwayland makes a wl_surface only for redirected windows: redirecting the root's children makes one per top-level window
            requests().compositeRedirectSubwindowsManual(setup.root());
        });
        atoms.intern(requests(), this::becomeWindowManager);
        requests().queryExtension("XFIXES", reply -> {
            if (reply.u8(8) == 0) {
                LOG.warn("the X server has no XFIXES: the clipboard is not bridged");
                return;
            }
            requests().useXfixes(reply.u8(9));
            int firstEvent = reply.u8(10);
            requests().xfixesQueryVersion(5, 0, version -> selections.start(firstEvent));
        });
    }

    private void becomeWindowManager() {
        int root = setup.root();
        requests().changeWindowAttributes(root, Requests.CW_EVENT_MASK,
                Requests.EVENT_SUBSTRUCTURE_REDIRECT | Requests.EVENT_SUBSTRUCTURE_NOTIFY | Requests.EVENT_PROPERTY_CHANGE);
        checkWindow = requests().newId();
        requests().createWindow(0, checkWindow, root, -100, -100, 1, 1, Requests.WINDOW_CLASS_INPUT_ONLY, Requests.CW_OVERRIDE_REDIRECT, 1);
        requests().changeProperty32(root, atoms.get(Atoms.Name._NET_SUPPORTING_WM_CHECK), Atoms.WINDOW, checkWindow);
        requests().changeProperty32(checkWindow, atoms.get(Atoms.Name._NET_SUPPORTING_WM_CHECK), Atoms.WINDOW, checkWindow);
        requests().changePropertyString(checkWindow, atoms.get(Atoms.Name._NET_WM_NAME), atoms.get(Atoms.Name.UTF8_STRING), "javawc");
        Atoms.Name[] supported = {Atoms.Name._NET_SUPPORTED, Atoms.Name._NET_SUPPORTING_WM_CHECK, Atoms.Name._NET_WM_NAME,
                Atoms.Name._NET_ACTIVE_WINDOW, Atoms.Name._NET_CLIENT_LIST, Atoms.Name._NET_WM_STATE, Atoms.Name._NET_WM_STATE_FULLSCREEN,
                Atoms.Name._NET_WM_STATE_MAXIMIZED_VERT, Atoms.Name._NET_WM_STATE_MAXIMIZED_HORZ, Atoms.Name._NET_WM_STATE_HIDDEN,
                Atoms.Name._NET_WM_WINDOW_TYPE};
        int[] values = new int[supported.length];
        for (int i = 0; i < supported.length; i++) values[i] = atoms.get(supported[i]);
        requests().changeProperty32(root, atoms.get(Atoms.Name._NET_SUPPORTED), Atoms.ATOM, values);
        requests().changeProperty32(root, atoms.get(Atoms.Name._NET_ACTIVE_WINDOW), Atoms.WINDOW, Requests.NONE);
        // ICCCM's manager selection for screen 0; Xwayland accepts X clients only once a window manager holds it
        requests().setSelectionOwner(checkWindow, atoms.get(Atoms.Name.WM_S0), Requests.CURRENT_TIME);
        ready = true;
        LOG.info("X11 window manager running (root 0x{}, {}x{})", Integer.toHexString(root), setup.width(), setup.height());
    }

    @Override
    public void error(X11Connection.X11Error error) {
        if (error.majorOpcode() == 2 && error.code() == 10) LOG.error("another X11 window manager holds the root: {}", error);
        else LOG.debug("X11 error (logged and dropped): {}", error); // a window gone before our request reached it
    }

    @Override
    public void closed(String why) {
        close();
        onClosed.run();
    }

    // ---- events ----

    @Override
    public void event(X11Message e) {
        if (!ready) {
            if (!selections.event(e)) LOG.debug("X11 event {} before the window manager was set up; dropped", e.eventCode());
            return;
        }
        switch (e.eventCode()) {
            case CREATE_NOTIFY -> created(e.u32(4), e.u32(8), e.i16(12), e.i16(14), e.u16(16), e.u16(18), e.u8(22) != 0);
            case DESTROY_NOTIFY -> destroyed(e.u32(8));
            case UNMAP_NOTIFY -> unmapped(e.u32(8));
            case MAP_NOTIFY -> mapNotify(e.u32(8));
            case MAP_REQUEST -> mapRequest(e.u32(8));
            case REPARENT_NOTIFY -> reparented(e.u32(8), e.u32(12), e.i16(16), e.i16(18), e.u8(20) != 0);
            case CONFIGURE_NOTIFY -> configureNotify(e.u32(8), e.i16(16), e.i16(18), e.u16(20), e.u16(22));
            case CONFIGURE_REQUEST -> configureRequest(e.u32(8), e.i16(16), e.i16(18), e.u16(20), e.u16(22), e.u16(26));
            case PROPERTY_NOTIFY -> propertyNotify(e.u32(4), e.u32(8), e.u32(12), e.u8(16));
            case CLIENT_MESSAGE -> clientMessage(e);
            default -> {
                if (!selections.event(e)) LOG.trace("X11 event {} ignored", e.eventCode());
            }
        }
    }

    private void created(int parent, int id, int x, int y, int width, int height, boolean overrideRedirect) {
        if (parent != setup.root() || id == checkWindow || selections.owns(id)) return;
        XWindow w = new XWindow(this, id, overrideRedirect, x, y, width, height);
        windows.put(id, w);
        requests().changeWindowAttributes(id, Requests.CW_EVENT_MASK, Requests.EVENT_PROPERTY_CHANGE | Requests.EVENT_FOCUS_CHANGE);
        XProperties.read(this, w, XProperties.all(atoms), null);
        LOG.debug("created {} at {},{} {}x{}", w, x, y, width, height);
    }

    private void reparented(int id, int parent, int x, int y, boolean overrideRedirect) {
        if (parent == setup.root()) created(parent, id, x, y, 1, 1, overrideRedirect);
        else destroyed(id); // no longer a top-level window: not ours to manage
    }

    private void destroyed(int id) {
        XWindow w = windows.remove(id);
        if (w == null) return;
        w.destroyed = true;
        hide(w);
        w.surface = null;
        awaitingSurface.values().remove(w);
        if (focused == w) focused = null;
        updateClientList();
        LOG.debug("destroyed {}", w);
    }

    private void mapRequest(int id) {
        XWindow w = windows.get(id);
        if (w == null) {
            requests().mapWindow(id); // not a window we know (created before we were): let it map as asked
            return;
        }
        // the properties decide the place and state: read them again now, then place and map
        XProperties.read(this, w, XProperties.all(atoms), () -> manage(w));
    }

    /** A managed window's first placement: beside nothing (the scene's rule), over its parent if it is a dialog. */
    private void manage(XWindow w) {
        if (w.destroyed) return;
        XWindow parent = window(w.transientFor);
        if (parent != null && parent.inScene) {
            w.x = parent.x + (parent.width - w.width) / 2;
            w.y = parent.y + (parent.height - w.height) / 2;
        } else if (!w.userPosition) {
            int[] at = scene.placeToplevel(w.width, w.height);
            w.x = at[0];
            w.y = at[1];
        }
        requests().configureWindow(w.id, Requests.CONFIG_X | Requests.CONFIG_Y | Requests.CONFIG_WIDTH | Requests.CONFIG_HEIGHT | Requests.CONFIG_BORDER,
                w.x, w.y, w.width, w.height, 0);
        writeWmState(w, WM_STATE_NORMAL);
        requests().mapWindow(w.id);
        w.managed = true;
        boolean full = has(w.requestedStates, Atoms.Name._NET_WM_STATE_FULLSCREEN);
        boolean max = has(w.requestedStates, Atoms.Name._NET_WM_STATE_MAXIMIZED_VERT) || has(w.requestedStates, Atoms.Name._NET_WM_STATE_MAXIMIZED_HORZ);
        if (full || max) w.applyFullState(max, full, null);
        updateClientList();
        LOG.debug("managing {} at {},{} {}x{}", w, w.x, w.y, w.width, w.height);
    }

    private boolean has(int[] list, Atoms.Name name) {
        for (int a : list) if (a == atoms.get(name)) return true;
        return false;
    }

    private void mapNotify(int id) {
        XWindow w = windows.get(id);
        if (w == null) return;
        w.xMapped = true;
        updateShown(w);
    }

    private void unmapped(int id) {
        XWindow w = windows.get(id);
        if (w == null) return;
        w.xMapped = false;
        w.managed = false;
        hide(w);
        // Xwayland makes a new wl_surface when the window is mapped again, and names it anew
        w.surface = null;
        awaitingSurface.values().remove(w);
        if (!w.overrideRedirect && !w.destroyed) writeWmState(w, WM_STATE_WITHDRAWN);
        if (focused == w) focused = null;
        updateClientList();
    }

    private void configureNotify(int id, int x, int y, int width, int height) {
        XWindow w = windows.get(id);
        if (w == null) return;
        setGeometry(w, x, y, width, height);
    }

    /** Managed windows get what they ask unless they fill an output (then they are told they stay); others are not ours to refuse. */
    private void configureRequest(int id, int x, int y, int width, int height, int mask) {
        XWindow w = windows.get(id);
        if (w != null && !w.overrideRedirect && (w.maximized() || w.fullscreen())) {
            requests().sendConfigureNotify(w.id, w.x, w.y, w.width, w.height);
            return;
        }
        int nx = (mask & Requests.CONFIG_X) != 0 ? x : w != null ? w.x : x;
        int ny = (mask & Requests.CONFIG_Y) != 0 ? y : w != null ? w.y : y;
        int nw = (mask & Requests.CONFIG_WIDTH) != 0 ? Math.max(1, width) : w != null ? w.width : Math.max(1, width);
        int nh = (mask & Requests.CONFIG_HEIGHT) != 0 ? Math.max(1, height) : w != null ? w.height : Math.max(1, height);
        requests().configureWindow(id, Requests.CONFIG_X | Requests.CONFIG_Y | Requests.CONFIG_WIDTH | Requests.CONFIG_HEIGHT, nx, ny, nw, nh);
        if (w != null) setGeometry(w, nx, ny, nw, nh);
    }

    private void propertyNotify(int id, int atom, int time, int state) {
        lastTime = time;
        if (selections.propertyNotify(id, atom, state)) return;
        XWindow w = windows.get(id);
        if (w != null && XProperties.isWatched(atoms, atom)) XProperties.read(this, w, new int[] {atom}, null);
    }

    private void clientMessage(X11Message e) {
        int id = e.u32(4), type = e.u32(8);
        Atoms.Name name = atoms.nameOf(type);
        if (name == null) return;
        XWindow w = windows.get(id);
        switch (name) {
            case WL_SURFACE_ID -> {
                if (w != null) pair(w, e.u32(12));
            }
            case _NET_WM_STATE -> {
                if (w != null) w.netWmStateRequest(e.u32(12), e.u32(16), e.u32(20));
            }
            case _NET_ACTIVE_WINDOW -> {
                if (w != null && !w.overrideRedirect) {
                    if (w.minimized()) w.setMinimized(false);
                    w.activate();
                }
            }
            case WM_CHANGE_STATE -> {
                if (w != null && e.u32(12) == WM_STATE_ICONIC) w.setMinimized(true);
            }
            default -> LOG.trace("client message {} ignored", name);
        }
    }

    // ---- surfaces and the scene ----

    /** Pairs {@code w} with Xwayland's wl_surface {@code surfaceId}, now if that surface exists, else when it does. */
    private void pair(XWindow w, int surfaceId) {
        awaitingSurface.values().remove(w);
        if (!tryPair(w, surfaceId)) awaitingSurface.put(surfaceId, w);
    }

    private boolean tryPair(XWindow w, int surfaceId) {
        Resource r = wayland.isClosed() ? null : wayland.object(surfaceId);
        if (!(r instanceof WlSurface resource)) return false;
        Surface s = Surface.of(resource);
        if (s.isDestroyed()) return false;
        if (s.role() != null && !(s.role() instanceof XWindow)) {
            LOG.warn("{}: wl_surface@{} already has the role {}; not paired", w, surfaceId, s.role().roleName());
            return true; // nothing to wait for
        }
        if (w.surface != null && w.surface != s) hide(w);
        s.setRole(w, resource, 0);
        w.surface = s;
        LOG.debug("{} is wl_surface@{}", w, surfaceId);
        updateShown(w);
        return true;
    }

    /** Once per loop turn: surfaces named before Xwayland's request making them had been read. */
    void pairPending() {
        if (awaitingSurface.isEmpty()) return;
        for (var entry : List.copyOf(awaitingSurface.entrySet())) {
            if (tryPair(entry.getValue(), entry.getKey())) awaitingSurface.remove(entry.getKey());
        }
    }

    /** A wl_surface is going: a window showing it is hidden until Xwayland names another. */
    void surfaceDestroying(Surface s) {
        if (s.role() instanceof XWindow w && w.surface == s) {
            hide(w);
            w.surface = null;
        }
    }

    /** Puts the window in the scene once it is shown (X mapped it, its surface has contents), and out when it is not. */
    void updateShown(XWindow w) {
        if (w.visible() && !w.inScene) {
            w.inScene = true;
            if (w.overrideRedirect) {
                scene.addPopup(w);
            } else {
                scene.addToplevel(w);
                boolean focusable = w.acceptsFocus() && !w.hasType(Atoms.Name._NET_WM_WINDOW_TYPE_TOOLTIP,
                        Atoms.Name._NET_WM_WINDOW_TYPE_NOTIFICATION, Atoms.Name._NET_WM_WINDOW_TYPE_DND);
                if (focusable) w.activate(); // focus on map, as xdg toplevels
            }
            LOG.debug("showing {} at {},{}", w, w.x, w.y);
        } else if (!w.visible() && w.inScene && !w.minimized()) {
            hide(w);
        }
    }

    private void hide(XWindow w) {
        if (!w.inScene) return;
        scene.removeWindow(w);
        w.inScene = false;
        if (w.surface != null && seat.keyboardFocus() == w.surface) seat.focusTopWindow();
    }

    private void setGeometry(XWindow w, int x, int y, int width, int height) {
        if (w.x == x && w.y == y && w.width == width && w.height == height) return;
        if (w.inScene) scene.damageWindow(w);
        w.x = x;
        w.y = y;
        w.width = width;
        w.height = height;
        if (w.inScene) scene.damageWindow(w);
    }

    /** Moves and resizes a window (our decision): X is told, and the scene follows at once. */
    void configure(XWindow w, int x, int y, int width, int height) {
        requests().configureWindow(w.id, Requests.CONFIG_X | Requests.CONFIG_Y | Requests.CONFIG_WIDTH | Requests.CONFIG_HEIGHT,
                x, y, Math.max(1, width), Math.max(1, height));
        setGeometry(w, x, y, Math.max(1, width), Math.max(1, height));
    }

    void minimizedChanged(XWindow w) {
        scene.damageWindow(w);
        if (w.minimized()) {
            scene.lower(w);
            if (w.surface != null && seat.keyboardFocus() == w.surface) seat.focusTopWindow();
        }
        writeWmState(w, w.minimized() ? WM_STATE_ICONIC : WM_STATE_NORMAL);
        writeNetWmState(w);
    }

    // ---- focus ----

    /**
     * The seat's keyboard focus moved: X's input focus follows (SetInputFocus for windows that
     * take input, WM_TAKE_FOCUS for those that ask for it), the window is raised in X's stack,
     * and _NET_ACTIVE_WINDOW names it; focus on a Wayland window leaves X with none.
     */
    void keyboardFocusChanged(Surface current) {
        XWindow now = current != null && current.role() instanceof XWindow w && w.surface == current && !w.overrideRedirect ? w : null;
        if (now == focused) return;
        focused = now;
        int root = setup.root();
        if (now == null) {
            requests().setInputFocus(Requests.REVERT_TO_POINTER_ROOT, Requests.NONE, Requests.CURRENT_TIME);
            requests().changeProperty32(root, atoms.get(Atoms.Name._NET_ACTIVE_WINDOW), Atoms.WINDOW, Requests.NONE);
            return;
        }
        if (now.inputHint) requests().setInputFocus(Requests.REVERT_TO_POINTER_ROOT, now.id, Requests.CURRENT_TIME);
        if (now.takeFocusProtocol) {
            requests().sendClientMessage(now.id, 0, now.id, atoms.get(Atoms.Name.WM_PROTOCOLS), atoms.get(Atoms.Name.WM_TAKE_FOCUS), lastTime);
        }
        requests().configureWindow(now.id, Requests.CONFIG_STACK_MODE, Requests.STACK_ABOVE);
        requests().changeProperty32(root, atoms.get(Atoms.Name._NET_ACTIVE_WINDOW), Atoms.WINDOW, now.id);
    }

    // ---- properties we write ----

    private void writeWmState(XWindow w, int state) {
        int type = atoms.get(Atoms.Name.WM_STATE);
        requests().changeProperty32(w.id, type, type, state, Requests.NONE);
    }

    void writeNetWmState(XWindow w) {
        List<Integer> states = new ArrayList<>();
        if (w.fullscreen()) states.add(atoms.get(Atoms.Name._NET_WM_STATE_FULLSCREEN));
        if (w.maximized()) {
            states.add(atoms.get(Atoms.Name._NET_WM_STATE_MAXIMIZED_VERT));
            states.add(atoms.get(Atoms.Name._NET_WM_STATE_MAXIMIZED_HORZ));
        }
        if (w.minimized()) states.add(atoms.get(Atoms.Name._NET_WM_STATE_HIDDEN));
        if (w.activated()) states.add(atoms.get(Atoms.Name._NET_WM_STATE_FOCUSED));
        requests().changeProperty32(w.id, atoms.get(Atoms.Name._NET_WM_STATE), Atoms.ATOM, states.stream().mapToInt(Integer::intValue).toArray());
    }

    private void updateClientList() {
        int[] ids = windows.values().stream().filter(w -> w.managed).mapToInt(w -> w.id).toArray();
        requests().changeProperty32(setup.root(), atoms.get(Atoms.Name._NET_CLIENT_LIST), Atoms.WINDOW, ids);
    }

    /** The windows X has (for tests and the log). */
    List<XWindow> windows() {
        return List.copyOf(windows.values());
    }

    @Override
    public void close() {
        for (XWindow w : List.copyOf(windows.values())) {
            w.destroyed = true;
            hide(w);
            w.surface = null;
        }
        windows.clear();
        awaitingSurface.clear();
        selections.close();
        connection.close();
    }
}
