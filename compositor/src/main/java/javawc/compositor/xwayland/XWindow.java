package javawc.compositor.xwayland;

import javawc.compositor.core.Surface;
import javawc.compositor.core.SurfaceRole;
import javawc.compositor.output.Output;
import javawc.compositor.scene.Rect;
import javawc.compositor.wm.ManagedWindow;
import javawc.compositor.xwayland.x11.Atoms;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * An X11 top-level window (a child of the root) and, once Xwayland names it, its wl_surface:
 * the surface's role, and a window of the scene where X says it is. A managed window is a
 * {@link ManagedWindow} like an xdg toplevel (focus, stacking, close, maximize, fullscreen,
 * minimize go through the same window manager); an override-redirect one (a menu, a tooltip)
 * is stacked above the toplevels at the place X gave it and never takes the focus.
 * <p>
 * The X window's geometry is the truth: the scene shows the surface at its root position (X
 * root coordinates are our global ones), which moves when X reports a ConfigureNotify.
 */
final class XWindow implements SurfaceRole, ManagedWindow {
    private static final Logger LOG = LogManager.getLogger(XWindow.class);
    static final String ROLE = "xwayland_surface";

    final int id;
    final boolean overrideRedirect;
    private final Xwm xwm;
    int x, y, width, height;
    boolean xMapped, destroyed, inScene, managed; // managed: we mapped it at its MapRequest, until it is unmapped
    Surface surface;
    // properties
    String wmName = "", netWmName, wmClass = "", wmInstance = "";
    int transientFor;
    boolean deleteWindowProtocol, takeFocusProtocol, inputHint = true;
    int minWidth, minHeight, maxWidth, maxHeight;
    int[] windowTypes = new int[0];
    int[] requestedStates = new int[0]; // _NET_WM_STATE as the client set it before mapping
    boolean undecorated, userPosition;
    // window manager state
    private boolean maximized, fullscreen, minimized;
    private Output fullOutput;
    private Rect floating; // where it was before maximize/fullscreen

    XWindow(Xwm xwm, int id, boolean overrideRedirect, int x, int y, int width, int height) {
        this.xwm = xwm;
        this.id = id;
        this.overrideRedirect = overrideRedirect;
        this.x = x;
        this.y = y;
        this.width = width;
        this.height = height;
    }

    // ---- the wl_surface's role ----

    @Override
    public String roleName() {
        return ROLE;
    }

    @Override
    public void committed(Surface s) {
        xwm.updateShown(this);
    }

    @Override
    public boolean position(Surface s, int[] xy) {
        if (s != surface || !visible()) return false;
        xy[0] = x;
        xy[1] = y;
        return true;
    }

    // ---- SceneWindow ----

    @Override
    public Surface surface() {
        return surface;
    }

    /** Shown: X has it mapped, its surface has contents, and it is not minimized. */
    @Override
    public boolean visible() {
        return !destroyed && xMapped && surface != null && surface.isMapped() && !minimized;
    }

    /**
     * Raised, and given the keyboard focus if it takes input; one that does not (xeyes: WM_HINTS
     * input false, no WM_TAKE_FOCUS) leaves the focus where it is, unless that surface is no
     * longer shown, when nobody has it.
     */
    @Override
    public void activate() {
        if (overrideRedirect || !visible()) return;
        xwm.scene().raise(this);
        if (acceptsFocus()) {
            xwm.seat().setKeyboardFocus(surface);
            return;
        }
        Surface focus = xwm.seat().keyboardFocus();
        if (focus != null && !focus.position(new int[2])) xwm.seat().setKeyboardFocus(null);
    }

    /** Whether the window wants the keyboard: by WM_HINTS' input field or WM_TAKE_FOCUS (ICCCM's "no input" windows do not). */
    boolean acceptsFocus() {
        return inputHint || takeFocusProtocol;
    }

    @Override
    public String appId() {
        return wmClass;
    }

    @Override
    public String title() {
        return netWmName != null ? netWmName : wmName;
    }

    @Override
    public boolean moveTo(int newX, int newY) {
        if (overrideRedirect || maximized || fullscreen || destroyed) return false;
        xwm.configure(this, newX, newY, width, height);
        return true;
    }

    @Override
    public Rect geometry() {
        return inScene ? new Rect(x, y, width, height) : Rect.EMPTY;
    }

    // ---- ManagedWindow ----

    @Override
    public boolean isAlive() {
        return !destroyed;
    }

    /** WM_DELETE_WINDOW when the window takes it (the application may ask the user first), else the client is killed. */
    @Override
    public void close() {
        if (destroyed) return;
        if (deleteWindowProtocol) {
            LOG.debug("X window 0x{}: WM_DELETE_WINDOW", Integer.toHexString(id));
            xwm.requests().sendClientMessage(id, 0, id, xwm.atoms().get(Atoms.Name.WM_PROTOCOLS), xwm.atoms().get(Atoms.Name.WM_DELETE_WINDOW), xwm.timestamp());
        } else {
            LOG.info("X window 0x{} ('{}') does not take WM_DELETE_WINDOW: killing its client", Integer.toHexString(id), title());
            xwm.requests().killClient(id);
        }
    }

    @Override
    public boolean activated() {
        return surface != null && xwm.seat().keyboardFocus() == surface;
    }

    @Override
    public boolean maximized() {
        return maximized;
    }

    @Override
    public void setMaximized(boolean on) {
        applyFullState(on, fullscreen, fullOutput);
    }

    @Override
    public boolean fullscreen() {
        return fullscreen;
    }

    @Override
    public void setFullscreen(boolean on, Output output) {
        applyFullState(maximized, on, on && output != null ? output : fullOutput);
    }

    /** Enters or leaves the maximized and fullscreen states: the window fills its output, or goes back where it was. */
    void applyFullState(boolean newMaximized, boolean newFullscreen, Output output) {
        if (overrideRedirect || destroyed) return;
        boolean wasFull = maximized || fullscreen, full = newMaximized || newFullscreen;
        if (full && !wasFull) floating = new Rect(x, y, width, height);
        Output target = full ? (output != null ? output : output()) : null;
        maximized = newMaximized;
        fullscreen = newFullscreen;
        fullOutput = target;
        if (full) {
            xwm.configure(this, target.x(), target.y(), target.logicalWidth(), target.logicalHeight());
        } else if (wasFull && floating != null) {
            xwm.configure(this, floating.x(), floating.y(), floating.width(), floating.height());
        }
        xwm.writeNetWmState(this);
    }

    /** A _NET_WM_STATE client message: remove (0), add (1) or toggle (2) fullscreen or maximized (either axis maximizes both). */
    void netWmStateRequest(int action, int first, int second) {
        boolean full = fullscreen, max = maximized;
        for (int property : new int[] {first, second}) {
            Atoms.Name n = xwm.atoms().nameOf(property);
            if (n == Atoms.Name._NET_WM_STATE_FULLSCREEN) full = change(full, action);
            else if (n == Atoms.Name._NET_WM_STATE_MAXIMIZED_VERT || n == Atoms.Name._NET_WM_STATE_MAXIMIZED_HORZ) max = change(maximized, action);
        }
        if (full != fullscreen || max != maximized) applyFullState(max, full, null);
        else xwm.writeNetWmState(this); // refused or unchanged: the property says how it is
    }

    private static boolean change(boolean current, int action) {
        return switch (action) {
            case 0 -> false;
            case 1 -> true;
            case 2 -> !current;
            default -> current;
        };
    }

    @Override
    public boolean minimized() {
        return minimized;
    }

    @Override
    public void setMinimized(boolean on) {
        if (overrideRedirect || on == minimized || destroyed) return;
        if (on && !inScene) return;
        minimized = on;
        xwm.minimizedChanged(this);
    }

    @Override
    public Output output() {
        if ((maximized || fullscreen) && fullOutput != null && xwm.scene().outputs().contains(fullOutput)) return fullOutput;
        return xwm.scene().outputAt(x + width / 2, y + height / 2);
    }

    @Override
    public void moveToOutput(Output output) {
        if (maximized || fullscreen) {
            applyFullState(maximized, fullscreen, output);
            return;
        }
        Output from = output();
        int nx = output.x() + Math.clamp(x - from.x(), 0, Math.max(0, output.logicalWidth() - width));
        int ny = output.y() + Math.clamp(y - from.y(), 0, Math.max(0, output.logicalHeight() - height));
        moveTo(nx, ny);
    }

    @Override
    public ManagedWindow parent() {
        XWindow p = xwm.window(transientFor);
        return p != null && !p.overrideRedirect ? p : null;
    }

    /** Whether its _NET_WM_WINDOW_TYPE is one of {@code types}. */
    boolean hasType(Atoms.Name... types) {
        for (int t : windowTypes) for (Atoms.Name n : types) if (t == xwm.atoms().get(n)) return true;
        return false;
    }

    @Override
    public String toString() {
        return "X window 0x" + Integer.toHexString(id) + (overrideRedirect ? " (override-redirect)" : "") + " '" + title() + "'";
    }
}
