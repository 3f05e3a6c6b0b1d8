package javawc.compositor.gammacontrol;

import javawc.compositor.ProtocolContext;
import javawc.compositor.backend.GammaTables;

/** zwlr_gamma_control_manager_v1, for night-light tools (gammastep, wlsunset): only where the backend has gamma tables (DRM). */
public final class GammaControlProtocol {
    private GammaControlProtocol() {}

    public static AutoCloseable install(ProtocolContext c) {
        GammaTables tables = c.backend().gammaTables();
        if (tables == null) return null; // headless, or no CRTC with a table: not offered at all
        return new GammaControlManagerGlobal(c.globals(), c.privileges(), tables);
    }
}
