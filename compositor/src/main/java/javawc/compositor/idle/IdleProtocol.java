package javawc.compositor.idle;

import javawc.compositor.ProtocolContext;
import javawc.os.OsException;

/**
 * ext_idle_notifier_v1 (screen lockers and power managers such as swayidle learn when the user
 * has been away) and zwp_idle_inhibit_manager_v1 (a video player keeps that from happening while
 * its window is shown). They share one {@link IdleTracker}.
 */
public final class IdleProtocol {
    private IdleProtocol() {}

    public static AutoCloseable install(ProtocolContext c) throws OsException {
        IdleTracker tracker = new IdleTracker(c.server().loop(), c.seat());
        new IdleNotifierGlobal(c.globals(), tracker);
        new IdleInhibitManagerGlobal(c.globals(), tracker);
        return tracker;
    }
}
