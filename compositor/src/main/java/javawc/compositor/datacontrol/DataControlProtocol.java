package javawc.compositor.datacontrol;

import javawc.compositor.ProtocolContext;

/** zwlr_data_control_manager_v1, for the clipboard tools [privileges] allows, unless --no-data-control. */
public final class DataControlProtocol {
    private DataControlProtocol() {}

    public static AutoCloseable install(ProtocolContext c) {
        if (c.options().dataControl()) new DataControlManagerGlobal(c.globals(), c.privileges(), c.seat(), c.clipboard(), c.primarySelection());
        return null;
    }
}
