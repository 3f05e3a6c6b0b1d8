package javawc.compositor;

import javawc.os.OsException;
import javawc.server.EventLoop;
import javawc.server.LoopTimer;

/**
 * Runs a task once, on the loop thread, the first time the event loop has had nothing to do
 * for a while: for start-up work that can wait (Main: the round trip's foreign calls), so that
 * it takes no CPU from the first clients, nor from clients that keep the loop busy from the
 * start. A timer checks every {@value #PERIOD_MS} ms; the loop was idle when that period's only
 * turn was the one that slept until this check, and it slept for at least half the period (a
 * long turn that ran past the timer is not idleness).
 */
final class WhenIdle implements AutoCloseable {
    private static final int PERIOD_MS = 3;
    private static final long PERIOD_NANOS = PERIOD_MS * 1_000_000L;

    private final LoopTimer timer;
    private final Runnable task;
    private int turns;      // turns begun since the last check
    private long sleptAt;   // System.nanoTime() when the last turn went to sleep
    private boolean done;

    WhenIdle(EventLoop loop, Runnable task) throws OsException {
        this.task = task;
        timer = LoopTimer.periodic(loop, PERIOD_NANOS, this::check);
        sleptAt = System.nanoTime();
        loop.beforeSleep(() -> {
            if (done) return;
            turns++;
            sleptAt = System.nanoTime();
        });
    }

    private void check() {
        boolean idle = turns == 1 && System.nanoTime() - sleptAt >= PERIOD_NANOS / 2;
        turns = 0;
        if (!idle) return;
        close();
        task.run();
    }

    @Override
    public void close() {
        if (done) return;
        done = true;
        timer.close();
    }
}
