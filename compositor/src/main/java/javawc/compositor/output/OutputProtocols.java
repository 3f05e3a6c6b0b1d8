package javawc.compositor.output;

import javawc.compositor.ProtocolContext;

/** wl_output for each of the backend's outputs, and zxdg_output_manager_v1 for their logical layout. */
public final class OutputProtocols {
    private OutputProtocols() {}

    public static AutoCloseable install(ProtocolContext c) {
        Outputs outputs = c.outputs();
        outputs.useXdgOutputs(new XdgOutputManager(c.globals()));
        for (Output output : c.backend().outputs()) outputs.add(new OutputGlobal(c.globals(), output));
        return null;
    }
}
