package javawc.compositor.viewporter;

import javawc.compositor.ProtocolContext;

/** wp_viewporter: clients crop and scale their surfaces' buffers. */
public final class ViewporterProtocol {
    private ViewporterProtocol() {}

    public static AutoCloseable install(ProtocolContext c) {
        new ViewporterGlobal(c.globals());
        return null;
    }
}
