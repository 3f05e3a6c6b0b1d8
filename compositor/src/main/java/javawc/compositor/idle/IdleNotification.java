package javawc.compositor.idle;

import javawc.server.protocol.ExtIdleNotificationV1;

/** ext_idle_notification_v1: idled once the user has been away for the timeout, resumed when back. */
final class IdleNotification implements ExtIdleNotificationV1.Handler, IdleTracker.Notification {
    private final ExtIdleNotificationV1 resource;
    private final long timeoutNanos;
    private boolean idle;

    IdleNotification(ExtIdleNotificationV1 resource, long timeoutNanos) {
        this.resource = resource;
        this.timeoutNanos = timeoutNanos;
        resource.setHandler(this);
    }

    @Override
    public long timeoutNanos() {
        return timeoutNanos;
    }

    @Override
    public boolean idle() {
        return idle;
    }

    @Override
    public void setIdle(boolean now) {
        if (idle == now || !resource.isAlive()) return;
        idle = now;
        if (now) resource.sendIdled();
        else resource.sendResumed();
    }

    @Override
    public void destroy(ExtIdleNotificationV1 self) {
        // destructor: the tracker forgets it as the resource goes
    }
}
