package javawc.compositor.output;

import javawc.server.GlobalRegistry;
import javawc.server.protocol.WlOutput;
import javawc.server.protocol.ZxdgOutputManagerV1;
import javawc.server.protocol.ZxdgOutputV1;

import java.util.ArrayList;
import java.util.List;

/**
 * zxdg_output_manager_v1 (v3): each output's logical position, size and name. From version 3
 * on, a batch of xdg_output events is closed by wl_output.done rather than xdg_output.done.
 */
public final class XdgOutputManager implements ZxdgOutputManagerV1.Handler, ZxdgOutputV1.Handler {
    public static final int VERSION = 3;

    private record XdgOutput(ZxdgOutputV1 resource, Output output) {}

    /** Every live xdg_output with its output, for telling them when it moves or changes size. */
    private final List<XdgOutput> xdgOutputs = new ArrayList<>();

    public XdgOutputManager(GlobalRegistry registry) {
        registry.add(ZxdgOutputManagerV1.SPEC, VERSION, ZxdgOutputManagerV1::new, r -> r.setHandler(this));
    }

    @Override
    public void destroy(ZxdgOutputManagerV1 self) {
        // destructor; xdg_output objects made by it live on, as the protocol says
    }

    @Override
    public void getXdgOutput(ZxdgOutputManagerV1 self, ZxdgOutputV1 id, WlOutput wlOutput) {
        id.setHandler(this);
        Output output = OutputGlobal.of(wlOutput);
        XdgOutput entry = new XdgOutput(id, output);
        xdgOutputs.add(entry);
        id.onDestroy(() -> xdgOutputs.remove(entry));
        id.sendLogicalPosition(output.x(), output.y());
        id.sendLogicalSize(output.logicalWidth(), output.logicalHeight());
        if (id.version() >= ZxdgOutputV1.EVENT_NAME_SINCE) {
            id.sendName(output.name());
            id.sendDescription(output.description());
        }
        if (id.version() >= 3) {
            if (wlOutput.version() >= WlOutput.EVENT_DONE_SINCE) wlOutput.sendDone();
        } else {
            id.sendDone();
        }
    }

    /**
     * {@code output} moved or changed its logical size: its xdg_outputs say so. From version 3
     * on, the wl_output.done that {@link OutputGlobal#changed} sends next closes the batch.
     */
    void changed(Output output) {
        for (int i = 0; i < xdgOutputs.size(); i++) {
            XdgOutput x = xdgOutputs.get(i);
            if (x.output() != output) continue;
            x.resource().sendLogicalPosition(output.x(), output.y());
            x.resource().sendLogicalSize(output.logicalWidth(), output.logicalHeight());
            if (x.resource().version() < 3) x.resource().sendDone();
        }
    }

    @Override
    public void destroy(ZxdgOutputV1 self) {
        // destructor: nothing is kept per xdg_output
    }
}
