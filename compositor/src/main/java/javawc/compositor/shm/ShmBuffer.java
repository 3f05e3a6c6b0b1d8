package javawc.compositor.shm;

import javawc.compositor.core.ClientBuffer;
import javawc.compositor.render.CopyCounter;
import javawc.compositor.render.SurfaceTexture;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import javawc.server.protocol.WlBuffer;

/** A wl_buffer in a shm pool: a rectangle of the client's file in one pixel format. */
final class ShmBuffer implements ClientBuffer {
    private final ShmPool pool;
    private final PixelFormat format;
    private final int offset, width, height, stride;

    ShmBuffer(ShmPool pool, PixelFormat format, int offset, int width, int height, int stride) {
        this.pool = pool;
        this.format = format;
        this.offset = offset;
        this.width = width;
        this.height = height;
        this.stride = stride;
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
        Rect bounds = new Rect(0, 0, width, height);
        try {
            for (Rect r : damage.intersect(bounds).rects()) {
                for (int y = r.y(); y < r.bottom(); y++) copyRow(px, y, r.x(), r.width());
            }
        } catch (InternalError e) {
            // the JVM turned SIGBUS on the mapping into this: the client shrank its file
            throw new BufferAccessException("error accessing SHM buffer: the client's pool file is smaller than the buffer");
        } catch (IndexOutOfBoundsException e) {
            throw new BufferAccessException("buffer outside its pool: " + e.getMessage());
        }
        texture.setOpaque(format.opaque);
        CopyCounter.add((long) format.bytesPerPixel * damage.intersect(bounds).area());
    }

    private void copyRow(int[] px, int y, int x, int n) {
        int dst = y * width + x;
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
}
