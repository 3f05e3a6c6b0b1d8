package javawc.compositor.cursor;

/**
 * The arrow drawn when no cursor theme can be found, so the pointer is never invisible: a
 * white arrow with a black outline, its tip (the hotspot) at the top-left pixel, drawn from a
 * polygon at any size.
 */
final class BuiltinArrow {
    static final int WHITE = 0xffffffff, BLACK = 0xff000000;

    /** The outline at size 24, in pixels: tip, down the left side, the notch, the tail, back to the right. */
    private static final double[] POLYGON = {0, 0, 0, 17, 4, 13, 7, 19.5, 10, 18.3, 7.2, 12, 12, 12};
    private static final double DESIGN_SIZE = 24;

    private BuiltinArrow() {}

    /** The arrow for a cursor of {@code size} pixels (the theme size times the scale), as an image of that scale. */
    static CursorImage image(int size, int scale) {
        double k = Math.max(8, size) / DESIGN_SIZE;
        int w = (int) Math.ceil(13 * k), h = (int) Math.ceil(20.5 * k);
        boolean[] inside = new boolean[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) inside[y * w + x] = contains((x + 0.5) / k, (y + 0.5) / k);
        // the tip's own pixel centre falls on the edge; make sure the hotspot pixel is drawn
        inside[0] = true;
        int outline = Math.max(1, (int) Math.round(k));
        int[] pixels = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!inside[y * w + x]) continue;
                pixels[y * w + x] = nearOutside(inside, w, h, x, y, outline) ? BLACK : WHITE;
            }
        }
        return new CursorImage(pixels, w, h, 0, 0, scale);
    }

    /** Even-odd test of the point against the polygon. */
    private static boolean contains(double px, double py) {
        boolean in = false;
        int n = POLYGON.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = POLYGON[2 * i], yi = POLYGON[2 * i + 1], xj = POLYGON[2 * j], yj = POLYGON[2 * j + 1];
            if (yi > py != yj > py && px < (xj - xi) * (py - yi) / (yj - yi) + xi) in = !in;
        }
        return in;
    }

    /** Whether a pixel outside the arrow (or off the image) is within {@code d} pixels, sideways or up and down. */
    private static boolean nearOutside(boolean[] inside, int w, int h, int x, int y, int d) {
        for (int i = 1; i <= d; i++) {
            if (x - i < 0 || y - i < 0 || x + i >= w || y + i >= h) return true;
            if (!inside[y * w + x - i] || !inside[y * w + x + i] || !inside[(y - i) * w + x] || !inside[(y + i) * w + x]) return true;
        }
        return false;
    }
}
