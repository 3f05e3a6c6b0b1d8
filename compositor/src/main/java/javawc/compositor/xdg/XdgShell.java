package javawc.compositor.xdg;

import javawc.compositor.ProtocolContext;
import javawc.os.OsException;

/** xdg_wm_base: toplevels and popups, with a ping every few seconds. */
public final class XdgShell {
    /** How often clients are pinged; one that has not answered by the next ping is logged as unresponsive. */
    public static final long PING_INTERVAL_MS = 5000;

    private XdgShell() {}

    /**
     * Gives {@code popup}, made by xdg_surface.get_popup with a null parent, the parent
     * {@code parent} (another protocol's surface); false when the popup already has a parent or
     * was committed, and then nothing changes.
     */
    public static boolean adoptPopup(javawc.server.protocol.XdgPopup popup, PopupParent parent) {
        return popup.handler() instanceof XdgPopupRole p && p.adopt(parent);
    }

    /** The surface a chain of popups hangs from (a toplevel's or a layer surface), or {@code s} itself when it is no popup. */
    public static javawc.compositor.core.Surface popupRoot(javawc.compositor.core.Surface s) {
        for (int depth = 0; depth < 64 && s != null; depth++) { // chains are short; the bound guards against a cycle
            if (!(s.role() instanceof XdgSurfaceRole x) || !(x.roleObject() instanceof XdgPopupRole p) || !p.hasParent()) return s;
            s = p.parentSurface();
        }
        return s;
    }

    /** The wl_surface of an xdg_toplevel. */
    public static javawc.compositor.core.Surface surfaceOf(javawc.server.protocol.XdgToplevel toplevel) {
        return ((XdgToplevelRole) toplevel.handler()).surface();
    }

    /** Sends {@code toplevel} a configure (another protocol's state for it changed: its decoration mode); none before its initial commit. */
    public static void configure(javawc.server.protocol.XdgToplevel toplevel) {
        ((XdgToplevelRole) toplevel.handler()).xdgSurface().configure();
    }

    /** Whether {@code s} is an xdg_toplevel's surface (its toplevel object alive). */
    public static boolean isToplevel(javawc.compositor.core.Surface s) {
        return s.role() instanceof XdgSurfaceRole x && x.isAlive() && x.roleObject() instanceof XdgToplevelRole t && t.isAlive();
    }

    /**
     * Makes the toplevel of {@code parent} (null: none) the parent of the toplevel of {@code child},
     * as xdg_toplevel.set_parent does (both must be toplevels' surfaces); false when that would make a loop.
     */
    public static boolean setParent(javawc.compositor.core.Surface child, javawc.compositor.core.Surface parent) {
        XdgToplevelRole c = (XdgToplevelRole) ((XdgSurfaceRole) child.role()).roleObject();
        XdgToplevelRole p = parent == null ? null : (XdgToplevelRole) ((XdgSurfaceRole) parent.role()).roleObject();
        return c.parentTo(p);
    }

    /** The parent window of the toplevel of {@code s}, or null. */
    public static javawc.compositor.wm.ManagedWindow parentOf(javawc.compositor.core.Surface s) {
        return isToplevel(s) ? ((XdgToplevelRole) ((XdgSurfaceRole) s.role()).roleObject()).parent() : null;
    }

    public static AutoCloseable install(ProtocolContext c) throws OsException {
        XdgWmBaseGlobal global = new XdgWmBaseGlobal(c.globals(), c.server(), c.scene(), c.seat(), PING_INTERVAL_MS);
        if (c.policy().xdgBufferBeforeFirstAck()) global.acceptBufferBeforeFirstAck();
        global.setKiosk(c.options().kiosk() || Boolean.TRUE.equals(c.config().kiosk()));
        return global;
    }
}
