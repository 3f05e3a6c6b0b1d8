package javawc.compositor.core;

import javawc.compositor.scene.Scene;
import javawc.server.GlobalRegistry;
import javawc.server.protocol.WlCompositor;
import javawc.server.protocol.WlRegion;
import javawc.server.protocol.WlSurface;

/**
 * wl_compositor: makes surfaces and regions. Version 5 is what Debian 12's wayland.xml
 * defines (6, with preferred_buffer_scale, came in libwayland 1.22).
 */
public final class CompositorGlobal implements WlCompositor.Handler {
    public static final int VERSION = 5;
    private final Scene scene;

    public CompositorGlobal(GlobalRegistry registry, Scene scene) {
        this.scene = scene;
        registry.add(WlCompositor.SPEC, VERSION, WlCompositor::new, r -> r.setHandler(this));
    }

    @Override
    public void createSurface(WlCompositor self, WlSurface id) {
        new Surface(id, scene);
    }

    @Override
    public void createRegion(WlCompositor self, WlRegion id) {
        id.setHandler(new RegionResource());
    }
}
