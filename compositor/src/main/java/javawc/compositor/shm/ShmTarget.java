package javawc.compositor.shm;

import javawc.compositor.core.ClientBuffer;
import javawc.compositor.scene.Rect;
import javawc.os.MemoryMapping;
import javawc.os.OsException;
import javawc.server.protocol.WlBuffer;

import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * A wl_shm buffer the compositor writes into (screen capture): its format and size, and a copy
 * of framebuffer pixels into it. The pool is mapped read-only for reading surfaces, so each
 * write maps the client's file writable for the copy's length and unmaps it after.
 */
public final class ShmTarget {
    private final ShmBuffer buffer;

    private ShmTarget(ShmBuffer buffer) {
        this.buffer = buffer;
    }

    /** The shm buffer behind {@code resource}, or null if it is another kind (a dma-buf). */
    public static ShmTarget of(WlBuffer resource) {
        ClientBuffer b = resource.handler() instanceof ClientBuffer c ? c : null;
        return b instanceof ShmBuffer shm ? new ShmTarget(shm) : null;
    }

    /** The wl_shm.format code. */
    public int format() {
        return buffer.format().code;
    }

    public int width() {
        return buffer.width();
    }

    public int height() {
        return buffer.height();
    }

    public int stride() {
        return buffer.stride();
    }

    /**
     * Copies {@code from} of {@code pixels} (0xAARRGGBB rows of {@code pixelsWidth}) to the
     * buffer's top-left corner, opaque. Only 4-byte formats whose ints are 0x??RRGGBB (ARGB8888,
     * XRGB8888) are written; false for another format. Throws when the client's file cannot be
     * mapped writable or is shorter than the buffer.
     */
    public boolean write(int[] pixels, int pixelsWidth, Rect from) throws OsException, ClientBuffer.BufferAccessException {
        PixelFormat f = buffer.format();
        if (f != PixelFormat.ARGB8888 && f != PixelFormat.XRGB8888) return false;
        int stride = buffer.stride(), offset = buffer.offset();
        long length = (long) offset + (long) stride * (from.height() - 1) + (long) from.width() * 4;
        try (MemoryMapping map = MemoryMapping.map(buffer.pool().fd(), length, true)) {
            IntBuffer ints = map.buffer().order(ByteOrder.nativeOrder()).asIntBuffer();
            int[] row = new int[from.width()];
            for (int y = 0; y < from.height(); y++) {
                int src = (from.y() + y) * pixelsWidth + from.x();
                for (int x = 0; x < row.length; x++) row[x] = pixels[src + x] | 0xff000000;
                ints.put((offset + y * stride) / 4, row);
            }
        } catch (InternalError e) { // the JVM's word for SIGBUS on the mapping: the file is shorter than the buffer
            throw new ClientBuffer.BufferAccessException("error accessing SHM buffer: the client's pool file is smaller than the buffer");
        }
        return true;
    }
}
