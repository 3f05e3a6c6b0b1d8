package javawc.compositor.scene;

import javawc.compositor.render.SurfaceTexture;

/**
 * What a renderer can draw: pixels in a {@link SurfaceTexture} shown at a size in global
 * units, with a buffer scale and transform as wl_surface defines them. A client's surface is
 * one; so is the compositor's own cursor image, which lets the renderers draw both the same way.
 */
public interface Drawable {
    /** The width in global units (the texture's, divided by the scale, turned by the transform). */
    int width();

    int height();

    /** The buffer scale: texture pixels per global unit. */
    int scale();

    /** The buffer transform (wl_output.transform); 0 for none. */
    int transform();

    SurfaceTexture texture();

    /** True when every pixel is opaque (a format without alpha), known without reading any. */
    default boolean opaque() {
        return texture().opaque();
    }

    /**
     * The pixels read straight from where they are (a client's shm buffer), row by row, for a
     * renderer on the CPU: one copy per frame, into the framebuffer, and no texture at all;
     * null when they can only be had through {@link #texture}.
     */
    default Rows rows() {
        return null;
    }

    /** Rows of pixels a renderer reads without a texture; see {@link #rows}. */
    interface Rows {
        /**
         * Reads {@code n} pixels of row {@code y} from column {@code x} (buffer coordinates) as
         * premultiplied ARGB into {@code dst} from {@code offset}. False when the memory failed
         * (the owner was told; draw nothing more of it this frame).
         */
        boolean read(int x, int y, int n, int[] dst, int offset);
    }

    /** A rectangle of the content, in content units (see {@link #contentWidth}). */
    interface Source {
        double x();

        double y();

        double width();

        double height();
    }

    /**
     * The part of the content a viewport (wp_viewport) crops or scales to {@link #width} x
     * {@link #height}, the renderers mapping each point through it; null when none does and
     * the content is drawn 1:1.
     */
    default Source viewportSource() {
        return null;
    }

    /** The texture in surface units (divided by the scale, turned by the transform), before a viewport; {@link #width} without one. */
    default int contentWidth() {
        return width();
    }

    default int contentHeight() {
        return height();
    }
}
