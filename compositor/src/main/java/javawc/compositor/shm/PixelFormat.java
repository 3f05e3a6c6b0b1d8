package javawc.compositor.shm;

import javawc.server.protocol.WlShm;

/** The wl_shm formats we read, and how each becomes premultiplied ARGB. */
enum PixelFormat {
    ARGB8888(WlShm.Format.ARGB8888, 4, false),
    XRGB8888(WlShm.Format.XRGB8888, 4, true),
    ABGR8888(WlShm.Format.ABGR8888, 4, false),
    XBGR8888(WlShm.Format.XBGR8888, 4, true),
    RGB565(WlShm.Format.RGB565, 2, true);

    final int code;
    final int bytesPerPixel;
    final boolean opaque;

    PixelFormat(int code, int bytesPerPixel, boolean opaque) {
        this.code = code;
        this.bytesPerPixel = bytesPerPixel;
        this.opaque = opaque;
    }

    static PixelFormat of(int code) {
        for (PixelFormat f : values()) if (f.code == code) return f;
        return null;
    }

    /** Converts {@code n} pixels in place, from this format (as read into ints) to ARGB. */
    void toArgb(int[] px, int from, int n) {
        int end = from + n;
        switch (this) {
            case ARGB8888 -> { }
            case XRGB8888 -> {
                for (int i = from; i < end; i++) px[i] |= 0xff000000;
            }
            case ABGR8888, XBGR8888 -> {
                int alpha = this == XBGR8888 ? 0xff000000 : 0;
                for (int i = from; i < end; i++) {
                    int p = px[i];
                    px[i] = (p & 0xff00ff00) | (p & 0xff) << 16 | (p >>> 16) & 0xff | alpha;
                }
            }
            case RGB565 -> throw new IllegalStateException("16-bit formats are expanded by the reader");
        }
    }

    static int rgb565ToArgb(int p) {
        int r = (p >>> 11) & 0x1f, g = (p >>> 5) & 0x3f, b = p & 0x1f;
        return 0xff000000 | (r << 3 | r >>> 2) << 16 | (g << 2 | g >>> 4) << 8 | (b << 3 | b >>> 2);
    }
}
