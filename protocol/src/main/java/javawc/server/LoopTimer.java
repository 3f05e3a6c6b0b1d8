package javawc.server;

import javawc.os.Descriptors;
import javawc.os.Epoll;
import javawc.os.OsException;
import javawc.os.OwnedFd;

/**
 * A timer on the event loop: a timerfd (CLOCK_MONOTONIC, System.nanoTime's clock) registered as
 * a source, whose expiry runs a task on the loop thread. Arming and disarming are one
 * timerfd_settime each and allocate nothing, so frame clocks can use it on every frame. A wake-up
 * that finds no expiry to read (the timer was re-armed or disarmed after epoll saw it ready, in
 * the same turn) runs nothing.
 */
public final class LoopTimer implements AutoCloseable {
    private final OwnedFd fd;
    private final EventLoop.Source source;
    private final Runnable onExpiry;

    /** A disarmed timer on {@code loop} that runs {@code onExpiry} each time it expires. */
    public LoopTimer(EventLoop loop, Runnable onExpiry) throws OsException {
        this.onExpiry = onExpiry;
        fd = Descriptors.timerFd();
        try {
            source = loop.add(fd.get(), Epoll.IN, events -> expired());
        } catch (OsException | RuntimeException e) {
            fd.close();
            throw e;
        }
    }

    /** A timer on {@code loop} that runs {@code onExpiry} every {@code periodNanos}, the first time one period from now. */
    public static LoopTimer periodic(EventLoop loop, long periodNanos, Runnable onExpiry) throws OsException {
        LoopTimer timer = new LoopTimer(loop, onExpiry);
        try {
            timer.armAfter(periodNanos, periodNanos);
        } catch (OsException | RuntimeException e) {
            timer.close();
            throw e;
        }
        return timer;
    }

    private void expired() throws OsException {
        if (Descriptors.readCounter(fd) != 0) onExpiry.run();
    }

    /** First expiry {@code initialNanos} from now (more than 0), then every {@code intervalNanos} (0: once). */
    public void armAfter(long initialNanos, long intervalNanos) throws OsException {
        Descriptors.armTimer(fd, initialNanos, intervalNanos);
    }

    /** One expiry at {@code deadlineNanos} of System.nanoTime's clock (more than 0; a past one expires at once). */
    public void armAt(long deadlineNanos) throws OsException {
        Descriptors.armTimerAbsolute(fd, deadlineNanos);
    }

    /** No expiry until armed again; one already due but not yet run is dropped. */
    public void disarm() throws OsException {
        Descriptors.armTimer(fd, 0, 0);
    }

    public boolean isOpen() {
        return fd.isOpen();
    }

    /** Off the loop and closed; idempotent, and safe from its own task. */
    @Override
    public void close() {
        source.remove();
        fd.close();
    }
}
