package javawc.compositor.core;

import javawc.compositor.ProtocolContext;

/** wl_compositor and wl_subcompositor: surfaces, regions and subsurfaces. */
public final class CoreProtocols {
    private CoreProtocols() {}

    public static AutoCloseable install(ProtocolContext c) {
        new CompositorGlobal(c.globals(), c.scene());
        new SubcompositorGlobal(c.globals());
        return null;
    }
}
