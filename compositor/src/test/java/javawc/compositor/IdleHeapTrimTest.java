package javawc.compositor;

import javawc.server.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdleHeapTrimTest {
    private static final long PERIOD_NANOS = 30_000_000L, MIB = 1 << 20;

    /** A heap whose figures the test sets; a collection brings it back to its live size. */
    private static final class FakeHeap implements IdleHeapTrim.Heap {
        long used = 10 * MIB, committed = 16 * MIB, live = 10 * MIB;
        int collected;

        @Override
        public long used() {
            return used;
        }

        @Override
        public long committed() {
            return committed;
        }

        @Override
        public void collect() {
            collected++;
            used = live;
            committed = Math.max(16 * MIB, live * 13 / 10);
        }
    }

    private final FakeHeap heap = new FakeHeap();
    private EventLoop loop;
    private IdleHeapTrim trim;

    @BeforeEach
    void start() throws Exception {
        loop = new EventLoop();
        trim = new IdleHeapTrim(loop, PERIOD_NANOS, heap);
    }

    @AfterEach
    void stop() {
        trim.close();
        loop.close();
    }

    /** Runs the loop for {@code periods} timer periods, calling {@code eachPeriod} between wake-ups. */
    private void run(int periods, Runnable eachPeriod) throws Exception {
        long end = System.nanoTime() + periods * PERIOD_NANOS;
        while (System.nanoTime() < end) {
            eachPeriod.run();
            loop.dispatch((int) (PERIOD_NANOS / 3_000_000));
        }
    }

    @Test
    void collectsOnceWhenTheScreenIsStillAfterABurst() throws Exception {
        heap.used = 60 * MIB;
        heap.committed = 80 * MIB;
        run(4, () -> {});
        assertEquals(1, heap.collected, "one collection once nothing was drawn for a period");
        assertEquals(1, trim.collections());
        run(4, () -> {});
        assertEquals(1, heap.collected, "nothing grew since: no second collection");
    }

    @Test
    void collectsAHeapThatGrewEvenWhenItsGarbageIsAlreadyGone() throws Exception {
        heap.committed = 64 * MIB; // a burst promoted, the young collections kept 'used' down
        run(3, () -> {});
        assertEquals(1, heap.collected);
        assertEquals(16 * MIB, heap.committed);
    }

    @Test
    void neverCollectsWhileFramesAreShown() throws Exception {
        heap.used = 60 * MIB;
        run(6, trim::framePresented);
        assertEquals(0, heap.collected, "frames were shown in every period");
        run(3, () -> {});
        assertEquals(1, heap.collected, "then the screen stood still");
    }

    @Test
    void leavesASmallGrowthAlone() throws Exception {
        heap.used += IdleHeapTrim.WORTH_COLLECTING - 1;
        run(4, () -> {});
        assertEquals(0, heap.collected);
    }

    @Test
    void worthCollectingOnlyAfterEnoughGrowth() {
        long enough = IdleHeapTrim.WORTH_COLLECTING;
        assertFalse(IdleHeapTrim.shouldCollect(0, 0));
        assertFalse(IdleHeapTrim.shouldCollect(enough - 1, enough - 1));
        assertTrue(IdleHeapTrim.shouldCollect(enough, 0), "garbage left");
        assertTrue(IdleHeapTrim.shouldCollect(1 << 20, enough), "young garbage collected by the collector, the heap grown");
        assertFalse(IdleHeapTrim.shouldCollect(-(6 << 20), -(6 << 20)), "a heap that shrank by itself");
    }
}
