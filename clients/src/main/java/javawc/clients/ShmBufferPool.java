package javawc.clients;

import javawc.client.protocol.WlBuffer;
import javawc.client.protocol.WlShm;
import javawc.client.protocol.WlShmPool;
import javawc.os.Descriptors;
import javawc.os.MemoryMapping;
import javawc.os.OsException;
import javawc.os.OwnedFd;

import java.util.ArrayList;
import java.util.List;

/**
 * Up to {@code capacity} same-sized wl_shm buffers in one memfd shared with the compositor
 * (one wl_shm_pool). A buffer is ours to draw into until we attach it, then the compositor's
 * until it sends wl_buffer.release; {@link #acquire()} hands out only free ones, which is what
 * makes double buffering safe. Everything is destroyed and unmapped on {@link #close()}.
 */
public final class ShmBufferPool implements AutoCloseable {
    /** A buffer of the pool; {@code canvas()} is its memory. */
    public final class Buffer {
        private final WlBuffer wlBuffer;
        private final Canvas canvas;
        private boolean busy;

        private Buffer(int index) {
            int offset = index * bufferBytes;
            wlBuffer = pool.createBuffer(offset, width, height, stride, format).setListener(new WlBuffer.Listener() {
                @Override
                public void release(WlBuffer self) {
                    busy = false;
                }
            });
            canvas = new Canvas(mapping.buffer().slice(offset, bufferBytes), width, height, stride);
        }

        public WlBuffer wlBuffer() {
            return wlBuffer;
        }

        public Canvas canvas() {
            return canvas;
        }

        /** Attached and not yet released by the compositor. */
        public boolean busy() {
            return busy;
        }
    }

    private final int width, height, stride, format, capacity, bufferBytes;
    private final OwnedFd fd;
    private final MemoryMapping mapping;
    private final WlShmPool pool;
    private final List<Buffer> buffers = new ArrayList<>();
    private boolean closed;

    /** {@code format} is a wl_shm format of 4 bytes per pixel (ARGB8888 or XRGB8888). */
    public ShmBufferPool(WlShm shm, int width, int height, int format, int capacity) throws OsException {
        if (width <= 0 || height <= 0 || capacity <= 0) throw new IllegalArgumentException(width + "x" + height + " x" + capacity);
        if (format != WlShm.Format.ARGB8888 && format != WlShm.Format.XRGB8888) throw new IllegalArgumentException("format " + format);
        long total = 4L * width * height * capacity;
        if (total > Integer.MAX_VALUE) throw new IllegalArgumentException("pool of " + total + " bytes");
        this.width = width;
        this.height = height;
        this.stride = width * 4;
        this.format = format;
        this.capacity = capacity;
        this.bufferBytes = stride * height;
        this.fd = Descriptors.memfd("javawc-shm", total);
        try {
            this.mapping = MemoryMapping.map(fd, total, true);
        } catch (OsException e) {
            fd.close();
            throw e;
        }
        this.pool = shm.createPool(fd, (int) total);
    }

    /**
     * A free buffer, marked busy because the caller is about to attach it; null when every
     * buffer is still held by the compositor (dispatch events until one is released).
     * Buffers are created on first need, so a client that is never short uses fewer.
     */
    public Buffer acquire() {
        if (closed) throw new IllegalStateException("pool closed");
        Buffer free = buffers.stream().filter(b -> !b.busy).findFirst().orElse(null);
        if (free == null && buffers.size() < capacity) buffers.add(free = new Buffer(buffers.size()));
        if (free != null) free.busy = true;
        return free;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int stride() {
        return stride;
    }

    public int format() {
        return format;
    }

    /** How many wl_buffers exist so far. */
    public int created() {
        return buffers.size();
    }

    /**
     * Destroys the buffers and the pool and unmaps our view. The compositor keeps its own
     * mapping, so destroying a buffer after committing its replacement is safe.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        for (Buffer b : buffers) {
            if (!b.wlBuffer.isDestroyed()) b.wlBuffer.destroy();
        }
        if (!pool.isDestroyed()) pool.destroy();
        mapping.close();
        fd.close();
    }
}
