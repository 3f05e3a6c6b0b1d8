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
