package javawc.compositor.ipc;

import javawc.compositor.output.Output;
import javawc.compositor.output.Outputs;

import java.util.List;

/**
 * What the IPC socket needs from the outputs (the compositor's {@link Outputs}; tests give
 * their own). A change that cannot be made throws IllegalArgumentException with the reason,
 * having changed nothing.
 */
public interface OutputControl {
    List<Output> all();

    /** The modes {@code output} can take, its current one among them (a headless output takes any size besides). */
    default List<Output.Mode> modes(Output output) {
        return List.of(output.mode());
    }

    void setMode(String name, Output.Mode mode);

    void setPosition(String name, int x, int y);

    void setScale(String name, double scale);

    void setTransform(String name, int transform);

    static OutputControl of(Outputs outputs) {
        return new OutputControl() {
            @Override
            public List<Output> all() {
                return outputs.all();
            }

            @Override
            public List<Output.Mode> modes(Output output) {
                return outputs.modes(output);
            }

            @Override
            public void setMode(String name, Output.Mode mode) {
                outputs.setMode(name, mode);
            }

            @Override
            public void setPosition(String name, int x, int y) {
                outputs.setPosition(name, x, y);
            }

            @Override
            public void setScale(String name, double scale) {
                outputs.setScale(name, scale);
            }

            @Override
            public void setTransform(String name, int transform) {
                outputs.setTransform(name, transform);
            }
        };
    }
}
