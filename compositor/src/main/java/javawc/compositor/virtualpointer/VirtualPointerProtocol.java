package javawc.compositor.virtualpointer;

import javawc.compositor.ProtocolContext;
import javawc.compositor.security.Privilege;

/**
 * zwlr_virtual_pointer_manager_v1: remote and scripted pointer input (wayvnc, wlrctl). It lets a
 * client click into every other client's windows, so the configuration's privileges decide who
 * sees it (VIRTUAL_INPUT, no client by default).
 */
public final class VirtualPointerProtocol {
    private VirtualPointerProtocol() {}

    public static AutoCloseable install(ProtocolContext c) {
        c.privileges().restrict(new VirtualPointerManagerGlobal(c.globals(), c.seat(), c.scene()).global(), Privilege.VIRTUAL_INPUT);
        return null;
    }
}
