package javawc.compositor.screencopy;

import javawc.compositor.ProtocolContext;

/** zwlr_screencopy_manager_v1: screenshots and screen recording (grim, wf-recorder, wayvnc). */
public final class ScreencopyProtocol {
    private ScreencopyProtocol() {}

    public static AutoCloseable install(ProtocolContext c) {
        new ScreencopyManagerGlobal(c);
        return null;
    }
}
