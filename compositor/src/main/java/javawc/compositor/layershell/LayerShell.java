package javawc.compositor.layershell;

import javawc.compositor.ProtocolContext;
import javawc.compositor.core.Surface;
import javawc.compositor.output.Output;
import javawc.compositor.output.OutputGlobal;
import javawc.compositor.scene.Scene;
import javawc.compositor.scene.ShellLayers;
import javawc.compositor.seat.Seat;
import javawc.compositor.xdg.XdgShell;
import javawc.server.Server;
import javawc.server.protocol.WlOutput;
import javawc.server.protocol.WlSurface;
import javawc.server.protocol.ZwlrLayerShellV1;
import javawc.server.protocol.ZwlrLayerSurfaceV1;

import java.util.ArrayList;
import java.util.List;

/**
 * zwlr_layer_shell_v1 (v4): wallpapers, panels, docks, notifications and launchers as layer
 * surfaces below and above the windows. Lays out each output's layer surfaces
 * ({@link LayerLayout}) whenever one of them changes or the outputs do, and gives the scene
 * what is left to windows, so maximized windows stay clear of panels' exclusive zones. A
 * shown surface with exclusive keyboard interactivity in the top or overlay layer holds the
 * keyboard (a focus filter on the seat): other clients cannot take it while it is shown. A
 * surface whose output goes away (its monitor unplugged) is closed.
 */
public final class LayerShell implements ZwlrLayerShellV1.Handler {
    public static final int VERSION = 4;

    private final Server server;
    private final Scene scene;
    private final Seat seat;
    private final boolean bufferBeforeFirstAck;
    private final List<LayerSurfaceRole> surfaces = new ArrayList<>(); // oldest first

    private LayerShell(ProtocolContext c) {
        this.server = c.server();
        this.scene = c.scene();
        this.seat = c.seat();
        this.bufferBeforeFirstAck = c.policy().xdgBufferBeforeFirstAck();
        c.globals().add(ZwlrLayerShellV1.SPEC, VERSION, ZwlrLayerShellV1::new, r -> r.setHandler(this));
        seat.addFocusFilter(this::focusAllowed);
        scene.addOutputsListener(() -> {
            closeWhereOutputsWent();
            for (Output o : scene.outputs()) arrange(o);
        });
    }

    /** The entry point: offers zwlr_layer_shell_v1. */
    public static AutoCloseable install(ProtocolContext c) {
        new LayerShell(c);
        return null;
    }

    Server server() {
        return server;
    }

    Scene scene() {
        return scene;
    }

    Seat seat() {
        return seat;
    }

    /**
     * Whether a buffer committed before the first configure is taken as an ack: the conformance
     * host's leniency for wlcs 1.5's helpers, as for xdg_surface (docs/conformance.md).
     */
    boolean acceptsBufferBeforeFirstAck() {
        return bufferBeforeFirstAck;
    }

    // ---- requests ----

    @Override
    public void getLayerSurface(ZwlrLayerShellV1 self, ZwlrLayerSurfaceV1 id, WlSurface surfaceResource, WlOutput outputResource, int layer, String namespace) {
        Surface surface = Surface.of(surfaceResource);
        if (!ZwlrLayerShellV1.Layer.isValid(layer, self.version())) {
            self.postError(ZwlrLayerShellV1.Error.INVALID_LAYER, "layer " + Integer.toUnsignedString(layer) + " is not a layer");
            return;
        }
        if (surface.role() instanceof LayerSurfaceRole existing && existing.isAlive()) {
            self.postError(ZwlrLayerShellV1.Error.ROLE, surface + " already is a layer surface");
            return;
        }
        if (surface.role() != null && !(surface.role() instanceof LayerSurfaceRole)) {
            self.postError(ZwlrLayerShellV1.Error.ROLE, surface + " already has the role " + surface.role().roleName());
            return;
        }
        if (surface.hasBufferCommitted() || surface.hasBufferPending()) {
            self.postError(ZwlrLayerShellV1.Error.ALREADY_CONSTRUCTED, surface + " already has a buffer " + (surface.hasBufferCommitted() ? "committed" : "attached"));
            return;
        }
        // no output named: the one the pointer is on, where the user is looking
        Output output = outputResource != null ? OutputGlobal.of(outputResource) : scene.outputAt((int) seat.pointer().x(), (int) seat.pointer().y());
        LayerSurfaceRole role = new LayerSurfaceRole(id, surface, this, output, layer, namespace);
        if (!surface.setRole(role, self, ZwlrLayerShellV1.Error.ROLE)) return;
        surfaces.add(role);
        if (!scene.outputs().contains(output)) role.close(); // a wl_output the client had not yet released when its output went
    }

    @Override
    public void destroy(ZwlrLayerShellV1 self) {
        // destructor: the layer surfaces made through it live on
    }

    // ---- layout ----

    /** Lays out {@code output}'s layer surfaces again, and gives the scene the area left to windows. */
    void arrange(Output output) {
        if (!scene.outputs().contains(output)) return; // not (or no longer) shown: nothing to place it on
        List<LayerSurfaceRole> here = new ArrayList<>();
        List<LayerLayout.Request> requests = new ArrayList<>();
        for (LayerSurfaceRole s : surfaces) {
            if (s.output() != output || !s.laidOut()) continue;
            here.add(s);
            requests.add(s.state().request());
        }
        LayerLayout.Result result = LayerLayout.arrange(output.logicalBounds(), requests);
        for (int i = 0; i < here.size(); i++) here.get(i).placed(result.boxes().get(i));
        scene.shell().setUsableArea(output, result.usable());
    }

    /** Layer surfaces whose output is no longer shown get closed (the spec's "the output may have been destroyed"). */
    private void closeWhereOutputsWent() {
        List<Output> shown = scene.outputs();
        for (LayerSurfaceRole s : List.copyOf(surfaces)) {
            if (!shown.contains(s.output())) s.close();
        }
    }

    /** A layer surface object was destroyed: its output is laid out again without it. */
    void removed(LayerSurfaceRole role) {
        surfaces.remove(role);
        arrange(role.output());
    }

    // ---- the keyboard ----

    /**
     * A layer surface was mapped or unmapped, or its keyboard interactivity changed: one that
     * is now shown and takes the keyboard gets it (on demand: when it appears; exclusive: when
     * it appears or becomes exclusive); one that has it and no longer may gives it back.
     */
    void keyboardChanged(LayerSurfaceRole role, boolean wasMapped, int wasKeyboard) {
        int k = role.keyboardInteractivity();
        boolean shown = role.isMapped() && role.isAlive();
        if (shown && k != ZwlrLayerSurfaceV1.KeyboardInteractivity.NONE
                && (!wasMapped || k == ZwlrLayerSurfaceV1.KeyboardInteractivity.EXCLUSIVE && wasKeyboard != k)) {
            seat.setKeyboardFocus(role.surface());
        } else if (seat.keyboardFocus() == role.surface() && (!shown || k == ZwlrLayerSurfaceV1.KeyboardInteractivity.NONE)) {
            seat.focusTopWindow();
        } else if (wasKeyboard == ZwlrLayerSurfaceV1.KeyboardInteractivity.EXCLUSIVE && (!shown || k != wasKeyboard) && holder() == null) {
            seat.focusTopWindow(); // nothing holds the keyboard any more: the windows get it back
        }
    }

    /** The shown surface that holds the keyboard: exclusive, in the overlay or else the top layer, the newest; or null. */
    private LayerSurfaceRole holder() {
        for (int layer = ShellLayers.OVERLAY; layer >= ShellLayers.TOP; layer--) {
            for (int i = surfaces.size() - 1; i >= 0; i--) {
                LayerSurfaceRole s = surfaces.get(i);
                if (s.visible() && s.layer() == layer && s.keyboardInteractivity() == ZwlrLayerSurfaceV1.KeyboardInteractivity.EXCLUSIVE) return s;
            }
        }
        return null;
    }

    /** The focus filter: while a surface holds the keyboard, only it and its popups may have it. */
    private Surface focusAllowed(Surface requested) {
        LayerSurfaceRole h = holder();
        if (h == null || requested != null && XdgShell.popupRoot(requested) == h.surface()) return requested;
        return h.surface();
    }
}
