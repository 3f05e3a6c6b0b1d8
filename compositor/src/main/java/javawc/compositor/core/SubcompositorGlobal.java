package javawc.compositor.core;

import javawc.server.GlobalRegistry;
import javawc.server.protocol.WlSubcompositor;
import javawc.server.protocol.WlSubsurface;
import javawc.server.protocol.WlSurface;

/** wl_subcompositor: turns a surface into a subsurface of another. */
public final class SubcompositorGlobal implements WlSubcompositor.Handler {
    public static final int VERSION = 1;

    public SubcompositorGlobal(GlobalRegistry registry) {
        registry.add(WlSubcompositor.SPEC, VERSION, WlSubcompositor::new, r -> r.setHandler(this));
    }

    @Override
    public void destroy(WlSubcompositor self) {
        // destructor; subsurfaces live on
    }

    @Override
    public void getSubsurface(WlSubcompositor self, WlSubsurface id, WlSurface surfaceResource, WlSurface parentResource) {
        Surface surface = Surface.of(surfaceResource), parent = Surface.of(parentResource);
        if (surface == parent) {
            self.postError(WlSubcompositor.Error.BAD_SURFACE, surface + " cannot be its own parent");
            return;
        }
        for (Surface p = parent; p != null; p = p.role() instanceof Subsurface s ? s.parent() : null) {
            if (p == surface) {
                self.postError(WlSubcompositor.Error.BAD_SURFACE, surface + " is an ancestor of " + parent);
                return;
            }
        }
        if (surface.role() instanceof Subsurface existing && existing.isAlive()) {
            self.postError(WlSubcompositor.Error.BAD_SURFACE, surface + " is already a subsurface");
            return;
        }
        Subsurface sub = new Subsurface(id, surface, parent);
        if (!surface.setRole(sub, self, WlSubcompositor.Error.BAD_SURFACE)) return;
        sub.attach();
    }
}
