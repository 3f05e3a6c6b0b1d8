package javawc.os;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * sendmsg/recvmsg with SCM_RIGHTS on one stream socket, through scratch native structures that
 * are built once and reused, so a call allocates nothing. Layouts are x86_64 glibc:
 * msghdr 56 bytes, iovec 16, cmsghdr 16 plus the int array.
 */
public final class SocketIo {
    /** libwayland never sends more than this many fds in one sendmsg; we do the same. */
    public static final int MAX_FDS_PER_MESSAGE = 28;
    private static final int CMSG_HEADER = 16;
    private static final int CONTROL_SPACE = CMSG_HEADER + MAX_FDS_PER_MESSAGE * 4; // already 8-aligned
    private static final int MSGHDR = 0, IOVEC = 56, CONTROL = 72;

    /** Returned by send/receive when the socket would block. */
    public static final long WOULD_BLOCK = -1;

    // room to *send* up to 64 fds (tests provoke MSG_CTRUNC); we receive at most 28
    private final NativeBuffer scratch = new NativeBuffer(CONTROL + CMSG_HEADER + 64 * 4);
    private final ByteBuffer s = scratch.buffer();
    private final long base = scratch.address();
    // sendmsg and recvmsg as foreign calls once Foreign has its handles, JNA's until then
    private MemorySegment callState; // the foreign calls' errno, made at the first of them
    private boolean lastForeign;     // whether the last call was a foreign one (its errno is in callState)

    private long sendmsg(int socket, long msghdr, int flags) {
        lastForeign = Foreign.ready();
        if (!lastForeign) return LibC.sendmsg(socket, msghdr, flags);
        try {
            return (long) Foreign.Handles.SENDMSG.invokeExact(state(), socket, msghdr, flags);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private long recvmsg(int socket, long msghdr, int flags) {
        lastForeign = Foreign.ready();
        if (!lastForeign) return LibC.recvmsg(socket, msghdr, flags);
        try {
            return (long) Foreign.Handles.RECVMSG.invokeExact(state(), socket, msghdr, flags);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private MemorySegment state() {
        MemorySegment state = callState;
        if (state == null) callState = state = Foreign.callState();
        return state;
    }

    /** errno of the last failed sendmsg or recvmsg made here. */
    private int errno() {
        return lastForeign ? Foreign.errno(callState) : LibC.errno();
    }

    private void prepare(long data, int length, int controlLength) {
        s.putLong(MSGHDR, 0);                       // msg_name
        s.putInt(MSGHDR + 8, 0);                    // msg_namelen
        s.putLong(MSGHDR + 16, base + IOVEC);       // msg_iov
        s.putLong(MSGHDR + 24, 1);                  // msg_iovlen
        s.putLong(MSGHDR + 32, controlLength == 0 ? 0 : base + CONTROL);
        s.putLong(MSGHDR + 40, controlLength);      // msg_controllen
        s.putInt(MSGHDR + 48, 0);                   // msg_flags
        s.putLong(IOVEC, data);
        s.putLong(IOVEC + 8, length);
    }

    /**
     * Sends {@code length} bytes at native address {@code data}, with {@code fdCount} fds from
     * {@code fds} attached to the first byte. Returns bytes sent (the fds went with them, whatever
     * the count) or {@link #WOULD_BLOCK}.
     */
    public long send(int socket, long data, int length, int[] fds, int fdCount) throws OsException {
        if (length <= 0) throw new IllegalArgumentException("fds must travel with at least one byte");
        if (fdCount > MAX_FDS_PER_MESSAGE) throw new IllegalArgumentException("at most " + MAX_FDS_PER_MESSAGE + " fds per sendmsg");
        return sendUnchecked(socket, data, length, fds, fdCount);
    }

    /** {@link #send} without its guards; tests use it to show what the kernel does with bad input. */
    long sendUnchecked(int socket, long data, int length, int[] fds, int fdCount) throws OsException {
        int controlLength = 0;
        if (fdCount > 0) {
            controlLength = CMSG_HEADER + ((fdCount * 4 + 7) & ~7);
            s.putLong(CONTROL, CMSG_HEADER + fdCount * 4L);  // cmsg_len = CMSG_LEN
            s.putInt(CONTROL + 8, LibC.SOL_SOCKET);
            s.putInt(CONTROL + 12, LibC.SCM_RIGHTS);
            for (int i = 0; i < fdCount; i++) s.putInt(CONTROL + CMSG_HEADER + i * 4, fds[i]);
        }
        prepare(data, length, controlLength);
        while (true) {
            long n = sendmsg(socket, base + MSGHDR, LibC.MSG_NOSIGNAL | LibC.MSG_DONTWAIT);
            if (n >= 0) return n;
            int e = errno();
            if (e == LibC.EINTR) continue;
            if (e == LibC.EAGAIN) return WOULD_BLOCK;
            throw new OsException("sendmsg", e);
        }
    }

    /**
     * Receives up to {@code length} bytes into native address {@code data}. Any fds that came
     * along (close-on-exec) are offered to {@code fds}; returns bytes read, 0 at end of stream,
     * or {@link #WOULD_BLOCK}. Throws {@link FdOverflowException} when the kernel truncated the
     * fd list (MSG_CTRUNC) or the queue is full; fds that were not queued are closed.
     */
    public long receive(int socket, long data, int length, FdQueue fds) throws IOException {
        prepare(data, length, CONTROL_SPACE);
        long n;
        while (true) {
            n = recvmsg(socket, base + MSGHDR, LibC.MSG_CMSG_CLOEXEC | LibC.MSG_DONTWAIT);
            if (n >= 0) break;
            int e = errno();
            if (e == LibC.EINTR) continue;
            if (e == LibC.EAGAIN) return WOULD_BLOCK;
            throw new OsException("recvmsg", e);
        }
        boolean truncated = (s.getInt(MSGHDR + 48) & LibC.MSG_CTRUNC) != 0;
        int dropped = takeFds(fds);
        if (truncated) throw new FdOverflowException("more fds in one sendmsg than the " + MAX_FDS_PER_MESSAGE + " allowed (MSG_CTRUNC)");
        if (dropped > 0) throw new FdOverflowException("fd queue full (" + fds.capacity() + " fds waiting for messages); " + dropped + " closed");
        return n;
    }

    /** Walks the control messages; returns how many fds did not fit the queue (closed). */
    private int takeFds(FdQueue fds) {
        long controlLength = s.getLong(MSGHDR + 40);
        int dropped = 0;
        int off = 0;
        while (off + CMSG_HEADER <= controlLength) {
            long len = s.getLong(CONTROL + off);
            if (len < CMSG_HEADER) break;
            if (s.getInt(CONTROL + off + 8) == LibC.SOL_SOCKET && s.getInt(CONTROL + off + 12) == LibC.SCM_RIGHTS) {
                int count = (int) ((len - CMSG_HEADER) / 4);
                for (int i = 0; i < count; i++) {
                    int fd = s.getInt(CONTROL + off + CMSG_HEADER + i * 4);
                    if (!fds.offer(fd)) {
                        LibC.close(fd);
                        dropped++;
                    }
                }
            }
            off += (int) ((len + 7) & ~7L);
        }
        return dropped;
    }

    /** The peer sent more fds than we accept. */
    public static final class FdOverflowException extends IOException {
        public FdOverflowException(String message) {
            super(message);
        }
    }
}
