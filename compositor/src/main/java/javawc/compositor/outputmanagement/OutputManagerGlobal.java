package javawc.compositor.outputmanagement;

import javawc.compositor.ProtocolContext;
import javawc.compositor.output.Output;
import javawc.compositor.output.Outputs;
import javawc.compositor.security.Privilege;
import javawc.server.Global;
import javawc.server.protocol.ZwlrOutputConfigurationV1;
import javawc.server.protocol.ZwlrOutputHeadV1;
import javawc.server.protocol.ZwlrOutputManagerV1;

import java.util.ArrayList;
import java.util.List;

/**
 * zwlr_output_manager_v1 (v4, from our facts-only XML): each bound manager gets a head per
 * output with its modes and current settings, then done with the configuration serial; after
 * any change of the outputs (by a configuration, scripts/ctl or a reload, or a monitor
 * unplugged or back: its head finished or new) the heads are told again and a new serial goes out, so a configuration made for an older one is cancelled.
 * Changes are applied through {@link Outputs}' live setters. Privileged
 * ({@link Privilege#OUTPUT_MANAGEMENT}).
 */
public final class OutputManagerGlobal implements ZwlrOutputManagerV1.Handler {
    public static final int VERSION = 4;

    private final ProtocolContext context;
    private final Global global;
    private final List<ZwlrOutputManagerV1> managers = new ArrayList<>();
    private final List<OutputHead> heads = new ArrayList<>();
    private int serial = 1;

    OutputManagerGlobal(ProtocolContext context) {
        this.context = context;
        this.global = context.globals().add(ZwlrOutputManagerV1.SPEC, VERSION, ZwlrOutputManagerV1::new, this::bound);
        context.privileges().restrict(global, Privilege.OUTPUT_MANAGEMENT);
        context.outputs().addListener(this::outputsChanged);
    }

    public Global global() {
        return global;
    }

    private void bound(ZwlrOutputManagerV1 manager) {
        manager.setHandler(this);
        managers.add(manager);
        manager.onDestroy(() -> {
            managers.remove(manager);
            heads.removeIf(h -> h.manager() == manager);
        });
        for (Output o : context.outputs().all()) addHead(manager, o);
        manager.sendDone(serial);
    }

    private void addHead(ZwlrOutputManagerV1 manager, Output o) {
        ZwlrOutputHeadV1 resource = new ZwlrOutputHeadV1(manager.client(), manager.version());
        OutputHead head = new OutputHead(resource, manager, o, context.outputs());
        heads.add(head);
        manager.sendHead(resource);
        head.sendAll();
    }

    /**
     * Something about the outputs changed: the heads of outputs that went away are finished,
     * outputs back get new heads, the others say what changed; a new serial closes it.
     */
    private void outputsChanged() {
        serial++;
        List<Output> now = context.outputs().all();
        for (OutputHead h : List.copyOf(heads)) {
            if (now.contains(h.output())) continue;
            heads.remove(h);
            h.finish();
        }
        for (ZwlrOutputManagerV1 manager : managers) {
            for (Output o : now) {
                if (heads.stream().noneMatch(h -> h.manager() == manager && h.output() == o)) addHead(manager, o);
            }
        }
        for (int i = 0; i < heads.size(); i++) heads.get(i).update();
        for (int i = 0; i < managers.size(); i++) managers.get(i).sendDone(serial);
    }

    int serial() {
        return serial;
    }

    ProtocolContext context() {
        return context;
    }

    @Override
    public void createConfiguration(ZwlrOutputManagerV1 self, ZwlrOutputConfigurationV1 id, int configurationSerial) {
        new OutputConfiguration(id, this, configurationSerial);
    }

    @Override
    public void stop(ZwlrOutputManagerV1 self) {
        managers.remove(self);
        heads.removeIf(h -> h.manager() == self);
        self.sendFinished(); // a destructor event: the object is gone with it
    }
}
