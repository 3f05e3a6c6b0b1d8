package javawc.compositor;

import javawc.compositor.backend.Backend;
import javawc.compositor.config.Config;
import javawc.compositor.launch.LaunchEnvironment;
import javawc.compositor.output.Outputs;
import javawc.compositor.render.Renderer;
import javawc.compositor.scene.Scene;
import javawc.compositor.security.Privileges;
import javawc.compositor.seat.Seat;
import javawc.compositor.selection.Selection;
import javawc.compositor.wm.WindowManager;
import javawc.server.GlobalRegistry;
import javawc.server.Server;

/**
 * What a protocol area needs to install its globals: the server and its registry, the scene,
 * the seat, the outputs, the backend (its dma-buf support) and renderer, the options and
 * configuration, the two selections the clipboard protocols share, the policy that the
 * conformance harness may loosen, who is offered the privileged globals
 * ({@link Privileges#restrict}), and the window manager (which taskbars' requests go
 * through). Each protocol package has one entry point that takes this
 * ({@link Protocol}), so a new protocol never grows {@link Compositor}. {@code launchEnvironment}
 * takes variables for the programs the compositor starts (an activation token).
 */
public record ProtocolContext(Server server, Scene scene, Seat seat, Outputs outputs, Backend backend, Renderer renderer, Options options,
                              Config config, Selection clipboard, Selection primarySelection, Policy policy, Privileges privileges,
                              LaunchEnvironment launchEnvironment, WindowManager windowManager) {

    public GlobalRegistry globals() {
        return server.globals();
    }

    /**
     * Deliberate departures from the protocols' strictest reading, off for every real session.
     * {@code xdgBufferBeforeFirstAck}: an xdg_surface's buffer committed before its first
     * configure was acked is taken as an ack, for the conformance suite's old helpers
     * (docs/conformance.md); real clients get the unconfigured_buffer error.
     * {@code everyPrivilege}: every privileged global offered to every client, whatever the
     * configuration says (the conformance suite tests them all).
     */
    public record Policy(boolean xdgBufferBeforeFirstAck, boolean everyPrivilege) {
        public static final Policy STRICT = new Policy(false, false);
    }

    /** One protocol area's entry point: installs its globals; returns what must be closed with the compositor, or null. */
    @FunctionalInterface
    public interface Protocol {
        AutoCloseable install(ProtocolContext context) throws java.io.IOException;
    }
}
