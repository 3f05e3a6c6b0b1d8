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
        LibC.errno(); // LibC's platform check first
        Native.register("c");
    }

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
        if (limits[0] < limits[1]) {
            limits[0] = limits[1];
            if (setrlimit(RLIMIT_NOFILE, limits) != 0) throw OsException.last("setrlimit");
        }
        return new long[] {before, limits[0]};
    }

    /** Sets the soft limit (not above the hard one); for tests of what happens at the limit. */
    public static void setSoft(long soft) throws OsException {
        long[] limits = current();
        limits[0] = Math.min(soft, limits[1]);
        if (setrlimit(RLIMIT_NOFILE, limits) != 0) throw OsException.last("setrlimit");
    }
}
