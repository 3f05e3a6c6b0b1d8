package javawc.wire;

import javawc.os.NativeBuffer;
import javawc.os.SocketIo;

/**
 * Native memory that the connections served by one thread share: one sendmsg/recvmsg scratch
 * (only one connection does I/O at a time) and a free list of input and output buffers, so a
 * client that connects, says a few words and leaves costs no native allocation, no zeroing, and
 * no direct buffer left for the garbage collector to free later (which held a past burst's
 * memory until the next collection). Not thread-safe: it belongs to the thread that serves the
 * connections, as they do.
 */
public final class ConnectionBuffers {
    /** The size of every pooled buffer: a connection's input, and its output until it grows. */
    static final int SIZE = 4 * MessageWriter.MAX_MESSAGE_SIZE;

    private final SocketIo io = new SocketIo();
    private final NativeBuffer[] free;
    private int freeCount;

    /** Keeps at most {@code maxFree} idle buffers (each {@value #SIZE} bytes); more are dropped to the collector. */
    public ConnectionBuffers(int maxFree) {
        free = new NativeBuffer[maxFree];
    }

    SocketIo io() {
        return io;
    }

    NativeBuffer take() {
        if (freeCount == 0) return new NativeBuffer(SIZE);
        NativeBuffer b = free[--freeCount];
        free[freeCount] = null;
        b.buffer().clear();
        return b;
    }

    /** Back to the pool; a buffer that grew past {@value #SIZE} bytes is left to the collector. */
    void give(NativeBuffer b) {
        if (b.capacity() != SIZE || freeCount == free.length) return;
        free[freeCount++] = b;
    }

    /** Idle buffers held, for tests. */
    int idle() {
        return freeCount;
    }
}
