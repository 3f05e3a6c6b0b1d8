package javawc.compositor.backend;

import javawc.compositor.output.Output;

import java.util.List;

/** A backend with one virtual output and no display hardware: works anywhere, for tests and CI. */
public final class HeadlessBackend implements Backend {
    private final List<Output> outputs;

    public HeadlessBackend(Output.Mode mode) {
        outputs = List.of(new Output("HEADLESS-1", "javawc", "headless", 0, 0, mode, 0, 0));
    }

    @Override
    public String name() {
        return "headless";
    }

    @Override
    public List<Output> outputs() {
        return outputs;
    }

    @Override
    public void close() {
        // no resources beyond memory
    }
}
