package javawc.clients;

import javawc.os.Drm;
import javawc.os.MemoryMapping;
import javawc.os.OsException;
import javawc.os.OwnedFd;

/**
 * A dumb buffer (XRGB8888, 32 bits per pixel) on a DRM device, mapped for the CPU through the
 * device fd and exported as a dma-buf fd (PRIME) to hand to a compositor. Owns the GEM
 * handle, the mapping and the dma-buf fd; {@link #close()} releases all three. The device fd
 * stays the caller's and must outlive this buffer.
 * <p>
 * CPU writes go between {@link #beginWrite()} and {@link #endWrite()}, the dma-buf's
 * DMA_BUF_IOCTL_SYNC bracket, so a device that caches the buffer sees them.
 */
final class DumbDmabuf implements AutoCloseable {
    private final OwnedFd device;
    private final int handle, pitch;
    private final MemoryMapping mapping;
    private final OwnedFd dmabuf;
    private final Canvas canvas;
    private boolean closed;

    private DumbDmabuf(OwnedFd device, int width, int height, int handle, int pitch, MemoryMapping mapping, OwnedFd dmabuf) {
        this.device = device;
        this.handle = handle;
        this.pitch = pitch;
        this.mapping = mapping;
        this.dmabuf = dmabuf;
        this.canvas = new Canvas(mapping.buffer(), width, height, pitch);
    }

    /** Creates, maps and exports a buffer; on failure nothing is left behind. */
    static DumbDmabuf allocate(OwnedFd device, int width, int height) throws OsException {
        Drm.Dumb dumb = Drm.createDumb(device, width, height, 32);
        MemoryMapping mapping = null;
        OwnedFd dmabuf = null;
        try {
            mapping = MemoryMapping.map(device, Drm.mapDumbOffset(device, dumb.handle()), dumb.size(), true);
            dmabuf = Drm.primeHandleToFd(device, dumb.handle());
            return new DumbDmabuf(device, width, height, dumb.handle(), dumb.pitch(), mapping, dmabuf);
        } catch (OsException | RuntimeException e) {
            if (dmabuf != null) dmabuf.close();
            if (mapping != null) mapping.close();
            try {
                Drm.destroyDumb(device, dumb.handle());
            } catch (OsException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The pixels, through the device's mapping; {@code stride()} is the pitch. */
    Canvas canvas() {
        return canvas;
    }

    /** The exported dma-buf; it stays ours (a request that sends it sends a duplicate). */
    OwnedFd dmabuf() {
        return dmabuf;
    }

    int pitch() {
        return pitch;
    }

    int width() {
        return canvas.width();
    }

    int height() {
        return canvas.height();
    }

    void beginWrite() throws OsException {
        Drm.syncDmabuf(dmabuf, Drm.DMA_BUF_SYNC_START | Drm.DMA_BUF_SYNC_WRITE);
    }

    void endWrite() throws OsException {
        Drm.syncDmabuf(dmabuf, Drm.DMA_BUF_SYNC_END | Drm.DMA_BUF_SYNC_WRITE);
    }

    /**
     * Unmaps, closes the dma-buf and releases the GEM handle. A compositor that imported the
     * dma-buf keeps its own reference, so the memory lives on while it shows it.
     */
    @Override
    public void close() throws OsException {
        if (closed) return;
        closed = true;
        mapping.close();
        dmabuf.close();
        Drm.destroyDumb(device, handle);
    }
}
