package javawc.compositor.render;

import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;

/**
 * A surface's own copy of its latest buffer contents, in premultiplied ARGB (0xAARRGGBB),
 * buffer coordinates. Renderers read only this, never client memory: the surface copies into
 * it from the client's buffer when a renderer asks for it, only what changed, and a fault in
 * client memory then is the owning client's error alone.
 *
 * <p>Whoever writes the pixels says where ({@link #changed}); a renderer that keeps its own
 * copy (a GPU texture) takes those changes to update only what changed.
 */
public final class SurfaceTexture {
    private static final int MAX_CHANGE_RECTS = 16; // past that, the changes are kept as their bounds

    private int[] pixels = new int[0];
    private int width, height;
    private boolean opaque, discarded;
    private final Region changes = new Region();

    /** Resizes (contents undefined afterwards, all of it counted as changed); returns true when the size changed. */
    public boolean resize(int width, int height) {
        if (width == this.width && height == this.height) return false;
        this.width = width;
        this.height = height;
        if (pixels.length > 2L * width * height) pixels = new int[0]; // a much smaller surface gives the memory back
        changes.clear();
        changes.add(new Rect(0, 0, width, height));
        return true;
    }

    /** Records that the pixels in {@code area} (buffer coordinates) were rewritten. */
    public void changed(Region area) {
        for (Rect r : area.rects()) changes.add(r.intersect(new Rect(0, 0, width, height)));
        if (changes.rects().size() > MAX_CHANGE_RECTS) {
            Rect bounds = changes.bounds();
            changes.clear();
            changes.add(bounds);
        }
    }

    /** What changed since the last call (buffer coordinates), for the one renderer-side copy of this texture; resets it. */
    public Region takeChanges() {
        Region taken = changes.copy();
        changes.clear();
        return taken;
    }

    /** The surface is gone: renderers may free what they built for this texture. */
    public void discard() {
        discarded = true;
    }

    public boolean isDiscarded() {
        return discarded;
    }

    /**
     * The pixels, allocated at first use: a buffer an output shows as it is (never composited)
     * costs no copy of its size.
     */
    public int[] pixels() {
        if (pixels.length < width * height) pixels = new int[width * height];
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
