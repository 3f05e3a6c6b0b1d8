package javawc.compositor.fractionalscale;

import javawc.compositor.ProtocolContext;

/** wp_fractional_scale_manager_v1: surfaces hear the scale, in 120ths, their outputs want. */
public final class FractionalScaleProtocol {
    private FractionalScaleProtocol() {}

    public static AutoCloseable install(ProtocolContext c) {
        new FractionalScaleManagerGlobal(c.globals(), c.scene());
        return null;
    }
}
