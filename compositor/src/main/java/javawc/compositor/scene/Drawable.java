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
}
