package javawc.compositor.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Variables a protocol area adds to the environment of each program the compositor starts,
 * made afresh for each start (xdg-activation's XDG_ACTIVATION_TOKEN: the new program's first
 * window may take the focus). Filled while the protocols are installed, read by
 * {@link ChildProcesses#spawn} on the event loop.
 */
public final class LaunchEnvironment {
    private record Variable(String name, Function<List<String>, String> value) {}

    private final List<Variable> variables = new ArrayList<>();
    private final List<String> announced = new ArrayList<>();

    /** Each start gets {@code name} set to {@code value} of its argv. */
    public void add(String name, Function<List<String>, String> value) {
        variables.add(new Variable(name, value));
    }

    /**
     * Every start gets {@code name} set to the same {@code value}, which the compositor also
     * prints at start-up beside WAYLAND_DISPLAY (Xwayland's DISPLAY, for programs started elsewhere).
     */
    public void announce(String name, String value) {
        add(name, argv -> value);
        announced.add(name + "=" + value);
    }

    /** "NAME=value" for each {@link #announce}d variable, in order. */
    public List<String> announced() {
        return List.copyOf(announced);
    }

    /** Adds "NAME=value" for each variable to {@code env}, replacing one of the same name. */
    void addTo(List<String> argv, List<String> env) {
        for (Variable v : variables) {
            String prefix = v.name() + "=";
            env.removeIf(e -> e.startsWith(prefix));
            env.add(prefix + v.value().apply(argv));
        }
    }
}
