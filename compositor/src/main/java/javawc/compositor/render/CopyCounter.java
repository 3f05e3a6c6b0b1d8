package javawc.compositor.render;

/**
 * Bytes copied out of client buffers (shm at commit, dma-bufs when composited): the cost that
 * direct scanout removes. One counter for the process, read and written on the event loop
 * thread only; backends report how much of it each frame took.
 */
public final class CopyCounter {
    private static long total;

    private CopyCounter() {}

    public static void add(long bytes) {
        total += bytes;
    }

    public static long total() {
        return total;
    }
}
