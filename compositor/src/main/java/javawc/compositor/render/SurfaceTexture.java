package javawc.compositor.render;

/**
 * A surface's own copy of its latest buffer contents, in premultiplied ARGB (0xAARRGGBB),
 * buffer coordinates. Renderers read only this, never client memory: the copy is made at
 * commit time, where a fault in client memory is the committing client's error alone.
 */
public final class SurfaceTexture {
    private int[] pixels = new int[0];
    private int width, height;
    private boolean opaque;

    /** Resizes (contents undefined afterwards); returns true when the size changed. */
    public boolean resize(int width, int height) {
        if (width == this.width && height == this.height) return false;
        this.width = width;
        this.height = height;
        if (pixels.length < width * height) pixels = new int[width * height];
        return true;
    }

    public int[] pixels() {
        return pixels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** True when the format has no alpha channel: every pixel is opaque. */
    public boolean opaque() {
        return opaque;
    }

    public void setOpaque(boolean opaque) {
        this.opaque = opaque;
    }
}
