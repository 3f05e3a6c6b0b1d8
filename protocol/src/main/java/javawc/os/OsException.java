package javawc.os;

import java.io.IOException;

/** A failed system call: what we tried, and errno. */
public final class OsException extends IOException {
    private final int errno;

    public OsException(String what, int errno) {
        super(what + ": " + LibC.describe(errno));
        this.errno = errno;
    }

    /** Builds the exception from the errno of the call that just failed. */
    public static OsException last(String what) {
        return new OsException(what, LibC.errno());
    }

    public int errno() {
        return errno;
    }
}
