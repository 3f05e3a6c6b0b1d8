package javawc.compositor.gammacontrol;

import javawc.compositor.backend.GammaTables;
import javawc.compositor.output.Output;
import javawc.compositor.output.OutputGlobal;
import javawc.compositor.security.Privilege;
import javawc.compositor.security.Privileges;
import javawc.server.Global;
import javawc.server.GlobalRegistry;
import javawc.server.protocol.WlOutput;
import javawc.server.protocol.ZwlrGammaControlManagerV1;
import javawc.server.protocol.ZwlrGammaControlV1;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * zwlr_gamma_control_manager_v1 (v1, from our facts-only XML): one control per output at a
 * time; a second one for the same output fails at once. A control's table is put back when it
 * is destroyed, fails, or its client goes, and when the compositor closes. Privileged
 * ({@link Privilege#GAMMA}).
 */
final class GammaControlManagerGlobal implements ZwlrGammaControlManagerV1.Handler, AutoCloseable {
    private final GammaTables tables;
    private final Global global;
    private final Map<Output, GammaControl> active = new IdentityHashMap<>();

    GammaControlManagerGlobal(GlobalRegistry registry, Privileges privileges, GammaTables tables) {
        this.tables = tables;
        this.global = registry.add(ZwlrGammaControlManagerV1.SPEC, 1, ZwlrGammaControlManagerV1::new, r -> r.setHandler(this));
        privileges.restrict(global, Privilege.GAMMA);
    }

    @Override
    public void getGammaControl(ZwlrGammaControlManagerV1 self, ZwlrGammaControlV1 id, WlOutput outputResource) {
        Output output = OutputGlobal.of(outputResource);
        GammaControl control = new GammaControl(id, output, tables, this);
        int size = tables.size(output);
        if (size == 0 || active.containsKey(output)) {
            control.fail(size == 0 ? "it has no gamma table" : "another client controls its gamma");
            return;
        }
        active.put(output, control);
        id.sendGammaSize(size);
    }

    /** {@code control} no longer holds its output (destroyed or failed). */
    void released(GammaControl control) {
        active.remove(control.output(), control);
    }

    @Override
    public void destroy(ZwlrGammaControlManagerV1 self) {
        // destructor; controls made through it live on
    }

    @Override
    public void close() {
        for (GammaControl c : java.util.List.copyOf(active.values())) c.restore();
    }
}
