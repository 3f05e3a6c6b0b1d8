package javawc.compositor.foreigntoplevel;

import javawc.compositor.ProtocolContext;

/** zwlr_foreign_toplevel_manager_v1: the window list taskbars and docks show and act on. */
public final class ForeignToplevelProtocol {
    private ForeignToplevelProtocol() {}

    public static AutoCloseable install(ProtocolContext c) {
        new ForeignToplevelManagerGlobal(c);
        return null;
    }
}
