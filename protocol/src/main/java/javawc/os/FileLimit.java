package javawc.os;

import com.sun.jna.Native;

/**
 * RLIMIT_NOFILE, the number of descriptors a process may have open. Every client costs the
 * compositor its socket and the fds it hands over (pools, keymaps, pipes, dma-bufs), and the
 * usual soft limit (1024) would let a few busy clients starve the rest; so the compositor
 * raises its soft limit to the hard one at start, as other compositors do.
 */
public final class FileLimit {
    private static final int RLIMIT_NOFILE = 7;

    static {
        LibC.errno(); // LibC's platform check and JNA's search path first
        Native.register(LibC.LIBRARY);
    }

    private static volatile long startedWith = -1; // the soft limit before raiseToHard, which children get back; -1: not raised

    private FileLimit() {}

    private static native int getrlimit(int resource, long[] limits);

    private static native int setrlimit(int resource, long[] limits);

    /** The soft and hard limits now. */
    public static long[] current() throws OsException {
        long[] limits = new long[2];
        if (getrlimit(RLIMIT_NOFILE, limits) != 0) throw OsException.last("getrlimit");
        return limits;
    }

    /** Raises the soft limit to the hard one; returns {soft before, soft after}. */
    public static long[] raiseToHard() throws OsException {
        long[] limits = current();
        long before = limits[0];
        startedWith = before;
        if (limits[0] < limits[1]) {
            limits[0] = limits[1];
            if (setrlimit(RLIMIT_NOFILE, limits) != 0) throw OsException.last("setrlimit");
        }
        return new long[] {before, limits[0]};
    }

    /**
     * Lowers the soft limit back to what the compositor was started with, for the moment a
     * child is spawned (posix_spawn cannot set a child's limits, and the child must not inherit
     * ours: programs using select() fail on descriptors above 1024, which is why the usual soft
     * limit is that low). Returns the limit to {@link #restore} afterwards, or -1 when nothing
     * was changed. Only a descriptor opened by another thread in that moment, while more than
     * the lowered limit are open, could see EMFILE.
     */
    public static long lowerForChild() {
        long original = startedWith;
        if (original < 0) return -1;
        try {
            long[] limits = current();
            if (limits[0] <= original) return -1;
            long raised = limits[0];
            limits[0] = original;
            return setrlimit(RLIMIT_NOFILE, limits) == 0 ? raised : -1;
        } catch (OsException e) {
            return -1;
        }
    }

    /** Puts back the soft limit {@link #lowerForChild} returned (nothing for -1). */
    public static void restore(long soft) {
        if (soft < 0) return;
        try {
            setSoft(soft);
        } catch (OsException e) {
            throw new IllegalStateException("cannot restore the descriptor limit to " + soft, e);
        }
    }

    /** Sets the soft limit (not above the hard one); for tests of what happens at the limit. */
    public static void setSoft(long soft) throws OsException {
        long[] limits = current();
        limits[0] = Math.min(soft, limits[1]);
        if (setrlimit(RLIMIT_NOFILE, limits) != 0) throw OsException.last("setrlimit");
    }
}
