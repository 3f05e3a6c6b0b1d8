package javawc.os;

/**
 * The one owner of an open file descriptor. Closing is idempotent; {@link #release()} hands the
 * number to a new owner. Every fd the process opens lives in one of these until it is closed
 * or passed on, so a leak is a missing {@code close()} that static analysis and tests can see.
 */
public final class OwnedFd implements AutoCloseable {
    private int fd;

    public OwnedFd(int fd) {
        if (fd < 0) throw new IllegalArgumentException("not an fd: " + fd);
        this.fd = fd;
    }

    /** Wraps the result of a syscall that returns an fd, throwing on -1. */
    public static OwnedFd check(int fd, String what) throws OsException {
        if (fd < 0) throw OsException.last(what);
        return new OwnedFd(fd);
    }

    public int get() {
        if (fd < 0) throw new IllegalStateException("fd already closed or released");
        return fd;
    }

    public boolean isOpen() {
        return fd >= 0;
    }

    /** Gives up ownership: the caller now owns the returned number. */
    public int release() {
        int n = get();
        fd = -1;
        return n;
    }

    /** A new descriptor for the same open file description, close-on-exec. */
    public OwnedFd dup() throws OsException {
        return check(LibC.fcntl(get(), LibC.F_DUPFD_CLOEXEC, 0), "dup");
    }

    @Override
    public void close() {
        if (fd >= 0) {
            LibC.close(fd);
            fd = -1;
        }
    }

    @Override
    public String toString() {
        return fd >= 0 ? "fd " + fd : "fd (closed)";
    }
}
