package javawc.compositor.outputmanagement;

import javawc.compositor.ProtocolContext;

/** zwlr_output_manager_v1: output configuration tools (wlr-randr, kanshi, wdisplays) list and change the outputs. */
public final class OutputManagementProtocol {
    private OutputManagementProtocol() {}

    public static AutoCloseable install(ProtocolContext c) {
        new OutputManagerGlobal(c);
        return null;
    }
}
