package javawc.compositor;

import javawc.os.OsException;
import javawc.server.EventLoop;
import javawc.server.LoopTimer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Collects the heap, handing what is unused back to the system, once the screen has been still
 * for a whole period and the heap grew enough since the last such collection to be worth it.
 *
 * <p>Why here and not in the collector: the JVM cannot tell a compositor that animates from one
 * that waits. A collector's own periodic collection (G1's, JEP 346) runs after a time without a
 * collection, which is exactly what a frame path that allocates little looks like: it started a
 * concurrent cycle every few seconds during animations. The compositor knows when nothing is
 * drawn: a collection then delays no frame, and one pass after a burst (hundreds of clients, a
 * huge window closed) is what brings the resident size back down. The check is one timer
 * wake-up per period on the event loop.
 */
final class IdleHeapTrim implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(IdleHeapTrim.class);
    static final long PERIOD_NANOS = 5_000_000_000L;
    /**
     * Growth of the heap in use or committed since the last collection below which a collection
     * would hand back too little to pay its pause (more than a G1 region, whose allocation alone
     * moves the figures by up to 4 MiB).
     */
    static final long WORTH_COLLECTING = 8L << 20;

    /** The heap as the policy sees it; {@link #RUNTIME} is the JVM's. */
    interface Heap {
        long used();

        long committed();

        void collect();
    }

    static final Heap RUNTIME = new Heap() {
        @Override
        public long used() {
            return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        }

        @Override
        public long committed() {
            return Runtime.getRuntime().totalMemory();
        }

        @Override
        public void collect() {
            System.gc();
        }
    };

    private final Heap heap;
    private final LoopTimer timer;
    private long frames, framesAtLastCheck;
    private long usedAfterLast, committedAfterLast;
    private int collections;

    IdleHeapTrim(EventLoop loop, long periodNanos, Heap heap) throws OsException {
        this.heap = heap;
        timer = LoopTimer.periodic(loop, periodNanos, this::check);
        usedAfterLast = heap.used();
        committedAfterLast = heap.committed();
    }

    /** Started on {@code loop}; null (and a warning) when its timer cannot be had: the heap is then only the collector's business. */
    static IdleHeapTrim start(EventLoop loop) {
        try {
            return new IdleHeapTrim(loop, PERIOD_NANOS, RUNTIME);
        } catch (OsException e) {
            LOG.warn("no idle collection of the heap: {}", e.getMessage());
            return null;
        }
    }

    /** An output showed a frame: the screen is not still. Called once a frame, so it only counts. */
    void framePresented() {
        frames++;
    }

    private void check() {
        boolean still = frames == framesAtLastCheck;
        framesAtLastCheck = frames;
        if (still && shouldCollect(heap.used() - usedAfterLast, heap.committed() - committedAfterLast)) collect();
    }

    /**
     * Whether a still screen is worth a collection, the heap in use and the heap committed having
     * grown by these many bytes since the last one (a collector that collects young objects by
     * itself keeps the first small while the second grows: what a burst promoted and left).
     */
    static boolean shouldCollect(long usedGrowth, long committedGrowth) {
        return Math.max(usedGrowth, committedGrowth) >= WORTH_COLLECTING;
    }

    private void collect() {
        long usedBefore = heap.used(), committedBefore = heap.committed(), start = System.nanoTime();
        heap.collect();
        collections++;
        usedAfterLast = heap.used();
        committedAfterLast = heap.committed();
        if (LOG.isDebugEnabled()) {
            LOG.debug("idle collection in {} ms: heap used {} -> {} KiB, committed {} -> {} KiB", (System.nanoTime() - start) / 1_000_000,
                    usedBefore >> 10, usedAfterLast >> 10, committedBefore >> 10, committedAfterLast >> 10);
        }
    }

    /** How many collections it asked for. */
    int collections() {
        return collections;
    }

    @Override
    public void close() {
        timer.close();
    }
}
