package javawc.compositor.output;

/**
 * wl_output.transform: how the picture in an output's framebuffer is turned relative to the
 * upright logical space (a monitor on its side shows the layout upright). The mapping is the
 * one a client's buffer_transform means between its surface and its buffer, so a client that
 * sets its buffer_transform to the output's could be shown untouched: rotations are
 * counter-clockwise, and the flipped ones mirror around the vertical axis first.
 */
public final class OutputTransform {
    private static final String[] NAMES = {"normal", "90", "180", "270", "flipped", "flipped-90", "flipped-180", "flipped-270"};

    private OutputTransform() {}

    /** normal, 90, 180, 270, flipped, flipped-90, flipped-180 or flipped-270: the wl_output.transform value. */
    public static int parse(String text) {
        for (int i = 0; i < NAMES.length; i++) if (NAMES[i].equals(text)) return i;
        throw new IllegalArgumentException("a transform is one of " + String.join(", ", NAMES) + ", not '" + text + "'");
    }

    /** Every name parse takes, in wl_output.transform order. */
    public static java.util.List<String> names() {
        return java.util.List.of(NAMES);
    }

    public static String name(int transform) {
        return NAMES[transform];
    }

    /** Whether width and height trade places (90 and 270, flipped or not). */
    public static boolean swapsAxes(int transform) {
        return (transform & 1) != 0;
    }

    /**
     * The framebuffer point of the point (x, y) of the upright w×h area (pixel units, continuous
     * coordinates: corners map to corners), into {@code out[0..1]}.
     */
    public static void toFramebuffer(int transform, double x, double y, double w, double h, double[] out) {
        if (transform >= 4) x = w - x; // flipped: mirror first
        switch (transform & 3) {
            case 1 -> { out[0] = y; out[1] = w - x; }
            case 2 -> { out[0] = w - x; out[1] = h - y; }
            case 3 -> { out[0] = h - y; out[1] = x; }
            default -> { out[0] = x; out[1] = y; }
        }
    }

    /** The inverse: the upright point that framebuffer point (fx, fy) shows. */
    public static void fromFramebuffer(int transform, double fx, double fy, double w, double h, double[] out) {
        double x, y;
        switch (transform & 3) {
            case 1 -> { x = w - fy; y = fx; }
            case 2 -> { x = w - fx; y = h - fy; }
            case 3 -> { x = fy; y = h - fx; }
            default -> { x = fx; y = fy; }
        }
        out[0] = transform >= 4 ? w - x : x;
        out[1] = y;
    }
}
