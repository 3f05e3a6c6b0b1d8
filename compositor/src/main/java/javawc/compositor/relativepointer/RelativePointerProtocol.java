package javawc.compositor.relativepointer;

import javawc.compositor.ProtocolContext;

/** zwp_relative_pointer_manager_v1: the pointer's device motion, for games and 3D views (with a pointer lock). */
public final class RelativePointerProtocol {
    private RelativePointerProtocol() {}

    public static AutoCloseable install(ProtocolContext c) {
        new RelativePointerManagerGlobal(c.globals(), c.seat());
        return null;
    }
}
