package javawc.compositor.viewporter;

import javawc.compositor.core.Surface;
import javawc.server.GlobalRegistry;
import javawc.server.protocol.WlSurface;
import javawc.server.protocol.WpViewport;
import javawc.server.protocol.WpViewporter;

/**
 * wp_viewporter (v1): hands out one wp_viewport per surface; a second one for the same
 * surface is the viewport_exists error.
 */
public final class ViewporterGlobal implements WpViewporter.Handler {
    public static final int VERSION = 1;

    public ViewporterGlobal(GlobalRegistry registry) {
        registry.add(WpViewporter.SPEC, VERSION, WpViewporter::new, r -> r.setHandler(this));
    }

    @Override
    public void destroy(WpViewporter self) {
        // destructor; viewports made through it live on
    }

    @Override
    public void getViewport(WpViewporter self, WpViewport id, WlSurface surface) {
        Surface s = Surface.of(surface);
        if (!s.setViewportObject(id)) {
            self.postError(WpViewporter.Error.VIEWPORT_EXISTS, surface + " already has a wp_viewport");
            return;
        }
        new Viewport(id, s);
    }
}
