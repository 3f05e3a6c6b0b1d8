package javawc.compositor.presentation;

import javawc.compositor.ProtocolContext;

/** wp_presentation: clients learn when (and how) each of their commits reached the screen. */
public final class PresentationProtocol {
    private PresentationProtocol() {}

    public static AutoCloseable install(ProtocolContext c) {
        new PresentationGlobal(c.globals(), c.scene());
        return null;
    }
}
