package javawc.compositor.xdg;

import javawc.compositor.core.Surface;
import javawc.compositor.output.Output;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.SceneWindow;
import javawc.server.protocol.WlOutput;
import javawc.server.protocol.WlSeat;
import javawc.server.protocol.XdgToplevel;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * xdg_toplevel: a window. Placed when first mapped (centred, cascading), stacked newest on
 * top; the topmost window is the activated one. Maximized and fullscreen windows are
 * configured to the output's size at its origin. Without a seat there is nobody to move or
 * resize a window interactively, so those requests do nothing yet.
 */
final class XdgToplevelRole implements XdgSurfaceRole.RoleObject, XdgToplevel.Handler, SceneWindow {
    private static final Logger LOG = LogManager.getLogger(XdgToplevelRole.class);
    private final XdgToplevel resource;
    private final XdgSurfaceRole xdg;
    private String title = "", appId = "";
    private XdgToplevelRole parent;
    private int minWidth, minHeight, maxWidth, maxHeight;
    private boolean maximized, fullscreen, activated, capabilitiesSent, placed, alive = true;
    private int x, y;

    XdgToplevelRole(XdgToplevel resource, XdgSurfaceRole xdg) {
        this.resource = resource;
        this.xdg = xdg;
        resource.setHandler(this);
        resource.onDestroy(() -> {
            alive = false;
            xdg.roleObjectDestroyed();
        });
    }

    @Override
    public boolean isAlive() {
        return alive;
    }

    @Override
    public Surface surface() {
        return xdg.surface();
    }

    @Override
    public boolean visible() {
        return alive && xdg.isMapped();
    }

    // ---- configure and mapping ----

    @Override
    public void sendConfigure() {
        Output output = xdg.scene().primaryOutput();
        if (resource.version() >= XdgToplevel.EVENT_CONFIGURE_BOUNDS_SINCE) {
            resource.sendConfigureBounds(output.logicalWidth(), output.logicalHeight());
        }
        if (resource.version() >= XdgToplevel.EVENT_WM_CAPABILITIES_SINCE && !capabilitiesSent) {
            capabilitiesSent = true;
            resource.sendWmCapabilities(ints(XdgToplevel.WmCapabilities.MAXIMIZE, XdgToplevel.WmCapabilities.FULLSCREEN));
        }
        boolean full = maximized || fullscreen;
        int[] states = new int[3];
        int n = 0;
        if (maximized) states[n++] = XdgToplevel.State.MAXIMIZED;
        if (fullscreen) states[n++] = XdgToplevel.State.FULLSCREEN;
        if (activated) states[n++] = XdgToplevel.State.ACTIVATED;
        resource.sendConfigure(full ? output.logicalWidth() : 0, full ? output.logicalHeight() : 0, ints(java.util.Arrays.copyOf(states, n)));
    }

    private static ByteBuffer ints(int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.nativeOrder());
        for (int v : values) b.putInt(v);
        return b.flip();
    }

    @Override
    public void map() {
        placeWindow();
        placed = true;
        LOG.debug("mapped toplevel '{}' ({}) at {},{}", title, appId, x, y);
        xdg.scene().addToplevel(this);
        updateActivation();
    }

    /** Maximized and fullscreen windows sit at the output's origin; others where the scene finds room. */
    private void placeWindow() {
        if (maximized || fullscreen) {
            Output o = xdg.scene().primaryOutput();
            x = o.x();
            y = o.y();
        } else {
            Rect g = xdg.geometry();
            int[] at = xdg.scene().placeToplevel(g.width(), g.height());
            x = at[0];
            y = at[1];
        }
    }

    @Override
    public void unmap() {
        if (!placed) return;
        xdg.scene().removeWindow(this); // while placed: the scene damages where the window was
        placed = false;
        updateActivation();
    }

    /** The topmost mapped toplevel is activated; tell every window whose state changed. */
    private void updateActivation() {
        var windows = xdg.scene().toplevels();
        SceneWindow top = null;
        for (SceneWindow w : windows) if (w.visible()) top = w;
        for (SceneWindow w : windows) {
            if (w instanceof XdgToplevelRole t && t.activated != (w == top)) {
                t.activated = w == top;
                t.xdg.configure();
            }
        }
    }

    @Override
    public boolean windowPosition(int[] xy) {
        if (!placed) return false;
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
    public void setParent(XdgToplevel self, XdgToplevel parentResource) {
        XdgToplevelRole p = parentResource == null ? null : (XdgToplevelRole) parentResource.handler();
        for (XdgToplevelRole a = p; a != null; a = a.parent) {
            if (a == this) {
                self.postError(XdgToplevel.Error.INVALID_PARENT, "set_parent would make a loop");
                return;
            }
        }
        parent = p;
    }

    @Override
    public void setTitle(XdgToplevel self, String newTitle) {
        title = newTitle;
    }

    @Override
    public void setAppId(XdgToplevel self, String newAppId) {
        appId = newAppId;
    }

    @Override
    public void showWindowMenu(XdgToplevel self, WlSeat seat, int serial, int menuX, int menuY) {
        // we offer no window menu (and do not advertise one in wm_capabilities)
    }

    @Override
    public void move(XdgToplevel self, WlSeat seat, int serial) {
        // interactive moves need a pointer grab: they come with wl_seat
    }

    @Override
    public void resize(XdgToplevel self, WlSeat seat, int serial, int edges) {
        if (!XdgToplevel.ResizeEdge.isValid(edges, self.version())) {
            self.postError(XdgToplevel.Error.INVALID_RESIZE_EDGE, "resize edge " + edges + " is not an xdg_toplevel.resize_edge");
        }
        // interactive resizes need a pointer grab: they come with wl_seat
    }

    @Override
    public void setMaxSize(XdgToplevel self, int width, int height) {
        if (width < 0 || height < 0 || width > 0 && width < minWidth || height > 0 && height < minHeight) {
            self.postError(XdgToplevel.Error.INVALID_SIZE, "max size " + width + "x" + height + " is negative or below the min size");
            return;
        }
        maxWidth = width;
        maxHeight = height;
    }

    @Override
    public void setMinSize(XdgToplevel self, int width, int height) {
        if (width < 0 || height < 0 || maxWidth > 0 && width > maxWidth || maxHeight > 0 && height > maxHeight) {
            self.postError(XdgToplevel.Error.INVALID_SIZE, "min size " + width + "x" + height + " is negative or above the max size");
            return;
        }
        minWidth = width;
        minHeight = height;
    }

    @Override
    public void setMaximized(XdgToplevel self) {
        setFullState(true, fullscreen);
    }

    @Override
    public void unsetMaximized(XdgToplevel self) {
        setFullState(false, fullscreen);
    }

    @Override
    public void setFullscreen(XdgToplevel self, WlOutput output) {
        setFullState(maximized, true);
    }

    @Override
    public void unsetFullscreen(XdgToplevel self) {
        setFullState(maximized, false);
    }

    private void setFullState(boolean newMaximized, boolean newFullscreen) {
        if (newMaximized == maximized && newFullscreen == fullscreen) return;
        maximized = newMaximized;
        fullscreen = newFullscreen;
        if (placed) {
            Rect old = xdg.surface().globalBounds();
            placeWindow();
            xdg.scene().damage(old);
            xdg.scene().damage(xdg.surface().globalBounds());
        }
        xdg.configure();
    }

    @Override
    public void setMinimized(XdgToplevel self) {
        // not offered (wm_capabilities leaves it out): nothing could bring the window back
    }
}
