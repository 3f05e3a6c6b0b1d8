package javawc.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real timerfd on a real loop: its task runs on expiry only, and close takes it off the loop. */
class LoopTimerTest {
    private EventLoop loop;
    private int runs;

    @BeforeEach
    void start() throws Exception {
        loop = new EventLoop();
    }

    @AfterEach
    void stop() {
        loop.close();
    }

    private void expired() {
        runs++;
    }

    /** Turns the loop until the timer's task has run {@code n} times. */
    private void dispatchUntilRuns(int n) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            while (runs < n) loop.dispatch(-1);
        });
    }

    /** A few turns that do not wait for anything: whatever is ready runs. */
    private void idleTurns() throws Exception {
        for (int i = 0; i < 3; i++) {
            loop.post(() -> {});
            loop.dispatch(-1);
        }
    }

    @Test
    void armedAfterADelayItRunsOnceOnTheLoopThread() throws Exception {
        boolean[] onLoopThread = {false};
        try (LoopTimer timer = new LoopTimer(loop, () -> {
            runs++;
            onLoopThread[0] = loop.isLoopThread();
            loop.stop();
        })) {
            timer.armAfter(1_000_000L, 0);
            assertTimeoutPreemptively(Duration.ofSeconds(30), loop::run);
            assertTrue(onLoopThread[0]);
            idleTurns();
            assertEquals(1, runs, "once: no interval");
        }
    }

    @Test
    void armedForADeadlineAlreadyPastItRunsAtOnce() throws Exception {
        try (LoopTimer timer = new LoopTimer(loop, this::expired)) {
            timer.armAt(System.nanoTime());
            dispatchUntilRuns(1);
            idleTurns();
            assertEquals(1, runs);
        }
    }

    @Test
    void withAnIntervalItRunsAgainUntilDisarmed() throws Exception {
        try (LoopTimer timer = new LoopTimer(loop, this::expired)) {
            timer.armAfter(1_000_000L, 1_000_000L);
            dispatchUntilRuns(3);
            timer.disarm();
            int before = runs;
            idleTurns();
            assertEquals(before, runs);
        }
    }

    @Test
    void disarmedItDoesNotRunEvenWhenItWasDue() throws Exception {
        try (LoopTimer timer = new LoopTimer(loop, this::expired)) {
            timer.armAt(System.nanoTime()); // expired already
            timer.disarm();
            idleTurns();
            assertEquals(0, runs);
        }
    }

    @Test
    void disarmedInTheTurnThatSawItReadyItRunsNothing() throws Exception {
        try (LoopTimer timer = new LoopTimer(loop, this::expired)) {
            // the posted task wakes the loop first, so epoll lists it before the timer (its
            // ready list is in the order the fds became ready): the timer's wake-up then
            // finds no expiry to read
            loop.post(() -> {
                try {
                    timer.disarm();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            timer.armAt(System.nanoTime());
            loop.dispatch(-1);
            idleTurns();
            assertEquals(0, runs);
        }
    }

    @Test
    void closedItLeavesTheLoopAndClosesItsFd() throws Exception {
        LoopTimer timer = new LoopTimer(loop, this::expired);
        timer.armAt(System.nanoTime());
        assertTrue(timer.isOpen());
        timer.close();
        assertFalse(timer.isOpen());
        idleTurns();
        assertEquals(0, runs);
        timer.close(); // idempotent
    }

    @Test
    void itsTaskMayCloseIt() throws Exception {
        LoopTimer[] timer = new LoopTimer[1];
        timer[0] = new LoopTimer(loop, () -> {
            runs++;
            timer[0].close();
        });
        timer[0].armAfter(1_000_000L, 1_000_000L);
        dispatchUntilRuns(1);
        assertFalse(timer[0].isOpen());
        idleTurns();
        assertEquals(1, runs);
    }
}
