package javawc.compositor.activation;

import javawc.compositor.ProtocolContext;

/** xdg_activation_v1: windows raised and focused with a token, without focus stealing. */
public final class ActivationProtocol {
    private ActivationProtocol() {}

    public static AutoCloseable install(ProtocolContext c) {
        new ActivationGlobal(c.globals(), c.seat(), c.scene(), new ActivationTokens());
        return null;
    }
}
