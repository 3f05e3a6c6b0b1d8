package javawc.compositor.output;

import javawc.server.Client;
import javawc.server.Global;
import javawc.server.GlobalRegistry;
import javawc.server.protocol.WlOutput;

import java.util.ArrayList;
import java.util.List;

/** wl_output (v4): advertises one {@link Output} and describes it to every client that binds it. */
public final class OutputGlobal implements WlOutput.Handler {
    public static final int VERSION = 4;

    private final Output output;
    private final GlobalRegistry registry;
    private final Global global;
    private final List<WlOutput> bound = new ArrayList<>();

    public OutputGlobal(GlobalRegistry registry, Output output) {
        this.output = output;
        this.registry = registry;
        this.global = registry.add(WlOutput.SPEC, VERSION, WlOutput::new, this::bound);
    }

    public Output output() {
        return output;
    }

    public Global global() {
        return global;
    }

    /**
     * The output is gone: clients hear wl_registry.global_remove and release their wl_output
     * objects; until they do, those still name the output (requests on them are harmless).
     */
    void withdraw() {
        registry.remove(global);
    }

    /** The output a wl_output resource stands for (for requests that name one). */
    public static Output of(WlOutput resource) {
        return ((OutputGlobal) resource.handler()).output;
    }

    /** Every client's wl_output resources for this output (read only; for wl_surface.enter/leave). */
    public List<WlOutput> allResources() {
        return bound;
    }

    /** The wl_output resources {@code client} has for this output. */
    public List<WlOutput> resources(Client client) {
        List<WlOutput> mine = new ArrayList<>(1);
        for (WlOutput r : bound) if (r.client() == client) mine.add(r);
        return mine;
    }

    private void bound(WlOutput r) {
        r.setHandler(this);
        bound.add(r);
        r.onDestroy(() -> bound.remove(r));
        sendState(r);
        if (r.version() >= WlOutput.EVENT_NAME_SINCE) {
            r.sendName(output.name());
            r.sendDescription(output.description());
        }
        if (r.version() >= WlOutput.EVENT_DONE_SINCE) r.sendDone();
    }

    /**
     * The output's mode, position or scale changed: every client that bound it hears the
     * geometry, mode and scale again, closed by done (after whatever xdg_output sent, which
     * wl_output.done closes too).
     */
    void changed() {
        for (int i = 0; i < bound.size(); i++) {
            WlOutput r = bound.get(i);
            sendState(r);
            if (r.version() >= WlOutput.EVENT_DONE_SINCE) r.sendDone();
        }
    }

    private void sendState(WlOutput r) {
        Output.Mode mode = output.mode();
        r.sendGeometry(output.x(), output.y(), output.physicalWidthMm(), output.physicalHeightMm(), WlOutput.Subpixel.UNKNOWN,
                output.make(), output.model(), output.transform());
        r.sendMode(WlOutput.Mode.CURRENT | WlOutput.Mode.PREFERRED, mode.width(), mode.height(), mode.refreshMilliHz());
        if (r.version() >= WlOutput.EVENT_SCALE_SINCE) r.sendScale(output.scale());
    }

    @Override
    public void release(WlOutput self) {
        // destructor: the resource is destroyed after this returns; nothing else holds it
    }
}
