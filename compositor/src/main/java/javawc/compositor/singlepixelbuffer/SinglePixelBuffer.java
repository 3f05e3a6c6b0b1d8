package javawc.compositor.singlepixelbuffer;

import javawc.compositor.core.ClientBuffer;
import javawc.compositor.render.SurfaceTexture;
import javawc.compositor.scene.Region;
import javawc.server.protocol.WlBuffer;

/**
 * A 1x1 wl_buffer of one premultiplied RGBA colour given as 32 bits per channel, kept as the
 * 8-bit premultiplied ARGB pixel every renderer draws. Like an shm buffer, its pixel is copied
 * into the surface at commit and the buffer released at once; a viewport makes it any size.
 */
final class SinglePixelBuffer implements ClientBuffer {
    private final int argb;

    SinglePixelBuffer(int r, int g, int b, int a) {
        int alpha = to8Bits(a);
        // premultiplied: no channel may exceed alpha; a client that says otherwise gets it clamped
        // rather than a colour that would overflow when blended
        argb = alpha << 24 | Math.min(to8Bits(r), alpha) << 16 | Math.min(to8Bits(g), alpha) << 8 | Math.min(to8Bits(b), alpha);
    }

    /** An unsigned 32-bit channel value (0 .. 0xffffffff) to 0 .. 255, rounded to the nearest. */
    static int to8Bits(int channel) {
        long v = Integer.toUnsignedLong(channel);
        return (int) ((v * 255 + 0x7fffffffL) / 0xffffffffL);
    }

    int argb() {
        return argb;
    }

    @Override
    public int width() {
        return 1;
    }

    @Override
    public int height() {
        return 1;
    }

    @Override
    public boolean opaque() {
        return argb >>> 24 == 0xff;
    }

    @Override
    public void copyTo(SurfaceTexture texture, Region damage) {
        texture.pixels()[0] = argb;
        texture.setOpaque(opaque());
    }

    @Override
    public void destroy(WlBuffer self) {
        // destructor; nothing is held
    }
}
