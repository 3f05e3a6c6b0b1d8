package javawc.compositor.launch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Variables the compositor's own services add to the environment of the programs it starts
 * and print beside WAYLAND_DISPLAY (Xwayland's DISPLAY). Set while the compositor starts up,
 * read when the first program is started.
 */
public final class SessionEnvironment {
    private final Map<String, String> variables = new LinkedHashMap<>();

    public void put(String name, String value) {
        variables.put(name, value);
    }

    /** What was set, in the order it was. */
    public Map<String, String> variables() {
        return Map.copyOf(variables);
    }

    /** "NAME=value" lines in the order set. */
    public java.util.List<String> lines() {
        return variables.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }
}
