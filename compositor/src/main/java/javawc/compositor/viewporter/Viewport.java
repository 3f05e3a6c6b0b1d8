package javawc.compositor.viewporter;

import javawc.compositor.core.Surface;
import javawc.server.protocol.WpViewport;

/**
 * wp_viewport: sets the surface's pending crop (source rectangle) and scale (destination
 * size); the surface checks them against its buffer when the state is applied (out_of_buffer,
 * bad_size). Values are checked here as they arrive (bad_value), and a viewport whose surface
 * is gone answers every request but destroy with no_surface.
 */
final class Viewport implements WpViewport.Handler {
    private static final int UNSET = -1 << 8; // -1.0 in 24.8 fixed point

    private final Surface surface;
    private boolean surfaceGone;

    Viewport(WpViewport resource, Surface surface) {
        this.surface = surface;
        resource.setHandler(this);
        surface.resource().onDestroy(() -> surfaceGone = true);
        resource.onDestroy(() -> {
            if (surfaceGone) return;
            surface.setViewportObject(null); // crop and scale are unset with the next commit
            surface.setViewportSource(-1, -1, -1, -1);
            surface.setViewportDestination(-1, -1);
        });
    }

    @Override
    public void destroy(WpViewport self) {
        // destructor; onDestroy unsets crop and scale for the next commit
    }

    @Override
    public void setSource(WpViewport self, int x, int y, int width, int height) {
        if (surfaceGone) {
            self.postError(WpViewport.Error.NO_SURFACE, "the wl_surface of this wp_viewport was destroyed");
            return;
        }
        if (x == UNSET && y == UNSET && width == UNSET && height == UNSET) {
            surface.setViewportSource(-1, -1, -1, -1);
            return;
        }
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            self.postError(WpViewport.Error.BAD_VALUE, "source " + fixed(x) + "," + fixed(y) + " " + fixed(width) + "x" + fixed(height)
                    + ": the position must not be negative and the size must be positive (all -1 unsets it)");
            return;
        }
        surface.setViewportSource(x, y, width, height);
    }

    @Override
    public void setDestination(WpViewport self, int width, int height) {
        if (surfaceGone) {
            self.postError(WpViewport.Error.NO_SURFACE, "the wl_surface of this wp_viewport was destroyed");
            return;
        }
        if (width == -1 && height == -1) {
            surface.setViewportDestination(-1, -1);
            return;
        }
        if (width <= 0 || height <= 0) {
            self.postError(WpViewport.Error.BAD_VALUE, "destination " + width + "x" + height + ": the size must be positive (both -1 unsets it)");
            return;
        }
        surface.setViewportDestination(width, height);
    }

    private static String fixed(int value) {
        return Double.toString(value / 256.0);
    }
}
