package javawc.compositor.render.software;

/**
 * Maps a point of a surface back into its buffer. wl_surface.set_buffer_transform says how
 * the client already transformed its content; we apply the inverse. Rotations are
 * counter-clockwise, as in wl_output.transform, and the flipped variants mirror around the
 * vertical axis before rotating.
 */
final class BufferTransform {
    private BufferTransform() {}

    /**
     * The texture index for surface point (x, y) of a surface w×h (surface units) shown with
     * {@code transform} and {@code scale}; {@code textureWidth} is the buffer's width.
     */
    static int bufferIndex(int transform, int x, int y, int w, int h, int scale, int textureWidth) {
        if (transform >= 4) x = w - 1 - x; // flipped: mirror first
        int bx, by;
        switch (transform & 3) {
            case 1 -> { bx = y; by = w - 1 - x; }          // 90
            case 2 -> { bx = w - 1 - x; by = h - 1 - y; }  // 180
            case 3 -> { bx = h - 1 - y; by = x; }          // 270
            default -> { bx = x; by = y; }
        }
        return by * scale * textureWidth + bx * scale;
    }
}
