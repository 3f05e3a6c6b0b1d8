package javawc.compositor.idle;

import javawc.server.GlobalRegistry;
import javawc.server.protocol.ExtIdleNotificationV1;
import javawc.server.protocol.ExtIdleNotifierV1;
import javawc.server.protocol.WlSeat;

/**
 * ext_idle_notifier_v1 (v1): a notification goes idle when the seat had no input for its
 * timeout (unless an idle inhibitor's surface is shown) and resumes at the next input.
 */
final class IdleNotifierGlobal implements ExtIdleNotifierV1.Handler {
    static final int VERSION = 1;

    private final IdleTracker tracker;

    IdleNotifierGlobal(GlobalRegistry registry, IdleTracker tracker) {
        this.tracker = tracker;
        registry.add(ExtIdleNotifierV1.SPEC, VERSION, ExtIdleNotifierV1::new, r -> r.setHandler(this));
    }

    @Override
    public void getIdleNotification(ExtIdleNotifierV1 self, ExtIdleNotificationV1 id, int timeoutMs, WlSeat seat) {
        IdleNotification n = new IdleNotification(id, Integer.toUnsignedLong(timeoutMs) * 1_000_000L);
        id.onDestroy(() -> tracker.remove(n));
        tracker.add(n);
    }

    @Override
    public void destroy(ExtIdleNotifierV1 self) {
        // destructor: notifications made through it live on
    }
}
