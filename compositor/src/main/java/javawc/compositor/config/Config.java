package javawc.compositor.config;

import javawc.compositor.security.Privilege;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a configuration file asks for (docs/configuration.md). A null field was not set: the
 * environment or the built-in default decides. Lines are kept where a later check (a key name
 * only xkbcommon can judge, an output the backend does not have) must still point at the file.
 */
public record Config(Path source, Keyboard keyboard, Cursor cursor, Boolean kiosk, List<String> terminal,
                     List<List<String>> autostart, List<OutputSettings> outputs, List<Binding> bindings,
                     Map<Privilege, Privilege.Access> privileges) {

    /** No file: everything from the environment and the defaults. */
    public static Config none() {
        return new Config(null, new Keyboard(null, null, null, null, null), new Cursor(null, null), null, null, List.of(), List.of(), List.of(), Map.of());
    }

    /** XKB rule names; unset ones come from XKB_DEFAULT_* or xkbcommon's defaults. */
    public record Keyboard(String rules, String model, String layout, String variant, String options) {
        /** The environment a keymap is compiled from: this file's settings over {@code env}'s XKB_DEFAULT_*. */
        public Map<String, String> over(Map<String, String> env) {
            var merged = new java.util.HashMap<>(env);
            put(merged, "XKB_DEFAULT_RULES", rules);
            put(merged, "XKB_DEFAULT_MODEL", model);
            put(merged, "XKB_DEFAULT_LAYOUT", layout);
            put(merged, "XKB_DEFAULT_VARIANT", variant);
            put(merged, "XKB_DEFAULT_OPTIONS", options);
            return merged;
        }
    }

    /** The Xcursor theme and nominal size; unset ones come from XCURSOR_THEME and XCURSOR_SIZE. */
    public record Cursor(String theme, Integer size) {
        public Map<String, String> over(Map<String, String> env) {
            var merged = new java.util.HashMap<>(env);
            put(merged, "XCURSOR_THEME", theme);
            put(merged, "XCURSOR_SIZE", size == null ? null : size.toString());
            return merged;
        }
    }

    /** One [[output]] table: the output called {@code name}, and what to change about it. */
    public record OutputSettings(String name, int line, Mode mode, Integer x, Integer y, Double scale, String transform) {}

    /** A mode asked for: width and height in pixels, refresh in millihertz (0: the best one of that size). */
    public record Mode(int width, int height, int refreshMilliHz) {}

    /** One key binding: the combination as written ("Super+Shift+Q") and its action with arguments. */
    public record Binding(String combo, String action, List<String> arguments, int line) {}

    private static void put(Map<String, String> env, String name, String value) {
        if (value != null) env.put(name, value);
    }
}
