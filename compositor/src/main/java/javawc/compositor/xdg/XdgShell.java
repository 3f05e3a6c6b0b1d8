package javawc.compositor.xdg;

import javawc.compositor.ProtocolContext;
import javawc.os.OsException;

/** xdg_wm_base: toplevels and popups, with a ping every few seconds. */
public final class XdgShell {
    /** How often clients are pinged; one that has not answered by the next ping is logged as unresponsive. */
    public static final long PING_INTERVAL_MS = 5000;

    private XdgShell() {}

    public static AutoCloseable install(ProtocolContext c) throws OsException {
        XdgWmBaseGlobal global = new XdgWmBaseGlobal(c.globals(), c.server(), c.scene(), c.seat(), PING_INTERVAL_MS);
        if (c.policy().xdgBufferBeforeFirstAck()) global.acceptBufferBeforeFirstAck();
        global.setKiosk(c.options().kiosk() || Boolean.TRUE.equals(c.config().kiosk()));
        return global;
    }
}
