package javawc.compositor.primaryselection;

import javawc.compositor.ProtocolContext;

/** zwp_primary_selection_device_manager_v1: the middle-click selection. */
public final class PrimarySelectionProtocol {
    private PrimarySelectionProtocol() {}

    public static AutoCloseable install(ProtocolContext c) {
        new PrimarySelectionManagerGlobal(c.globals(), c.seat(), c.primarySelection());
        return null;
    }
}
