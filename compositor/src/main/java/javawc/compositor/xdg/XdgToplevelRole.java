package javawc.compositor.xdg;

import javawc.compositor.core.Surface;
import javawc.compositor.output.Output;
import javawc.compositor.output.OutputGlobal;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.SceneWindow;
import javawc.compositor.seat.Pointer;
import javawc.compositor.seat.Seat;
import javawc.compositor.wm.ManagedWindow;
import javawc.server.protocol.WlOutput;
import javawc.server.protocol.WlSeat;
import javawc.server.protocol.XdgToplevel;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;


/**
 * xdg_toplevel: a window. Placed when first mapped (centred, cascading), stacked newest on
 * top, and given the keyboard focus; the window with the keyboard focus is the activated one.
 * Maximized and fullscreen windows are configured to their output's size at its origin. Moves
 * and resizes follow the pointer while the button that started them is held. A minimized
 * window keeps its place in the scene's list but is not shown. In kiosk mode a window without
 * a parent is fullscreen on the first output and stays so. The size a floating window is asked
 * for, the client's limits and interactive resizes are {@link ToplevelSize}'s.
 */
final class XdgToplevelRole implements XdgSurfaceRole.RoleObject, XdgToplevel.Handler, ManagedWindow {
    private static final Logger LOG = LogManager.getLogger(XdgToplevelRole.class);
    private final XdgToplevel resource;
    private final XdgSurfaceRole xdg;
    private String title = "", appId = "";
    private XdgToplevelRole parent;
    private final ToplevelSize size;
    private boolean maximized, fullscreen, minimized, activated, capabilitiesSent, placed, alive = true;
    private Output fullOutput;          // the output a maximized or fullscreen window fills
    private Rect configuredFill;        // the area the last configure asked a maximized or fullscreen window to fill
    private int x, y;
    private int floatingX, floatingY;   // where the window last was while neither maximized nor fullscreen
    private boolean hasFloatingPosition;

    XdgToplevelRole(XdgToplevel resource, XdgSurfaceRole xdg) {
        this.resource = resource;
        this.xdg = xdg;
        this.size = new ToplevelSize(xdg);
        resource.setHandler(this);
        if (xdg.kiosk()) {
            fullscreen = true;
            fullOutput = xdg.scene().primaryOutput();
        }
        resource.onDestroy(() -> {
            alive = false;
            xdg.roleObjectDestroyed();
        });
    }

    @Override
    public boolean isAlive() {
        return alive;
    }

    XdgSurfaceRole xdgSurface() {
        return xdg;
    }

    @Override
    public Surface surface() {
        return xdg.surface();
    }

    @Override
    public boolean visible() {
        return alive && xdg.isMapped() && !minimized;
    }

    // ---- configure and mapping ----

    @Override
    public void sendConfigure() {
        Output output = output();
        Rect usable = xdg.scene().shell().usableArea(output); // the output less panels' exclusive zones
        if (resource.version() >= XdgToplevel.EVENT_CONFIGURE_BOUNDS_SINCE) {
            resource.sendConfigureBounds(usable.width(), usable.height());
        }
        if (resource.version() >= XdgToplevel.EVENT_WM_CAPABILITIES_SINCE && !capabilitiesSent) {
            capabilitiesSent = true;
            resource.sendWmCapabilities(xdg.kiosk() ? XdgShell.ints() // a kiosk's windows cannot change state: no buttons for it
                    : XdgShell.ints(XdgToplevel.WmCapabilities.MAXIMIZE, XdgToplevel.WmCapabilities.FULLSCREEN, XdgToplevel.WmCapabilities.MINIMIZE));
        }
        int[] states = new int[4];
        int n = 0;
        if (maximized) states[n++] = XdgToplevel.State.MAXIMIZED;
        if (fullscreen) states[n++] = XdgToplevel.State.FULLSCREEN;
        if (activated) states[n++] = XdgToplevel.State.ACTIVATED;
        if (size.resizing()) states[n++] = XdgToplevel.State.RESIZING;
        configuredFill = maximized || fullscreen ? fillArea() : null;
        int w = fullscreen ? output.logicalWidth() : maximized ? usable.width() : size.width();
        int h = fullscreen ? output.logicalHeight() : maximized ? usable.height() : size.height();
        resource.sendConfigure(w, h, XdgShell.ints(java.util.Arrays.copyOf(states, n)));
    }

    @Override
    public void map() {
        placeWindow();
        placed = true;
        LOG.debug("mapped toplevel '{}' ({}) at {},{}", title, appId, x, y);
        xdg.scene().addToplevel(this);
        xdg.seat().setKeyboardFocus(surface()); // focus on map
    }

    /**
     * Fullscreen windows sit at the output's origin, maximized ones at the corner of its usable
     * area (clear of panels); others go back where they last
     * were (after an unmap, unmaximize or unfullscreen), else where the scene finds room.
     */
    private void placeWindow() {
        if (fullscreen) {
            Output o = output();
            x = o.x();
            y = o.y();
        } else if (maximized) {
            Rect usable = xdg.scene().shell().usableArea(output());
            x = usable.x();
            y = usable.y();
        } else if (xdg.kiosk()) { // a dialog: its own size, centred on the kiosk's output (as cage does)
            Output o = xdg.scene().primaryOutput();
            Rect g = xdg.geometry();
            x = o.x() + (o.logicalWidth() - g.width()) / 2;
            y = o.y() + (o.logicalHeight() - g.height()) / 2;
        } else if (hasFloatingPosition) {
            x = floatingX;
            y = floatingY;
        } else {
            Rect g = xdg.geometry();
            int[] at = xdg.scene().placeToplevel(g.width(), g.height());
            x = at[0];
            y = at[1];
        }
    }

    /** What a maximized (the usable area) or fullscreen (the whole output) window fills now. */
    private Rect fillArea() {
        return fullscreen ? output().logicalBounds() : xdg.scene().shell().usableArea(output());
    }

    /** Remembers a floating window's place before it leaves it (unmap, maximize, fullscreen). */
    private void rememberFloatingPosition() {
        if (!placed || maximized || fullscreen) return;
        floatingX = x;
        floatingY = y;
        hasFloatingPosition = true;
    }

    @Override
    public void unmap() {
        if (!placed) return;
        rememberFloatingPosition();
        xdg.scene().removeWindow(this); // while placed: the scene damages where the window was
        placed = false;
        size.forgetResize();
        minimized = false; // mapped again, it is shown
        if (XdgShell.owningToplevel(xdg.seat().keyboardFocus()) == this) xdg.seat().focusTopWindow();
    }

    /**
     * Panels came, went or changed, or an output's mode, scale, transform or place did: a
     * maximized window fills what is left to windows now, a fullscreen one its whole output
     * (configured again only when that area differs from the one it was configured to fill).
     */
    @Override
    public void usableAreaChanged() {
        if (!(maximized || fullscreen) || !alive || fillArea().equals(configuredFill)) return;
        if (placed) {
            xdg.damageWithPopups();
            placeWindow();
            xdg.damageWithPopups();
        }
        xdg.configure();
    }

    // ---- focus and activation ----

    /** The seat's keyboard focus moved: the window it left is deactivated, the one it entered activated. */
    static void keyboardFocusMoved(Surface previous, Surface current) {
        XdgToplevelRole was = XdgShell.owningToplevel(previous), now = XdgShell.owningToplevel(current);
        if (was == now) return;
        if (was != null) was.setActivated(false);
        if (now != null) now.setActivated(true);
    }

    @Override
    public boolean activated() {
        return activated;
    }

    private void setActivated(boolean on) {
        if (activated == on || !alive) return;
        activated = on;
        xdg.configure();
        xdg.scene().windowChanged(this);
    }

    /** Click to focus: raised to the top, and the keyboard focus. */
    @Override
    public void activate() {
        if (!visible()) return;
        xdg.scene().raise(this);
        xdg.seat().setKeyboardFocus(surface());
    }

    // ---- position and size ----

    @Override
    public String appId() {
        return appId;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Rect geometry() {
        Rect g = xdg.geometry();
        return placed ? new Rect(x, y, g.width(), g.height()) : Rect.EMPTY;
    }

    /** Moves the window geometry's origin to (newX, newY); maximized and fullscreen windows stay. */
    @Override
    public boolean moveTo(int newX, int newY) {
        if (!placed || maximized || fullscreen) return false;
        if (newX == x && newY == y) return true;
        xdg.damageWithPopups();
        x = newX;
        y = newY;
        size.unanchor();
        xdg.damageWithPopups();
        return true;
    }

    /** The size a floating window is asked for, the client's limits, an interactive resize. */
    ToplevelSize size() {
        return size;
    }

    @Override
    public void committed() {
        if (!size.anchored() || !placed) return;
        Rect g = xdg.geometry();
        x = size.anchoredX(x, g.width());
        y = size.anchoredY(y, g.height());
        size.committedSize(g.width(), g.height());
    }

    @Override
    public boolean windowPosition(int[] xy) {
        if (!placed || minimized) return false; // not shown: not drawn, not under the pointer, not focusable
        xy[0] = x;
        xy[1] = y;
        return true;
    }

    // ---- requests ----

    @Override
    public void destroy(XdgToplevel self) {
        // destructor; see the destroy listener
    }

    @Override
    public ManagedWindow parent() {
        return parent;
    }

    @Override
    public void setParent(XdgToplevel self, XdgToplevel parentResource) {
        if (!parentTo(parentResource == null ? null : (XdgToplevelRole) parentResource.handler())) {
            self.postError(XdgToplevel.Error.INVALID_PARENT, "set_parent would make a loop");
        }
    }

    /** Makes {@code p} (null: none) this window's parent (set_parent, or an xdg-foreign import); false when that would make a loop. */
    boolean parentTo(XdgToplevelRole p) {
        for (XdgToplevelRole a = p; a != null; a = a.parent) if (a == this) return false;
        parent = p;
        xdg.scene().windowChanged(this);
        if (xdg.kiosk()) applyFullState(false, p == null, xdg.scene().primaryOutput()); // dialogs float, centred
        return true;
    }

    @Override
    public void setTitle(XdgToplevel self, String newTitle) {
        title = newTitle;
        xdg.scene().windowChanged(this);
    }

    @Override
    public void setAppId(XdgToplevel self, String newAppId) {
        appId = newAppId;
        xdg.scene().windowChanged(this);
    }

    @Override
    public void showWindowMenu(XdgToplevel self, WlSeat seat, int serial, int menuX, int menuY) {
        // we offer no window menu (and do not advertise one in wm_capabilities)
    }

    @Override
    public void move(XdgToplevel self, WlSeat seat, int serial) {
        Pointer pointer = heldPointer(seat, serial, "move");
        if (pointer != null) pointer.startGrab(new MoveGrab(this, pointer, x, y));
    }

    @Override
    public void resize(XdgToplevel self, WlSeat seat, int serial, int edges) {
        if (!XdgToplevel.ResizeEdge.isValid(edges, self.version()) || edges == XdgToplevel.ResizeEdge.NONE) {
            self.postError(XdgToplevel.Error.INVALID_RESIZE_EDGE, "resize edge " + edges + " is not an xdg_toplevel.resize_edge");
            return;
        }
        Pointer pointer = heldPointer(seat, serial, "resize");
        if (pointer == null) return;
        Rect start = geometry();
        size.startResize(edges, start);
        pointer.startGrab(new ResizeGrab(this, pointer, edges, start));
    }

    /**
     * The pointer, if {@code serial} is the press of a button still held on this window: the
     * user action we move or resize windows for. Otherwise null and the request is ignored, as
     * are requests on maximized or fullscreen windows (xdg-shell allows both).
     */
    private Pointer heldPointer(WlSeat seatResource, int serial, String what) {
        Pointer pointer = Seat.of(seatResource).pointer();
        boolean valid = serial != 0 && pointer.pressSerial() == serial && XdgShell.owningToplevel(pointer.focus()) == this
                && placed && !maximized && !fullscreen && !xdg.kiosk();
        if (!valid) LOG.debug("ignoring {} of '{}' with serial {}: not a held button press on this window", what, title, serial);
        return valid ? pointer : null;
    }

    @Override
    public void setMaxSize(XdgToplevel self, int width, int height) {
        size.setMaxSize(self, width, height);
    }

    @Override
    public void setMinSize(XdgToplevel self, int width, int height) {
        size.setMinSize(self, width, height);
    }

    @Override
    public void setMaximized(XdgToplevel self) {
        setMaximized(true);
    }

    @Override
    public void unsetMaximized(XdgToplevel self) {
        setMaximized(false);
    }

    @Override
    public void setFullscreen(XdgToplevel self, WlOutput output) {
        setFullscreen(true, output == null ? null : OutputGlobal.of(output));
    }

    @Override
    public void unsetFullscreen(XdgToplevel self) {
        setFullscreen(false, null);
    }

    @Override
    public void setMinimized(XdgToplevel self) {
        setMinimized(true);
    }

    // ---- what the window manager does (ManagedWindow) ----

    @Override
    public void close() {
        if (alive) resource.sendClose();
    }

    @Override
    public boolean maximized() {
        return maximized;
    }

    @Override
    public boolean fullscreen() {
        return fullscreen;
    }

    @Override
    public boolean minimized() {
        return minimized;
    }

    @Override
    public void setMaximized(boolean on) {
        if (xdg.kiosk()) xdg.configure(); // refused: the configure says the state stays
        else applyFullState(on, fullscreen, fullOutput);
    }

    @Override
    public void setFullscreen(boolean on, Output output) {
        if (xdg.kiosk()) xdg.configure();
        else applyFullState(maximized, on, on && output != null ? output : fullOutput);
    }

    @Override
    public Output output() {
        java.util.List<Output> outputs = xdg.scene().outputs();
        if ((maximized || fullscreen) && fullOutput != null && outputs.contains(fullOutput)) return fullOutput;
        if (!placed) return xdg.scene().primaryOutput();
        Rect g = geometry();
        return xdg.scene().outputAt(g.x() + g.width() / 2, g.y() + g.height() / 2);
    }

    /**
     * Sets the maximized and fullscreen states; entering either fills {@code output} (null: the
     * one the window is on now). The floating place is remembered for the way back.
     */
    private void applyFullState(boolean newMaximized, boolean newFullscreen, Output output) {
        boolean full = newMaximized || newFullscreen;
        Output target = full ? (output != null ? output : (maximized || fullscreen) && fullOutput != null ? fullOutput : output()) : null;
        if (newMaximized == maximized && newFullscreen == fullscreen && target == fullOutput) return;
        rememberFloatingPosition();
        maximized = newMaximized;
        fullscreen = newFullscreen;
        fullOutput = target;
        if (placed) { // where its state says, damaging where it was and where it is
            xdg.damageWithPopups();
            placeWindow();
            xdg.damageWithPopups();
        }
        xdg.configure();
        xdg.scene().windowChanged(this);
    }

    @Override
    public void moveToOutput(Output output) {
        if (xdg.kiosk() || !placed) return;
        if (maximized || fullscreen) {
            applyFullState(maximized, fullscreen, output);
            return;
        }
        Output from = output();
        Rect g = geometry();
        int nx = output.x() + Math.clamp(g.x() - from.x(), 0, Math.max(0, output.logicalWidth() - g.width()));
        int ny = output.y() + Math.clamp(g.y() - from.y(), 0, Math.max(0, output.logicalHeight() - g.height()));
        moveTo(nx, ny);
    }

    /**
     * Hides the window: its popups are dismissed, it goes to the bottom of the stack (last in the
     * focus order), and the keyboard focus moves to the topmost window shown. Who shows it again raises it.
     */
    @Override
    public void setMinimized(boolean on) {
        if (on == minimized || xdg.kiosk() || !placed && on) return;
        if (on) {
            xdg.dismissChildPopups();
            xdg.damageWithPopups();
            minimized = true;
            xdg.scene().lower(this);
            if (XdgShell.owningToplevel(xdg.seat().keyboardFocus()) == this) xdg.seat().focusTopWindow();
        } else {
            minimized = false;
            xdg.damageWithPopups();
        }
        xdg.scene().windowChanged(this);
    }
}
