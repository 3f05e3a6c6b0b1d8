package javawc.compositor.sessionlock;

import javawc.compositor.ProtocolContext;
import javawc.compositor.security.Privilege;
import javawc.server.protocol.ExtSessionLockManagerV1;

/** ext_session_lock_manager_v1, for the lockers the [privileges] policy allows (SESSION_LOCK). */
public final class SessionLockProtocol {
    private SessionLockProtocol() {}

    public static AutoCloseable install(ProtocolContext c) {
        SessionLockManager manager = new SessionLockManager(c.server(), c.scene(), c.seat());
        c.privileges().restrict(c.globals().add(ExtSessionLockManagerV1.SPEC, SessionLockManager.VERSION, ExtSessionLockManagerV1::new,
                r -> r.setHandler(manager)), Privilege.SESSION_LOCK);
        return null;
    }
}
