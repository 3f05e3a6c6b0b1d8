package javawc.compositor;

import javawc.os.Descriptors;
import javawc.os.Epoll;
import javawc.os.OwnedFd;
import javawc.server.EventLoop;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** WhenIdle runs its task once, on the loop thread, once the loop has nothing to do; not while it is kept busy. */
class WhenIdleTest {
    @Test
    void runsOnceOnTheLoopThreadWhenTheLoopIsIdle() throws Exception {
        try (EventLoop loop = new EventLoop()) {
            AtomicInteger runs = new AtomicInteger();
            boolean[] onLoopThread = {false};
            try (WhenIdle idle = new WhenIdle(loop, () -> {
                runs.incrementAndGet();
                onLoopThread[0] = loop.isLoopThread();
                loop.stop();
            })) {
                assertTimeoutPreemptively(Duration.ofSeconds(30), loop::run);
                assertEquals(1, runs.get());
                assertTrue(onLoopThread[0]);
                // its timer is gone: more idle turns run nothing
                loop.post(() -> {});
                loop.dispatch(20);
                loop.dispatch(20);
                assertEquals(1, runs.get());
            }
        }
    }

    @Test
    void waitsWhileTheLoopIsBusy() throws Exception {
        try (EventLoop loop = new EventLoop(); OwnedFd busy = Descriptors.eventFd()) {
            AtomicInteger runs = new AtomicInteger();
            Descriptors.signalEvent(busy, 1); // never read while busy: ready at every turn
            int[] busyTurns = {0};
            EventLoop.Source source = loop.add(busy.get(), Epoll.IN, events -> busyTurns[0]++);
            try (WhenIdle idle = new WhenIdle(loop, runs::incrementAndGet)) {
                long until = System.nanoTime() + 60_000_000L; // 20 of its periods
                while (System.nanoTime() < until) loop.dispatch(-1);
                assertTrue(busyTurns[0] > 100, "the loop turned without sleeping");
                assertEquals(0, runs.get(), "not while busy");
                source.remove();
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                    while (runs.get() == 0) loop.dispatch(-1);
                });
                assertEquals(1, runs.get(), "once idle");
            }
        }
    }

    @Test
    void closedBeforeIdleNeverRuns() throws Exception {
        try (EventLoop loop = new EventLoop()) {
            AtomicInteger runs = new AtomicInteger();
            new WhenIdle(loop, runs::incrementAndGet).close();
            for (int i = 0; i < 5; i++) loop.dispatch(10);
            assertEquals(0, runs.get());
        }
    }
}
