package javawc.compositor.singlepixelbuffer;

import javawc.compositor.ProtocolContext;

/** wp_single_pixel_buffer_manager_v1: one-colour buffers, scaled up with a viewport. */
public final class SinglePixelBufferProtocol {
    private SinglePixelBufferProtocol() {}

    public static AutoCloseable install(ProtocolContext c) {
        new SinglePixelBufferManagerGlobal(c.globals());
        return null;
    }
}
