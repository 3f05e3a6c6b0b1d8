package javawc.compositor.output;

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
    private final Mode mode;
    private final int x, y;

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
     * Pixels per global-space unit. Always 1 today (no output scaling yet); what is drawn at a
     * finer scale (the cursor) asks this, so it follows when outputs get a scale.
     */
    public int scale() {
        return 1;
    }

    /** The size in global-space units (scale 1, no transform yet: the mode's size). */
    public int logicalWidth() {
        return mode.width();
    }

    public int logicalHeight() {
        return mode.height();
    }

    @Override
    public String toString() {
        return name + " " + mode;
    }
}
