package javawc.os;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;

/**
 * Small fd-backed kernel objects: eventfd, timerfd, signalfd, memfd, pipes, and the read/write,
 * fstat and flock helpers that go with them.
 */
public final class Descriptors {
    public static final int CLOCK_MONOTONIC = 1;
    public static final int SIG_BLOCK = 0;
    public static final int SIGINT = 2, SIGUSR1 = 10, SIGUSR2 = 12, SIGTERM = 15, SIGCHLD = 17;

    /**
     * A thread's scratch memory for these calls: a 256-byte buffer, and the slot the foreign
     * calls capture errno into (made at its first foreign call). Confined to its owner thread.
     */
    private static final class Scratch {
        final Thread owner = Thread.currentThread();
        final NativeBuffer buffer = new NativeBuffer(256);
        MemorySegment callState;

        MemorySegment callState() {
            MemorySegment state = callState;
            if (state == null) callState = state = Foreign.callState();
            return state;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    /**
     * The scratch of the thread that used it last: nearly always the event loop's, which makes
     * these calls several times a frame, so it skips the thread-local look-up (a hash-map probe
     * each time). Each thread only ever uses a Scratch whose owner it is.
     */
    private static volatile Scratch recent;

    private static Scratch scratch() {
        Scratch s = recent;
        if (s != null && s.owner == Thread.currentThread()) return s;
        s = SCRATCH.get();
        recent = s;
        return s;
    }

    private Descriptors() {}

    /**
     * read, timerfd_settime and fstat through the JDK's foreign function API (see {@link
     * Foreign}): a frame reads and re-arms its refresh timer and checks its buffer's file size,
     * and JNA's call overhead (local references, its errno bookkeeping) was ~1 µs of each. Used
     * only once {@link Foreign#frameCallsReady()}, which holds only when all three handles exist
     * (this class is initialised, its handles made, by {@link Foreign#prepare}, not on the way to
     * the first client); JNA's calls before, and for good without native access.
     */
    private static final class FrameCalls {
        static final MethodHandle READ = Foreign.downcall("read", false, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG);
        static final MethodHandle TIMERFD_SETTIME = Foreign.downcall("timerfd_settime", true, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG);
        static final MethodHandle FSTAT = Foreign.downcall("fstat", true, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG);
        static final boolean USABLE = READ != null && TIMERFD_SETTIME != null && FSTAT != null;

        static long read(Scratch scratch, int fd, long buffer, long count) {
            try {
                return (long) READ.invokeExact(scratch.callState(), fd, buffer, count);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        static int timerfdSettime(Scratch scratch, int fd, int flags, long newValue, long oldValue) {
            try {
                return (int) TIMERFD_SETTIME.invokeExact(scratch.callState(), fd, flags, newValue, oldValue);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        static int fstat(Scratch scratch, int fd, long statBuffer) {
            try {
                return (int) FSTAT.invokeExact(scratch.callState(), fd, statBuffer);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        /** errno of the last of these calls that failed on the thread {@code scratch} is of. */
        static int errno(Scratch scratch) {
            return Foreign.errno(scratch.callState());
        }
    }

    /** Makes the frame calls' handles now, by initialising their class (Foreign.prepare, on its thread); true when all three exist. */
    static boolean prepareFrameCalls() {
        return FrameCalls.USABLE;
    }

    public static OwnedFd eventFd() throws OsException {
        return OwnedFd.check(LibC.eventfd(0, LibC.O_CLOEXEC | LibC.O_NONBLOCK), "eventfd");
    }

    public static OwnedFd timerFd() throws OsException {
        return OwnedFd.check(LibC.timerfd_create(CLOCK_MONOTONIC, LibC.O_CLOEXEC | LibC.O_NONBLOCK), "timerfd_create");
    }

    /** Arms a timer: first expiry after {@code initialNanos}, then every {@code intervalNanos} (0 = once). 0/0 disarms. */
    public static void armTimer(OwnedFd timer, long initialNanos, long intervalNanos) throws OsException {
        NativeBuffer nb = scratch().buffer;
        ByteBuffer b = nb.buffer();
        b.putLong(0, intervalNanos / 1_000_000_000L);
        b.putLong(8, intervalNanos % 1_000_000_000L);
        b.putLong(16, initialNanos / 1_000_000_000L);
        b.putLong(24, initialNanos % 1_000_000_000L);
        if (LibC.timerfd_settime(timer.get(), 0, nb.address(), 0) < 0) throw OsException.last("timerfd_settime");
    }

    /** Arms a one-shot timer for the absolute CLOCK_MONOTONIC time {@code deadlineNanos} (System.nanoTime's clock). */
    public static void armTimerAbsolute(OwnedFd timer, long deadlineNanos) throws OsException {
        Scratch scratch = scratch();
        NativeBuffer nb = scratch.buffer;
        ByteBuffer b = nb.buffer();
        b.putLong(0, 0).putLong(8, 0);
        b.putLong(16, deadlineNanos / 1_000_000_000L);
        b.putLong(24, deadlineNanos % 1_000_000_000L);
        if (!Foreign.frameCallsReady()) {
            if (LibC.timerfd_settime(timer.get(), 1 /* TFD_TIMER_ABSTIME */, nb.address(), 0) < 0) throw OsException.last("timerfd_settime");
        } else if (FrameCalls.timerfdSettime(scratch, timer.get(), 1 /* TFD_TIMER_ABSTIME */, nb.address(), 0) < 0) {
            throw new OsException("timerfd_settime", FrameCalls.errno(scratch));
        }
    }

    /**
     * Blocks {@code signals} for the whole process and returns a signalfd that reads them.
     * Must run before other threads start, so they inherit the mask; the JVM's own threads
     * started earlier keep theirs, which is why the event loop also takes care to start early.
     */
    public static OwnedFd signalFd(int... signals) throws OsException {
        NativeBuffer nb = scratch().buffer;
        ByteBuffer b = nb.buffer();
        b.putLong(0, 0);
        long mask = 0;
        for (int sig : signals) mask |= 1L << (sig - 1);
        b.putLong(0, mask);
        if (LibC.pthread_sigmask(SIG_BLOCK, nb.address(), 0) < 0) throw OsException.last("pthread_sigmask");
        // sizeof(kernel sigset) = 8 bytes
        return OwnedFd.check(LibC.signalfd(-1, nb.address(), LibC.O_CLOEXEC | LibC.O_NONBLOCK), "signalfd");
    }

    /** Reads one signalfd_siginfo; returns the signal number or 0 if none is pending. */
    public static int readSignal(OwnedFd signalFd) throws OsException {
        NativeBuffer nb = scratch().buffer;
        long n = LibC.read(signalFd.get(), nb.address(), 128);
        if (n < 0) {
            if (LibC.errno() == LibC.EAGAIN) return 0;
            throw OsException.last("read(signalfd)");
        }
        return nb.buffer().getInt(0);
    }

    /** Reads the 8-byte counter of an eventfd or timerfd; 0 if nothing is pending. */
    public static long readCounter(OwnedFd fd) throws OsException {
        Scratch scratch = scratch();
        NativeBuffer nb = scratch.buffer;
        boolean foreign = Foreign.frameCallsReady();
        long n = foreign ? FrameCalls.read(scratch, fd.get(), nb.address(), 8) : LibC.read(fd.get(), nb.address(), 8);
        if (n < 0) {
            int errno = foreign ? FrameCalls.errno(scratch) : LibC.errno();
            if (errno == LibC.EAGAIN) return 0;
            throw new OsException("read(counter)", errno);
        }
        return nb.buffer().getLong(0);
    }

    /** Adds {@code value} to an eventfd's counter. */
    public static void signalEvent(OwnedFd eventFd, long value) throws OsException {
        NativeBuffer nb = scratch().buffer;
        nb.buffer().putLong(0, value);
        if (LibC.write(eventFd.get(), nb.address(), 8) < 0) throw OsException.last("write(eventfd)");
    }

    /** An anonymous file of {@code size} bytes, sealable. */
    public static OwnedFd memfd(String name, long size) throws OsException {
        OwnedFd fd = OwnedFd.check(LibC.memfd_create(name, LibC.MFD_CLOEXEC | LibC.MFD_ALLOW_SEALING), "memfd_create");
        if (LibC.ftruncate(fd.get(), size) < 0) {
            OsException e = OsException.last("ftruncate");
            fd.close();
            throw e;
        }
        return fd;
    }

    /**
     * A read-only descriptor of a sealed memfd holding {@code contents}: the file can no longer
     * be written, grown or shrunk by anyone, so it can be handed to every client at once and
     * none of them can change what the others read (or fault them by truncating it).
     */
    public static OwnedFd sealedReadOnly(String name, byte[] contents) throws OsException {
        final int sealSeal = 1, sealShrink = 2, sealGrow = 4, sealWrite = 8;
        try (OwnedFd file = memfd(name, 0)) {
            writeFully(file, contents);
            if (LibC.fcntl(file.get(), LibC.F_ADD_SEALS, sealShrink | sealGrow | sealWrite | sealSeal) < 0) throw OsException.last("sealing " + name);
            // the writable descriptor stays here and is closed; only a read-only one leaves
            return open("/proc/self/fd/" + file.get(), LibC.O_RDONLY, 0);
        }
    }

    public static void truncate(OwnedFd fd, long size) throws OsException {
        if (LibC.ftruncate(fd.get(), size) < 0) throw OsException.last("ftruncate");
    }

    /** Size in bytes per fstat. */
    public static long size(OwnedFd fd) throws OsException {
        Scratch scratch = scratch();
        NativeBuffer nb = scratch.buffer;
        if (!Foreign.frameCallsReady()) {
            if (LibC.fstat(fd.get(), nb.address()) < 0) throw OsException.last("fstat");
        } else if (FrameCalls.fstat(scratch, fd.get(), nb.address()) < 0) {
            throw new OsException("fstat", FrameCalls.errno(scratch));
        }
        return nb.buffer().getLong(48); // st_size on x86_64
    }

    /** A close-on-exec pipe: [read end, write end]. */
    public static OwnedFd[] pipe() throws OsException {
        int[] fds = new int[2];
        if (LibC.pipe2(fds, LibC.O_CLOEXEC) < 0) throw OsException.last("pipe2");
        return new OwnedFd[] {new OwnedFd(fds[0]), new OwnedFd(fds[1])};
    }

    /** A close-on-exec pipe whose read end is non-blocking (for the event loop) and whose write end blocks (for a child's stdout). */
    public static OwnedFd[] pipeNonBlockingRead() throws OsException {
        OwnedFd[] ends = pipe();
        try {
            UnixSockets.setNonBlocking(ends[0], true); // F_SETFL: works on any fd
            return ends;
        } catch (OsException e) {
            ends[0].close();
            ends[1].close();
            throw e;
        }
    }

    /** One read of up to {@code max} bytes into {@code into}: the count, 0 at end of file, -1 when a non-blocking fd has nothing now. */
    public static int readNonBlocking(OwnedFd fd, NativeBuffer into, int max) throws OsException {
        while (true) {
            long n = LibC.read(fd.get(), into.address(), Math.min(max, into.capacity()));
            if (n >= 0) return (int) n;
            if (LibC.errno() == LibC.EAGAIN) return -1;
            if (LibC.errno() != LibC.EINTR) throw OsException.last("read");
        }
    }

    /** Writes all of {@code data} (blocking fd). */
    public static void writeFully(OwnedFd fd, byte[] data) throws OsException {
        NativeBuffer nb = data.length <= 256 ? scratch().buffer : new NativeBuffer(data.length);
        nb.buffer().put(0, data);
        long done = 0;
        while (done < data.length) {
            long n = LibC.write(fd.get(), nb.address() + done, data.length - done);
            if (n < 0) {
                if (LibC.errno() == LibC.EINTR) continue;
                throw OsException.last("write");
            }
            done += n;
        }
    }

    /** Reads up to {@code max} bytes once (blocking fd); empty at end of file. */
    public static byte[] readSome(OwnedFd fd, int max) throws OsException {
        NativeBuffer nb = max <= 256 ? scratch().buffer : new NativeBuffer(max);
        while (true) {
            long n = LibC.read(fd.get(), nb.address(), max);
            if (n >= 0) {
                byte[] out = new byte[(int) n];
                nb.buffer().get(0, out);
                return out;
            }
            if (LibC.errno() != LibC.EINTR) throw OsException.last("read");
        }
    }

    /** Opens a file (close-on-exec), creating it with {@code mode} if O_CREAT is given. */
    public static OwnedFd open(String path, int flags, int mode) throws OsException {
        return OwnedFd.check(LibC.open(path, flags | LibC.O_CLOEXEC, mode), "open " + path);
    }

    /** Non-blocking exclusive flock; false if another process holds it. */
    public static boolean tryLock(OwnedFd fd) throws OsException {
        if (LibC.flock(fd.get(), LibC.LOCK_EX | LibC.LOCK_NB) == 0) return true;
        if (LibC.errno() == LibC.EWOULDBLOCK) return false;
        throw OsException.last("flock");
    }

    /** Owner uid and mode bits of a path (lstat: links are not followed), or null if it does not exist. */
    public static int[] ownerAndMode(String path) throws OsException {
        NativeBuffer nb = scratch().buffer;
        if (LibC.lstat(path, nb.address()) < 0) {
            if (LibC.errno() == LibC.ENOENT) return null;
            throw OsException.last("lstat " + path);
        }
        return new int[] {nb.buffer().getInt(28), nb.buffer().getInt(24)}; // st_uid, st_mode
    }
}
