package javawc.compositor.outputmanagement;

import javawc.compositor.output.Output;
import javawc.compositor.output.Outputs;
import javawc.server.protocol.ZwlrOutputHeadV1;
import javawc.server.protocol.ZwlrOutputManagerV1;
import javawc.server.protocol.ZwlrOutputModeV1;

import java.util.ArrayList;
import java.util.List;

/**
 * zwlr_output_head_v1: one output as one manager sees it, with a zwlr_output_mode_v1 for each
 * mode the backend offers (a mode set later that was not offered gets its own object then).
 * Remembers what it sent so an update sends only what changed. Heads are always enabled: the
 * compositor cannot turn an output off.
 */
final class OutputHead implements ZwlrOutputHeadV1.Handler {
    private record SentMode(Output.Mode mode, ZwlrOutputModeV1 resource) {}

    private final ZwlrOutputHeadV1 resource;
    private final ZwlrOutputManagerV1 manager;
    private final Output output;
    private final Outputs outputs;
    private final List<SentMode> modes = new ArrayList<>();
    private Output.Mode mode;
    private int x, y, transform, scale;

    OutputHead(ZwlrOutputHeadV1 resource, ZwlrOutputManagerV1 manager, Output output, Outputs outputs) {
        this.resource = resource;
        this.manager = manager;
        this.output = output;
        this.outputs = outputs;
        resource.setHandler(this);
    }

    ZwlrOutputManagerV1 manager() {
        return manager;
    }

    Output output() {
        return output;
    }

    /** The head behind a resource the client names. */
    static OutputHead of(ZwlrOutputHeadV1 resource) {
        return (OutputHead) resource.handler();
    }

    /** The mode a mode object the client names stands for, if it is one of this head's; else null. */
    Output.Mode modeOf(ZwlrOutputModeV1 resource) {
        for (SentMode m : modes) if (m.resource == resource) return m.mode;
        return null;
    }

    /** Everything, right after the head event. */
    void sendAll() {
        resource.sendName(output.name());
        resource.sendDescription(output.description());
        if (output.physicalWidthMm() > 0 && output.physicalHeightMm() > 0) resource.sendPhysicalSize(output.physicalWidthMm(), output.physicalHeightMm());
        boolean first = true;
        for (Output.Mode m : outputs.modes(output)) {
            ZwlrOutputModeV1 r = sendMode(m);
            if (first) r.sendPreferred(); // the mode the output started in
            first = false;
        }
        resource.sendEnabled(1);
        sendCurrentMode();
        sendPlacement(true);
        if (resource.version() >= ZwlrOutputHeadV1.EVENT_MAKE_SINCE) {
            if (!output.make().isEmpty()) resource.sendMake(output.make());
            if (!output.model().isEmpty()) resource.sendModel(output.model());
        }
        if (resource.version() >= ZwlrOutputHeadV1.EVENT_ADAPTIVE_SYNC_SINCE) resource.sendAdaptiveSync(ZwlrOutputHeadV1.AdaptiveSyncState.DISABLED);
    }

    /** The output changed: its mode and placement, where they differ from what was sent. */
    void update() {
        if (!resource.isAlive()) return;
        if (!output.mode().equals(mode)) sendCurrentMode();
        sendPlacement(false);
    }

    private ZwlrOutputModeV1 sendMode(Output.Mode m) {
        ZwlrOutputModeV1 r = new ZwlrOutputModeV1(resource.client(), resource.version());
        r.setHandler(self -> { }); // release: nothing is kept per mode object
        modes.add(new SentMode(m, r));
        resource.sendMode(r);
        r.sendSize(m.width(), m.height());
        r.sendRefresh(m.refreshMilliHz());
        return r;
    }

    private void sendCurrentMode() {
        mode = output.mode();
        ZwlrOutputModeV1 current = null;
        for (SentMode m : modes) if (m.mode.equals(mode)) current = m.resource;
        if (current == null) current = sendMode(mode); // a custom mode: it has an object from now on
        resource.sendCurrentMode(current);
    }

    private void sendPlacement(boolean all) {
        if (all || output.x() != x || output.y() != y) resource.sendPosition(x = output.x(), y = output.y());
        if (all || output.transform() != transform) resource.sendTransform(transform = output.transform());
        int fixedScale = (int) Math.round(output.exactScale() * 256);
        if (all || fixedScale != scale) resource.sendScale(scale = fixedScale);
    }

    /** The output is gone (its monitor unplugged): the head and its modes are finished, inert from now on. */
    void finish() {
        if (!resource.isAlive()) return;
        for (SentMode m : modes) if (m.resource.isAlive()) m.resource.sendFinished();
        resource.sendFinished();
    }

    @Override
    public void release(ZwlrOutputHeadV1 self) {
        // destructor: the manager forgets its heads when it goes
    }
}
