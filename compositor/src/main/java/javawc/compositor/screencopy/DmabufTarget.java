package javawc.compositor.screencopy;

import javawc.compositor.dmabuf.DmabufBuffer;
import javawc.compositor.scene.Rect;
import javawc.os.Drm;
import javawc.os.MemoryMapping;
import javawc.os.OsException;
import javawc.server.protocol.WlBuffer;

import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * A client's dma-buf as a screencopy target: one plane of XRGB8888 or ARGB8888 in the linear
 * layout, written by the CPU through a writable mapping bracketed by DMA_BUF_IOCTL_SYNC, as
 * the compositor reads such buffers. A tiled (non-linear) buffer cannot be written that way,
 * and the frame then fails; the GLES renderer does not draw into clients' buffers.
 */
final class DmabufTarget {
    private DmabufTarget() {}

    /** The dma-buf behind {@code resource}, or null if it is another kind. */
    static DmabufBuffer of(WlBuffer resource) {
        return resource.handler() instanceof DmabufBuffer d ? d : null;
    }

    /** Whether the buffer is of the kind the frame announced: one of the two formats, the size. */
    static boolean matches(DmabufBuffer b, Rect pixels) {
        return (b.format() == Drm.FORMAT_XRGB8888 || b.format() == Drm.FORMAT_ARGB8888)
                && b.width() == pixels.width() && b.height() == pixels.height() && b.planes().size() == 1;
    }

    /** Copies {@code from} of {@code pixels} into the buffer, opaque; false if its layout is not linear. */
    static boolean write(DmabufBuffer b, int[] pixels, int pixelsWidth, Rect from) throws OsException {
        DmabufBuffer.Plane p = b.planes().getFirst();
        if (p.modifier() != Drm.MOD_LINEAR && p.modifier() != Drm.MOD_INVALID) return false;
        long length = p.offset() + p.stride() * (from.height() - 1) + from.width() * 4L;
        try (MemoryMapping map = MemoryMapping.map(p.fd(), 0, length, true)) {
            Drm.syncDmabuf(p.fd(), Drm.DMA_BUF_SYNC_START | Drm.DMA_BUF_SYNC_WRITE);
            try {
                IntBuffer ints = map.buffer().order(ByteOrder.nativeOrder()).asIntBuffer();
                int[] row = new int[from.width()];
                for (int y = 0; y < from.height(); y++) {
                    int src = (from.y() + y) * pixelsWidth + from.x();
                    for (int x = 0; x < row.length; x++) row[x] = pixels[src + x] | 0xff000000;
                    ints.put((int) ((p.offset() + y * p.stride()) / 4), row);
                }
            } finally {
                Drm.syncDmabuf(p.fd(), Drm.DMA_BUF_SYNC_END | Drm.DMA_BUF_SYNC_WRITE);
            }
        }
        return true;
    }
}
