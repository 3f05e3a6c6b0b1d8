package javawc.os;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * An epoll instance. Each registered fd carries an int token chosen by the caller (the event
 * loop uses it as an index into its handler table). struct epoll_event is packed on x86_64:
 * u32 events then u64 data, 12 bytes.
 */
public final class Epoll implements AutoCloseable {
    public static final int IN = 0x001, OUT = 0x004, ERR = 0x008, HUP = 0x010, RDHUP = 0x2000;
    private static final int ADD = 1, DEL = 2, MOD = 3, EVENT_SIZE = 12;

    private final OwnedFd fd;
    private final NativeBuffer control = new NativeBuffer(EVENT_SIZE);
    private final NativeBuffer ready;
    private final int maxEvents;

    public Epoll(int maxEvents) throws OsException {
        this.fd = OwnedFd.check(LibC.epoll_create1(LibC.O_CLOEXEC), "epoll_create1");
        this.maxEvents = maxEvents;
        this.ready = new NativeBuffer(maxEvents * EVENT_SIZE);
    }

    public void add(int target, int events, int token) throws OsException {
        ctl(ADD, target, events, token);
    }

    public void modify(int target, int events, int token) throws OsException {
        ctl(MOD, target, events, token);
    }

    public void remove(int target) throws OsException {
        ctl(DEL, target, 0, 0);
    }

    private void ctl(int op, int target, int events, int token) throws OsException {
        ByteBuffer b = control.buffer();
        b.putInt(0, events);
        b.putLong(4, token);
        if (LibC.epoll_ctl(fd.get(), op, target, control.address()) < 0) throw OsException.last("epoll_ctl");
    }

    private MemorySegment callState; // for the foreign call's errno (see Foreign), made at its first use

    /** Waits; returns how many events are ready (0 on timeout or EINTR). -1 timeout = forever. */
    public int await(int timeoutMs) throws OsException {
        int n;
        int errno;
        if (Foreign.ready()) {
            MemorySegment state = callState;
            if (state == null) callState = state = Foreign.callState();
            try {
                n = (int) Foreign.Handles.EPOLL_WAIT.invokeExact(state, fd.get(), ready.address(), maxEvents, timeoutMs);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            errno = n < 0 ? Foreign.errno(state) : 0;
        } else {
            n = LibC.epoll_wait(fd.get(), ready.address(), maxEvents, timeoutMs);
            errno = n < 0 ? LibC.errno() : 0;
        }
        if (n < 0) {
            if (errno == LibC.EINTR) return 0;
            throw new OsException("epoll_wait", errno);
        }
        return n;
    }

    public int readyEvents(int i) {
        return ready.buffer().getInt(i * EVENT_SIZE);
    }

    public int readyToken(int i) {
        return (int) ready.buffer().getLong(i * EVENT_SIZE + 4);
    }

    @Override
    public void close() {
        fd.close();
    }
}
