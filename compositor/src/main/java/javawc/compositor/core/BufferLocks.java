package javawc.compositor.core;

import javawc.server.protocol.WlBuffer;

/**
 * Who still uses a client buffer that is read where it lies (shm, dma-buf): a surface while it
 * is attached, a backend while an output shows it. wl_buffer.release goes when the last lock
 * does; the memory behind the buffer is freed when the wl_buffer is destroyed and no lock is
 * left, since a surface may still show a buffer its client has destroyed.
 */
public final class BufferLocks {
    private final WlBuffer resource;
    private final Runnable free;
    private int locks;
    private boolean destroyed;

    /** {@code free} runs once, when the buffer is destroyed and unlocked. */
    public BufferLocks(WlBuffer resource, Runnable free) {
        this.resource = resource;
        this.free = free;
    }

    public void lock() {
        locks++;
    }

    public void unlock() {
        if (locks <= 0) throw new IllegalStateException("unlocking an unlocked buffer");
        if (--locks > 0) return;
        if (resource.isAlive()) resource.sendRelease();
        if (destroyed) free.run();
    }

    /** The wl_buffer is gone: the memory is freed now, or when the last lock goes. */
    public void destroyed() {
        destroyed = true;
        if (locks == 0) free.run();
    }
}
