package javawc.os;

/**
 * Received fds of one connection, in arrival order, waiting for the messages that consume
 * them. Bounded: a peer that sends fds no message asks for cannot make us hold descriptors
 * without limit. Every fd still queued is closed by {@link #close()}.
 */
public final class FdQueue implements AutoCloseable {
    private final int[] ring;
    private int head, size;

    public FdQueue(int capacity) {
        ring = new int[capacity];
    }

    /** Takes ownership of {@code fd}; returns false, leaving the fd to the caller, when full. */
    public boolean offer(int fd) {
        if (size == ring.length) return false;
        ring[(head + size) % ring.length] = fd;
        size++;
        return true;
    }

    /** The oldest fd, now owned by the caller, or null when none is queued. */
    public OwnedFd take() {
        if (size == 0) return null;
        int fd = ring[head];
        head = (head + 1) % ring.length;
        size--;
        return new OwnedFd(fd);
    }

    /** The i-th queued fd number (0 = oldest) without taking it; -1 past the end. For traces. */
    public int peek(int i) {
        return i < size ? ring[(head + i) % ring.length] : -1;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return ring.length;
    }

    @Override
    public void close() {
        while (size > 0) take().close();
    }
}
