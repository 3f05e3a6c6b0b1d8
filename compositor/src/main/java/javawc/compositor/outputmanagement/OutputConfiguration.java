package javawc.compositor.outputmanagement;

import javawc.compositor.output.Output;
import javawc.compositor.output.Outputs;
import javawc.server.protocol.ZwlrOutputConfigurationHeadV1;
import javawc.server.protocol.ZwlrOutputConfigurationV1;
import javawc.server.protocol.ZwlrOutputHeadV1;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * zwlr_output_configuration_v1: a whole new output configuration. Every head of the manager
 * must be named once (enable_head or disable_head); test checks it without changing anything,
 * apply changes the outputs through {@link Outputs} and, if one change is refused, puts back
 * the ones made before it, so failed means nothing changed. A configuration made for an older
 * serial is cancelled. Disabling a head fails: the compositor cannot turn an output off.
 */
final class OutputConfiguration implements ZwlrOutputConfigurationV1.Handler {
    private static final Logger LOG = LogManager.getLogger(OutputConfiguration.class);

    private final ZwlrOutputConfigurationV1 resource;
    private final OutputManagerGlobal manager;
    private final int serial;
    private final List<OutputHead> named = new ArrayList<>();
    private final List<OutputConfigurationHead> enabled = new ArrayList<>();
    private boolean disables, used;

    OutputConfiguration(ZwlrOutputConfigurationV1 resource, OutputManagerGlobal manager, int serial) {
        this.resource = resource;
        this.manager = manager;
        this.serial = serial;
        resource.setHandler(this);
    }

    private boolean usable(ZwlrOutputConfigurationV1 self, ZwlrOutputHeadV1 head) {
        if (used) {
            self.postError(ZwlrOutputConfigurationV1.Error.ALREADY_USED, "the configuration was already applied or tested");
            return false;
        }
        if (named.contains(OutputHead.of(head))) {
            self.postError(ZwlrOutputConfigurationV1.Error.ALREADY_CONFIGURED_HEAD, head + " is named twice in this configuration");
            return false;
        }
        named.add(OutputHead.of(head));
        return true;
    }

    @Override
    public void enableHead(ZwlrOutputConfigurationV1 self, ZwlrOutputConfigurationHeadV1 id, ZwlrOutputHeadV1 head) {
        if (!usable(self, head)) return;
        enabled.add(new OutputConfigurationHead(id, OutputHead.of(head)));
    }

    @Override
    public void disableHead(ZwlrOutputConfigurationV1 self, ZwlrOutputHeadV1 head) {
        if (usable(self, head)) disables = true;
    }

    @Override
    public void apply(ZwlrOutputConfigurationV1 self) {
        finish(self, true);
    }

    @Override
    public void test(ZwlrOutputConfigurationV1 self) {
        finish(self, false);
    }

    private void finish(ZwlrOutputConfigurationV1 self, boolean apply) {
        if (used) {
            self.postError(ZwlrOutputConfigurationV1.Error.ALREADY_USED, "the configuration was already applied or tested");
            return;
        }
        used = true;
        Outputs outputs = manager.context().outputs();
        for (Output o : outputs.all()) {
            if (named.stream().noneMatch(h -> h.output() == o)) {
                self.postError(ZwlrOutputConfigurationV1.Error.UNCONFIGURED_HEAD, "output " + o.name() + " is not in the configuration");
                return;
            }
        }
        if (serial != manager.serial()) {
            self.sendCancelled();
            return;
        }
        String refused = disables ? "an output cannot be turned off" : null;
        for (int i = 0; refused == null && i < enabled.size(); i++) refused = enabled.get(i).refusal(outputs);
        if (refused == null && apply) refused = applyAll(outputs);
        if (refused != null) {
            LOG.info("output configuration {}: {}", apply ? "not applied" : "test failed", refused);
            self.sendFailed();
        } else {
            self.sendSucceeded();
        }
    }

    /** Applies every head's settings; if one is refused, undoes those before it and says why. */
    private String applyAll(Outputs outputs) {
        List<Runnable> undo = new ArrayList<>();
        try {
            for (OutputConfigurationHead h : enabled) h.apply(outputs, undo);
            return null;
        } catch (IllegalArgumentException e) {
            for (Runnable u : undo.reversed()) u.run();
            return e.getMessage();
        }
    }

    @Override
    public void destroy(ZwlrOutputConfigurationV1 self) {
        for (OutputConfigurationHead h : enabled) h.configurationDestroyed();
    }
}
