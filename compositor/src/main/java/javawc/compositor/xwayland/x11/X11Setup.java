package javawc.compositor.xwayland.x11;

/**
 * What the X server said at connection setup that a window manager needs: the first screen's
 * root window, size, depth and visual, where our resource ids come from, and the longest
 * request it takes (in 4-byte words).
 */
public record X11Setup(int resourceIdBase, int resourceIdMask, int maxRequestWords, int root, int rootVisual, int rootDepth, int width, int height) {

    /** Reads a successful setup reply (status 1). */
    static X11Setup parse(X11Message m) {
        int vendorLength = m.u16(24);
        int formats = m.u8(29);
        int screen = 40 + ((vendorLength + 3) & ~3) + 8 * formats;
        if (m.u8(28) < 1) throw new X11Message.MalformedMessageException("the X server has no screen");
        return new X11Setup(m.u32(12), m.u32(16), m.u16(26), m.u32(screen), m.u32(screen + 32), m.u8(screen + 38),
                m.u16(screen + 20), m.u16(screen + 22));
    }
}
