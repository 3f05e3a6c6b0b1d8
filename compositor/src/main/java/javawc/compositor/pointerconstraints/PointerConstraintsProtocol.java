package javawc.compositor.pointerconstraints;

import javawc.compositor.ProtocolContext;

/** zwp_pointer_constraints_v1: pointer locks and confinements for the focused window. */
public final class PointerConstraintsProtocol {
    private PointerConstraintsProtocol() {}

    public static AutoCloseable install(ProtocolContext c) {
        new PointerConstraintsGlobal(c.globals(), c.seat(), c.scene());
        return null;
    }
}
