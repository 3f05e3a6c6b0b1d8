package javawc.compositor.output;

import javawc.compositor.scene.Rect;

/**
 * One display the compositor shows surfaces on: its mode and its place in the global
 * compositor space. Backends create outputs; the protocol side ({@link OutputGlobal}) tells
 * clients about them.
 */
public final class Output {
    /** A video mode; refresh in millihertz, as wl_output.mode carries it. */
    public record Mode(int width, int height, int refreshMilliHz) {
        public Mode {
            if (width <= 0 || height <= 0 || refreshMilliHz <= 0) throw new IllegalArgumentException("bad mode " + width + "x" + height + "@" + refreshMilliHz);
        }

        // written out for the same reason as Rect's: compared on the frame path
        @Override
        public boolean equals(Object o) {
            return o instanceof Mode m && m.width == width && m.height == height && m.refreshMilliHz == refreshMilliHz;
        }

        @Override
        public int hashCode() {
            return (width * 31 + height) * 31 + refreshMilliHz;
        }

        /** Nanoseconds between frames. */
        public long frameNanos() {
            return 1_000_000_000_000L / refreshMilliHz;
        }

        @Override
        public String toString() {
            return width + "x" + height + "@" + refreshMilliHz / 1000.0;
        }
    }

    private final String name;
    private final String make, model;
    private final int physicalWidthMm, physicalHeightMm;
    // mode, position and scale change while running (see Outputs), on the event loop only
    private Mode mode;
    private int x, y;
    private double scale = 1;
    private int transform; // wl_output.transform
    private final double[] corner = new double[2]; // scratch for toPixels and toGlobal (one event-loop thread)

    public Output(String name, String make, String model, int physicalWidthMm, int physicalHeightMm, Mode mode, int x, int y) {
        this.name = name;
        this.make = make;
        this.model = model;
        this.physicalWidthMm = physicalWidthMm;
        this.physicalHeightMm = physicalHeightMm;
        this.mode = mode;
        this.x = x;
        this.y = y;
    }

    /** The largest scale accepted: beyond it a logical pixel would be bigger than any cursor or window needs. */
    public static final double MAX_SCALE = 8;

    /** Checks a scale: more than 0 (so the logical size is at least 1 pixel), at most {@link #MAX_SCALE}, in 1/120ths like fractional-scale-v1. */
    public static double checkScale(double scale) {
        if (!(scale > 0 && scale <= MAX_SCALE)) throw new IllegalArgumentException("scale must be more than 0 and at most " + MAX_SCALE + ", not " + scale);
        return Math.round(scale * 120) / 120.0;
    }

    void setMode(Mode mode) {
        this.mode = mode;
    }

    void setPosition(int x, int y) {
        this.x = x;
        this.y = y;
    }

    void setScale(double scale) {
        this.scale = checkScale(scale);
    }

    void setTransform(int transform) {
        if (transform < 0 || transform > 7) throw new IllegalArgumentException("no such transform: " + transform);
        this.transform = transform;
    }

    /** wl_output.transform: how the framebuffer shows the upright logical area (see {@link OutputTransform}). */
    public int transform() {
        return transform;
    }

    public String name() {
        return name;
    }

    public String make() {
        return make;
    }

    public String model() {
        return model;
    }

    public String description() {
        return make + " " + model + " " + mode;
    }

    public int physicalWidthMm() {
        return physicalWidthMm;
    }

    public int physicalHeightMm() {
        return physicalHeightMm;
    }

    public Mode mode() {
        return mode;
    }

    /** Position of the top-left corner in the compositor's global space. */
    public int x() {
        return x;
    }

    public int y() {
        return y;
    }

    /**
     * The scale clients are told (wl_output.scale): the real scale rounded up, so a client
     * draws at least as finely as the output shows, and the renderer scales down the rest.
     */
    public int scale() {
        return (int) Math.ceil(scale);
    }

    /** Output pixels per global-space (logical) unit: 1, 2, or fractional such as 1.5. */
    public double exactScale() {
        return scale;
    }

    /** The size in global-space units: the mode's size turned upright by the transform, divided by the scale, rounded. */
    public int logicalWidth() {
        return Math.max(1, (int) Math.round(uprightWidth() / scale));
    }

    public int logicalHeight() {
        return Math.max(1, (int) Math.round(uprightHeight() / scale));
    }

    /** The mode's width in pixels once turned upright (its height for 90 and 270). */
    private int uprightWidth() {
        return OutputTransform.swapsAxes(transform) ? mode.height() : mode.width();
    }

    private int uprightHeight() {
        return OutputTransform.swapsAxes(transform) ? mode.width() : mode.height();
    }

    /** The framebuffer point that shows output-local global point (lx, ly), into {@code out[0..1]}. */
    public void localToPixel(double lx, double ly, double[] out) {
        OutputTransform.toFramebuffer(transform, lx * scale, ly * scale, uprightWidth(), uprightHeight(), out);
    }

    /** The output-local global point that framebuffer point (px, py) shows, into {@code out[0..1]}. */
    public void pixelToLocal(double px, double py, double[] out) {
        OutputTransform.fromFramebuffer(transform, px, py, uprightWidth(), uprightHeight(), out);
        out[0] /= scale;
        out[1] /= scale;
    }

    /** The output's area in the global space. */
    public Rect logicalBounds() {
        return new Rect(x, y, logicalWidth(), logicalHeight());
    }

    /**
     * The framebuffer pixels that show {@code global} (global coordinates), rounded outwards so
     * every pixel that shows a part of it is in, clipped to the framebuffer.
     */
    public Rect toPixels(Rect global) {
        localToPixel(global.x() - x, global.y() - y, corner);
        double ax = corner[0], ay = corner[1];
        localToPixel(global.right() - x, global.bottom() - y, corner); // the transform keeps rectangles upright: two corners suffice
        int left = Math.max(0, (int) Math.floor(Math.min(ax, corner[0]))), top = Math.max(0, (int) Math.floor(Math.min(ay, corner[1])));
        int right = Math.min(mode.width(), (int) Math.ceil(Math.max(ax, corner[0])));
        int bottom = Math.min(mode.height(), (int) Math.ceil(Math.max(ay, corner[1])));
        return right > left && bottom > top ? new Rect(left, top, right - left, bottom - top) : Rect.EMPTY;
    }

    /** The global area a framebuffer rectangle shows, rounded outwards. */
    public Rect toGlobal(Rect pixels) {
        pixelToLocal(pixels.x(), pixels.y(), corner);
        double ax = corner[0], ay = corner[1];
        pixelToLocal(pixels.right(), pixels.bottom(), corner);
        int left = x + (int) Math.floor(Math.min(ax, corner[0])), top = y + (int) Math.floor(Math.min(ay, corner[1]));
        int right = x + (int) Math.ceil(Math.max(ax, corner[0])), bottom = y + (int) Math.ceil(Math.max(ay, corner[1]));
        return new Rect(left, top, right - left, bottom - top);
    }

    @Override
    public String toString() {
        return name + " " + mode;
    }
}
