package javawc.compositor.output;

import javawc.compositor.ProtocolContext;
import javawc.compositor.backend.Backend;

/**
 * wl_output for each of the backend's outputs, withdrawn while its monitor is unplugged and
 * offered again when it is back; zxdg_output_manager_v1 for their logical layout.
 */
public final class OutputProtocols {
    private OutputProtocols() {}

    public static AutoCloseable install(ProtocolContext c) {
        Outputs outputs = c.outputs();
        outputs.useXdgOutputs(new XdgOutputManager(c.globals()));
        for (Output output : c.backend().outputs()) outputs.add(new OutputGlobal(c.globals(), output));
        c.backend().setOutputPresence(new Backend.OutputPresence() {
            @Override
            public void gone(Output output) {
                outputs.remove(output);
            }

            @Override
            public void back(Output output) {
                if (outputs.globalOf(output) == null) outputs.restore(new OutputGlobal(c.globals(), output));
            }
        });
        return null;
    }
}
