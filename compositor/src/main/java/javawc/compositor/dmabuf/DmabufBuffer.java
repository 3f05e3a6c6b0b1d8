package javawc.compositor.dmabuf;

import javawc.compositor.core.BufferLocks;
import javawc.compositor.core.ClientBuffer;
import javawc.compositor.render.CopyCounter;
import javawc.compositor.render.SurfaceTexture;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import javawc.os.Drm;
import javawc.os.LibC;
import javawc.os.MemoryMapping;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.server.protocol.WlBuffer;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A wl_buffer made of dma-bufs. Unlike shm buffers it is not copied at commit: a surface keeps
 * it locked while it is the surface's buffer, and so does a backend while it is on screen,
 * so the display can show it with no copy at all. When it must be composited, the GLES
 * renderer samples it as an EGLImage where EGL imports it; otherwise the rows that changed are
 * read through a read-only mapping, bracketed by DMA_BUF_IOCTL_SYNC (linear layouts only: a
 * tiled buffer is not mapped, and only a GPU can read it). wl_buffer.release is sent when the
 * last lock goes; the fds, the mapping and whatever backends built on it (framebuffers) go
 * when the wl_buffer is destroyed and no lock is left.
 */
public final class DmabufBuffer implements ClientBuffer {
    /** One plane as the client described it; the fd is owned by whoever holds the plane. */
    public record Plane(OwnedFd fd, long offset, long stride, long modifier) {}

    /** The dma-buf cannot be used (not a dma-buf, a layout we cannot read, a flag we cannot honour). */
    static final class ImportException extends Exception {
        ImportException(String message) {
            super(message);
        }
    }

    private final WlBuffer resource;
    private final int width, height, format;
    private final Plane[] planes;
    private final MemoryMapping mapping; // null: not linear, the CPU cannot read it
    private final IntBuffer pixels;
    private final List<Runnable> freeListeners = new ArrayList<>(1);
    private final BufferLocks locks;
    private boolean freed;

    private DmabufBuffer(WlBuffer resource, int width, int height, int format, Plane[] planes, MemoryMapping mapping) {
        this.resource = resource;
        this.locks = new BufferLocks(resource, this::free);
        this.width = width;
        this.height = height;
        this.format = format;
        this.planes = planes;
        this.mapping = mapping;
        this.pixels = mapping == null ? null : mapping.buffer().asIntBuffer();
    }

    /**
     * Number of planes of a buffer: the formats we take are single-plane, 32 bits a pixel, but a
     * layout modifier may add planes (compression metadata); for those, {@code given}, the
     * number of planes the client set (-1 when it left gaps), is taken as it is and EGL judges.
     */
    static int planeCount(int format, long modifier, int given) {
        return modifier == Drm.MOD_LINEAR || given < 1 ? 1 : given;
    }

    /** Makes {@code resource} a dma-buf buffer; the planes' fds are the buffer's from here on, also on failure (closed). */
    static DmabufBuffer create(WlBuffer resource, int width, int height, int format, int flags, Plane[] planes, DmabufSupport support)
            throws ImportException {
        try {
            Plane p = planes[0];
            if (flags != 0) throw new ImportException("flags 0x" + Integer.toHexString(flags) + " (y-invert, interlaced) are not supported");
            if (!support.supports(format, p.modifier())) {
                throw new ImportException("modifier 0x" + Long.toHexString(p.modifier()) + " of format 0x" + Integer.toHexString(format) + " is not in the format table");
            }
            if (p.stride() < 4L * width || p.stride() % 4 != 0 || p.offset() % 4 != 0) {
                throw new ImportException("stride " + p.stride() + " and offset " + p.offset() + " do not describe " + width + " 32-bit pixels per row");
            }
            long size = LibC.lseek(p.fd().get(), 0, LibC.SEEK_END);
            LibC.lseek(p.fd().get(), 0, LibC.SEEK_SET);
            if (size < p.offset() + p.stride() * height) throw new ImportException("the fd's size cannot be determined or is too small");
            MemoryMapping mapping = null;
            try {
                Drm.syncDmabuf(p.fd(), Drm.DMA_BUF_SYNC_START | Drm.DMA_BUF_SYNC_READ);
                Drm.syncDmabuf(p.fd(), Drm.DMA_BUF_SYNC_END | Drm.DMA_BUF_SYNC_READ);
                if (p.modifier() == Drm.MOD_LINEAR) mapping = MemoryMapping.map(p.fd(), 0, size, false);
            } catch (OsException e) {
                throw new ImportException("not a dma-buf we can map (" + e.getMessage() + ")");
            }
            DmabufBuffer b = new DmabufBuffer(resource, width, height, format, planes, mapping);
            resource.setHandler(b);
            resource.onDestroy(b.locks::destroyed);
            return b;
        } catch (ImportException e) {
            for (Plane p : planes) p.fd().close();
            throw e;
        }
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    public int format() {
        return format;
    }

    public long modifier() {
        return planes[0].modifier();
    }

    public List<Plane> planes() {
        return List.of(planes);
    }

    public WlBuffer resource() {
        return resource;
    }

    @Override
    public boolean opaque() {
        return format == Drm.FORMAT_XRGB8888 || format == Drm.FORMAT_XBGR8888;
    }

    /** Red in the low byte (the ABGR/XBGR fourccs): swapped with blue when copied into our ARGB. */
    private boolean redFirst() {
        return format == Drm.FORMAT_ABGR8888 || format == Drm.FORMAT_XBGR8888;
    }

    @Override
    public boolean showsWithoutCopy() {
        return true;
    }

    @Override
    public void copyTo(SurfaceTexture texture, Region damage) throws BufferAccessException {
        if (mapping == null) throw new BufferAccessException("modifier 0x" + Long.toHexString(modifier()) + " is not a layout the CPU can read");
        Plane p = planes[0];
        int rowInts = (int) (p.stride() / 4), first = (int) (p.offset() / 4);
        int[] px = texture.pixels();
        Region area = damage.intersect(new Rect(0, 0, width, height));
        try {
            Drm.syncDmabuf(p.fd(), Drm.DMA_BUF_SYNC_START | Drm.DMA_BUF_SYNC_READ);
            try {
                for (Rect r : area.rects()) {
                    for (int y = r.y(); y < r.bottom(); y++) {
                        int dst = y * width + r.x();
                        pixels.get(first + y * rowInts + r.x(), px, dst, r.width());
                        if (redFirst()) {
                            for (int i = dst; i < dst + r.width(); i++) px[i] = px[i] & 0xff00ff00 | (px[i] >>> 16 & 0xff) | (px[i] & 0xff) << 16;
                        }
                        if (opaque()) for (int i = dst; i < dst + r.width(); i++) px[i] |= 0xff000000;
                    }
                }
            } finally {
                Drm.syncDmabuf(p.fd(), Drm.DMA_BUF_SYNC_END | Drm.DMA_BUF_SYNC_READ);
            }
        } catch (OsException | InternalError e) {
            throw new BufferAccessException("error reading the dma-buf: " + e.getMessage());
        }
        CopyCounter.add(4 * area.area());
        texture.setOpaque(opaque());
    }

    @Override
    public void lock() {
        locks.lock();
    }

    @Override
    public void unlock() {
        locks.unlock();
    }

    /** Runs {@code listener} when the buffer's memory goes (destroyed and no longer locked): where backends drop what they built on it. */
    public void onFree(Runnable listener) {
        freeListeners.add(listener);
    }

    @Override
    public void destroy(WlBuffer self) {
        // destructor; the memory goes with BufferLocks.destroyed
    }

    private void free() {
        if (freed) return;
        freed = true;
        for (Runnable r : freeListeners) r.run();
        freeListeners.clear();
        if (mapping != null) mapping.close();
        for (Plane p : planes) p.fd().close();
    }

    @Override
    public String toString() {
        return "wl_buffer@" + resource.id() + " (dma-buf " + width + "x" + height + ")";
    }
}
