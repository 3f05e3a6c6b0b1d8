package javawc.compositor.activation;

import javawc.compositor.ProtocolContext;

/**
 * xdg_activation_v1: windows raised and focused with a token, without focus stealing. Each
 * program the compositor starts gets a token of the compositor's own in XDG_ACTIVATION_TOKEN,
 * so its first window may take the focus (the user asked for it: a binding, the IPC, autostart).
 */
public final class ActivationProtocol {
    private ActivationProtocol() {}

    public static AutoCloseable install(ProtocolContext c) {
        ActivationTokens tokens = new ActivationTokens();
        new ActivationGlobal(c.globals(), c.seat(), c.scene(), tokens);
        c.launchEnvironment().add("XDG_ACTIVATION_TOKEN", argv -> tokens.issueForLaunch(argv.getFirst()));
        return null;
    }
}
