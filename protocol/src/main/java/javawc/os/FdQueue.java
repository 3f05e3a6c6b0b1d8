package javawc.os;

/**
 * Received fds of one connection, in arrival order, waiting for the messages that consume
 * them. Bounded: a peer that sends fds no message asks for cannot make us hold descriptors
 * without limit. Every fd still queued is closed by {@link #close()}. The ring grows up to its
 * capacity as fds arrive: most connections never carry one, and a new client should not cost
 * a kilobyte of ring it will not use.
 */
public final class FdQueue implements AutoCloseable {
    private static final int[] EMPTY = new int[0];
    private static final int FIRST_RING = 8;

    private final int capacity;
    private int[] ring = EMPTY;
    private int head, size;

    public FdQueue(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity " + capacity);
        this.capacity = capacity;
    }

    /** Takes ownership of {@code fd}; returns false, leaving the fd to the caller, when full. */
    public boolean offer(int fd) {
        if (size == capacity) return false;
        if (size == ring.length) grow();
        ring[(head + size) % ring.length] = fd;
        size++;
        return true;
    }

    /** A larger ring with the queued fds in order from index 0. */
    private void grow() {
        int[] larger = new int[Math.min(capacity, Math.max(FIRST_RING, ring.length * 2))];
        for (int i = 0; i < size; i++) larger[i] = ring[(head + i) % ring.length];
        ring = larger;
        head = 0;
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
        return capacity;
    }

    @Override
    public void close() {
        while (size > 0) take().close();
    }
}
