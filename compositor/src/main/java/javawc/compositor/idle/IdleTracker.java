package javawc.compositor.idle;

import javawc.compositor.core.Surface;
import javawc.compositor.seat.Seat;
import javawc.os.OsException;
import javawc.server.EventLoop;
import javawc.server.LoopTimer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * When the user was last active, the idle notifications waiting on that, and the inhibitors
 * that hold idleness off. Input only stamps the time (and resumes notifications that had gone
 * idle): it costs no system call on the hot path. One timerfd wakes the loop at the earliest
 * moment a notification could go idle; then each is checked against the time since the last
 * input. While an inhibitor's surface is shown nobody goes idle, and the waiting starts again
 * when the last such inhibitor goes or its surface is hidden (noticed at the next check).
 */
final class IdleTracker implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(IdleTracker.class);

    /** One ext_idle_notification_v1's state. */
    interface Notification {
        long timeoutNanos();

        boolean idle();

        void setIdle(boolean idle); // sends idled or resumed
    }

    private final List<Notification> notifications = new ArrayList<>();
    private final List<Surface> inhibitors = new ArrayList<>();
    private final LoopTimer timer;
    private final int[] xy = new int[2];
    private long lastActivity = System.nanoTime();
    private long armedFor; // the deadline the timer is set to; 0: disarmed
    private boolean wasInhibited;

    IdleTracker(EventLoop loop, Seat seat) throws OsException {
        timer = new LoopTimer(loop, () -> {
            armedFor = 0;
            check();
        });
        seat.addActivityListener(this::activity);
    }

    void add(Notification n) {
        notifications.add(n);
        arm(lastActivity + n.timeoutNanos());
    }

    void remove(Notification n) {
        notifications.remove(n);
    }

    void addInhibitor(Surface s) {
        inhibitors.add(s);
    }

    void removeInhibitor(Surface s) {
        inhibitors.remove(s);
        arm(System.nanoTime()); // idleness may be due now that it is gone: look at once
    }

    /** Input from any device: the user is here. */
    private void activity() {
        lastActivity = System.nanoTime();
        for (int i = 0; i < notifications.size(); i++) {
            Notification n = notifications.get(i);
            if (n.idle()) {
                n.setIdle(false);
                arm(lastActivity + n.timeoutNanos());
            }
        }
    }

    /** Whether a shown surface inhibits idleness (a hidden or unmapped one does not). */
    private boolean inhibited() {
        for (int i = 0; i < inhibitors.size(); i++) {
            Surface s = inhibitors.get(i);
            if (!s.isDestroyed() && s.position(xy)) return true;
        }
        return false;
    }

    private void check() {
        long now = System.nanoTime();
        boolean inhibited = inhibited();
        if (wasInhibited && !inhibited) lastActivity = now; // the wait starts when the inhibition ends
        wasInhibited = inhibited;
        long next = Long.MAX_VALUE;
        for (int i = 0; i < notifications.size(); i++) {
            Notification n = notifications.get(i);
            if (n.idle()) continue;
            long due = lastActivity + n.timeoutNanos();
            if (!inhibited && now - due >= 0) n.setIdle(true);
            else next = Math.min(next, inhibited ? now + n.timeoutNanos() : due);
        }
        if (next != Long.MAX_VALUE) arm(next);
    }

    /** Makes sure the timer fires by {@code deadline} (monotonic nanoseconds). */
    private void arm(long deadline) {
        if (armedFor != 0 && armedFor - deadline <= 0) return; // it fires earlier already
        try {
            timer.armAt(Math.max(deadline, 1));
            armedFor = deadline;
        } catch (OsException e) {
            LOG.error("idle timer: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.close();
    }
}
