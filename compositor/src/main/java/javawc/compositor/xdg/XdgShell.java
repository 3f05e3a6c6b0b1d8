package javawc.compositor.xdg;

import javawc.compositor.ProtocolContext;
import javawc.compositor.core.Subsurface;
import javawc.compositor.core.Surface;
import javawc.compositor.wm.ManagedWindow;
import javawc.server.protocol.XdgPopup;
import javawc.server.protocol.XdgToplevel;
import javawc.os.OsException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * xdg_wm_base: toplevels and popups, with a ping every few seconds; and what other protocols
 * may ask of xdg surfaces (a popup's parent, a toplevel's parent, a configure).
 */
public final class XdgShell {
    /** How often clients are pinged; one that has not answered by the next ping is logged as unresponsive. */
    public static final long PING_INTERVAL_MS = 5000;

    private XdgShell() {}

    /**
     * Gives {@code popup}, made by xdg_surface.get_popup with a null parent, the parent
     * {@code parent} (another protocol's surface); false when the popup already has a parent or
     * was committed, and then nothing changes.
     */
    public static boolean adoptPopup(XdgPopup popup, PopupParent parent) {
        return popup.handler() instanceof XdgPopupRole p && p.adopt(parent);
    }

    /** The surface a chain of popups hangs from (a toplevel's or a layer surface), or {@code s} itself when it is no popup. */
    public static Surface popupRoot(Surface s) {
        for (int depth = 0; depth < 64 && s != null; depth++) { // chains are short; the bound guards against a cycle
            if (!(s.role() instanceof XdgSurfaceRole x) || !(x.roleObject() instanceof XdgPopupRole p) || !p.hasParent()) return s;
            s = p.parentSurface();
        }
        return s;
    }

    /** The wl_surface of an xdg_toplevel. */
    public static Surface surfaceOf(XdgToplevel toplevel) {
        return ((XdgToplevelRole) toplevel.handler()).surface();
    }

    /** Sends {@code toplevel} a configure (another protocol's state for it changed: its decoration mode); none before its initial commit. */
    public static void configure(XdgToplevel toplevel) {
        ((XdgToplevelRole) toplevel.handler()).xdgSurface().configure();
    }

    /** Whether {@code s} is an xdg_toplevel's surface (its toplevel object alive). */
    public static boolean isToplevel(Surface s) {
        return s.role() instanceof XdgSurfaceRole x && x.isAlive() && x.roleObject() instanceof XdgToplevelRole t && t.isAlive();
    }

    /**
     * Makes the toplevel of {@code parent} (null: none) the parent of the toplevel of {@code child},
     * as xdg_toplevel.set_parent does (both must be toplevels' surfaces); false when that would make a loop.
     */
    public static boolean setParent(Surface child, Surface parent) {
        XdgToplevelRole c = (XdgToplevelRole) ((XdgSurfaceRole) child.role()).roleObject();
        XdgToplevelRole p = parent == null ? null : (XdgToplevelRole) ((XdgSurfaceRole) parent.role()).roleObject();
        return c.parentTo(p);
    }

    /** The parent window of the toplevel of {@code s}, or null. */
    public static ManagedWindow parentOf(Surface s) {
        return isToplevel(s) ? ((XdgToplevelRole) ((XdgSurfaceRole) s.role()).roleObject()).parent() : null;
    }

    /** The toplevel a surface belongs to: its own, or the one its subsurface or popup tree hangs from; null if none. */
    static XdgToplevelRole owningToplevel(Surface s) {
        for (int depth = 0; s != null && depth < 64; depth++) { // trees are shallow; the bound guards against a cycle
            if (s.role() instanceof Subsurface sub) {
                s = sub.parent();
                continue;
            }
            if (!(s.role() instanceof XdgSurfaceRole x)) return null;
            if (x.roleObject() instanceof XdgToplevelRole t) return t;
            if (!(x.roleObject() instanceof XdgPopupRole p)) return null;
            s = p.parentSurface();
        }
        return null;
    }

    /** An array of ints as a wl_array's bytes. */
    static ByteBuffer ints(int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.nativeOrder());
        for (int v : values) b.putInt(v);
        return b.flip();
    }

    public static AutoCloseable install(ProtocolContext c) throws OsException {
        XdgWmBaseGlobal global = new XdgWmBaseGlobal(c.globals(), c.server(), c.scene(), c.seat(), PING_INTERVAL_MS);
        if (c.policy().xdgBufferBeforeFirstAck()) global.acceptBufferBeforeFirstAck();
        global.setKiosk(c.options().kiosk() || Boolean.TRUE.equals(c.config().kiosk()));
        return global;
    }
}
