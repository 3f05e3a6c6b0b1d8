package javawc.compositor.shm;

import javawc.compositor.core.BufferLocks;
import javawc.compositor.core.ClientBuffer;
import javawc.compositor.render.CopyCounter;
import javawc.compositor.render.SurfaceTexture;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import javawc.os.Descriptors;
import javawc.os.OsException;
import javawc.server.protocol.WlBuffer;
import javawc.server.protocol.WlDisplay;
import javawc.server.protocol.WlShm;

/**
 * A wl_buffer in a shm pool: a rectangle of the client's file in one pixel format. Like a
 * dma-buf it is not copied at commit: the surface keeps it locked while it is attached, and a
 * backend while it shows it as it is, and its pixels are read when someone needs them (the
 * renderer's texture, a screenshot), each time only where they changed. wl_buffer.release goes
 * when the last lock does; the pool's mapping stays while the buffer is locked even if the
 * client destroyed the wl_buffer, because the surface still shows its contents.
 */
final class ShmBuffer implements ClientBuffer {
    private final WlBuffer resource;
    private final ShmPool pool;
    private final PixelFormat format;
    private final int offset, width, height, stride;
    private final Rect bounds;
    private final BufferLocks locks;

    ShmBuffer(WlBuffer resource, ShmPool pool, PixelFormat format, int offset, int width, int height, int stride) {
        this.resource = resource;
        this.locks = new BufferLocks(resource, pool::release);
        this.pool = pool;
        this.format = format;
        this.offset = offset;
        this.width = width;
        this.height = height;
        this.stride = stride;
        this.bounds = new Rect(0, 0, width, height);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    ShmPool pool() {
        return pool;
    }

    PixelFormat format() {
        return format;
    }

    int offset() {
        return offset;
    }

    int stride() {
        return stride;
    }

    @Override
    public boolean opaque() {
        return format.opaque;
    }

    @Override
    public void copyTo(SurfaceTexture texture, Region damage) throws BufferAccessException {
        int[] px = texture.pixels();
        long bytes = 0;
        try {
            for (Rect r : damage.rects()) {
                r = r.intersect(bounds);
                for (int y = r.y(); y < r.bottom(); y++) copyRow(px, y, r.x(), r.width());
                bytes += (long) format.bytesPerPixel * r.width() * r.height();
            }
        } catch (InternalError e) {
            // the JVM turned SIGBUS on the mapping into this: the client shrank its file
            throw new BufferAccessException("error accessing SHM buffer: the client's pool file is smaller than the buffer");
        } catch (IndexOutOfBoundsException e) {
            throw new BufferAccessException("buffer outside its pool: " + e.getMessage());
        }
        texture.setOpaque(format.opaque);
        CopyCounter.add(bytes);
    }

    @Override
    public void checkReadable() throws BufferAccessException {
        long end = offset + (long) stride * (height - 1) + (long) width * format.bytesPerPixel, size;
        try {
            size = Descriptors.size(pool.fd());
        } catch (OsException e) {
            throw new BufferAccessException("error accessing SHM buffer: " + e.getMessage());
        }
        if (size < end) throw new BufferAccessException("error accessing SHM buffer: the client's pool file has " + size + " bytes, the buffer ends at " + end);
    }

    @Override
    public boolean showsWithoutCopy() {
        return true;
    }

    /** The client's file failed us while reading its pixels: that is the client's error (the wl_buffer's invalid_fd). */
    @Override
    public void readFailed(String message) {
        if (resource.isAlive()) resource.postError(WlShm.Error.INVALID_FD, message);
        else resource.client().postError(resource.client().display(), WlDisplay.Error.IMPLEMENTATION, message);
    }

    @Override
    public void lock() {
        locks.lock();
    }

    @Override
    public void unlock() {
        locks.unlock();
    }

    /** The wl_buffer is gone: its pool is released now, or when the last lock goes. */
    void destroyed() {
        locks.destroyed();
    }

    @Override
    public boolean readsRows() {
        return true;
    }

    @Override
    public void readRow(int x, int y, int n, int[] dst, int offset) throws BufferAccessException {
        try {
            readInto(dst, offset, y, x, n);
        } catch (InternalError e) { // SIGBUS on the mapping, as in copyTo
            throw new BufferAccessException("error accessing SHM buffer: the client's pool file is smaller than the buffer");
        } catch (IndexOutOfBoundsException e) {
            throw new BufferAccessException("buffer outside its pool: " + e.getMessage());
        }
        CopyCounter.add((long) format.bytesPerPixel * n);
    }

    private void copyRow(int[] px, int y, int x, int n) {
        readInto(px, y * width + x, y, x, n);
    }

    /** Row {@code y}'s pixels from column {@code x} to {@code px} at {@code dst}, as premultiplied ARGB. */
    private void readInto(int[] px, int dst, int y, int x, int n) {
        if (format.bytesPerPixel == 4) {
            pool.ints().get((offset + y * stride) / 4 + x, px, dst, n);
            format.toArgb(px, dst, n);
        } else {
            int src = (offset + y * stride) / 2 + x;
            var shorts = pool.shorts();
            for (int i = 0; i < n; i++) px[dst + i] = PixelFormat.rgb565ToArgb(shorts.get(src + i) & 0xffff);
        }
    }

    @Override
    public void destroy(WlBuffer self) {
        // destructor: the pool is released by the destroy listener
    }

    @Override
    public String toString() {
        return "wl_buffer@" + resource.id() + " (shm " + width + "x" + height + ")";
    }
}
