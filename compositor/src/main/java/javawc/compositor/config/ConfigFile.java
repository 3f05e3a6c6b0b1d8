package javawc.compositor.config;

import javawc.compositor.input.KeyCombo;
import javawc.compositor.output.ModeText;
import javawc.compositor.output.OutputTransform;
import javawc.compositor.security.Privilege;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the configuration file (TOML; docs/configuration.md is its reference). Everything is
 * checked before anything is used: a key we do not know, a value of the wrong type or out of
 * range, a bad mode, two bindings of one key combination, all end the load with the file, the
 * line and what is wrong, so the compositor never starts half-configured.
 */
public final class ConfigFile {
    /** The actions a binding may name; spawn takes the command after it, the others nothing. */
    public static final Set<String> ACTIONS = Set.of("terminal", "close", "cycle-focus", "maximize", "fullscreen", "minimize",
            "move-to-next-output", "quit", "spawn", "none");
    private static final int MAX_CURSOR_SIZE = 256;

    private final Path file;

    private ConfigFile(Path file) {
        this.file = file;
    }

    /**
     * Where the configuration is looked for without --config: $XDG_CONFIG_HOME/javawc/config,
     * else ~/.config/javawc/config; null when neither variable says where home is.
     */
    public static Path defaultPath(Map<String, String> env) {
        String configHome = env.get("XDG_CONFIG_HOME");
        if (configHome != null && !configHome.isEmpty()) return Path.of(configHome, "javawc", "config");
        String home = env.get("HOME");
        return home == null || home.isEmpty() ? null : Path.of(home, ".config", "javawc", "config");
    }

    /**
     * The configuration: from {@code explicit} (--config; it must exist), else from the default
     * path if a file is there, else none.
     */
    public static Config load(Path explicit, Map<String, String> env) throws ConfigException {
        if (explicit != null) return read(explicit);
        Path path = defaultPath(env);
        if (path == null || !Files.exists(path)) return Config.none();
        return read(path);
    }

    public static Config read(Path file) throws ConfigException {
        TomlParseResult toml;
        try {
            toml = Toml.parse(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, 0, "no such file");
        } catch (IOException e) {
            throw new ConfigException(file, 0, "cannot be read: " + e.getMessage());
        }
        if (toml.hasErrors()) {
            TomlParseError first = toml.errors().getFirst();
            throw new ConfigException(file, first.position().line(), "not valid TOML: " + first.getMessage());
        }
        return new ConfigFile(file).config(toml);
    }

    /** The same checks on text (for tests and messages); {@code name} stands for the file. */
    public static Config parse(String text, Path name) throws ConfigException {
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            TomlParseError first = toml.errors().getFirst();
            throw new ConfigException(name, first.position().line(), "not valid TOML: " + first.getMessage());
        }
        return new ConfigFile(name).config(toml);
    }

    private Config config(TomlTable top) throws ConfigException {
        onlyKeys(top, "", Set.of("kiosk", "terminal", "autostart", "keyboard", "cursor", "output", "bindings", "privileges"));
        TomlTable keyboard = table(top, "keyboard");
        onlyKeys(keyboard, "keyboard.", Set.of("rules", "model", "layout", "variant", "options"));
        TomlTable cursor = table(top, "cursor");
        onlyKeys(cursor, "cursor.", Set.of("theme", "size"));
        Long cursorSize = integer(cursor, "cursor.", "size");
        if (cursorSize != null && (cursorSize < 1 || cursorSize > MAX_CURSOR_SIZE)) {
            throw error(cursor, "size", "cursor.size must be from 1 to " + MAX_CURSOR_SIZE + ", not " + cursorSize);
        }
        List<String> terminal = top.contains(List.of("terminal")) ? command(top, "terminal") : null;
        return new Config(file,
                new Config.Keyboard(string(keyboard, "keyboard.", "rules"), string(keyboard, "keyboard.", "model"),
                        string(keyboard, "keyboard.", "layout"), string(keyboard, "keyboard.", "variant"), string(keyboard, "keyboard.", "options")),
                new Config.Cursor(string(cursor, "cursor.", "theme"), cursorSize == null ? null : cursorSize.intValue()),
                bool(top, "", "kiosk"), terminal, autostart(top), outputs(top), bindings(top), privileges(top));
    }

    // ---- sections ----

    private List<List<String>> autostart(TomlTable top) throws ConfigException {
        if (!top.contains(List.of("autostart"))) return List.of();
        TomlArray list = array(top, "autostart");
        List<List<String>> commands = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            commands.add(commandAt(list, i, "autostart"));
        }
        return List.copyOf(commands);
    }

    private List<Config.OutputSettings> outputs(TomlTable top) throws ConfigException {
        if (!top.contains(List.of("output"))) return List.of();
        Object value = top.get(List.of("output"));
        if (!(value instanceof TomlArray list) || !allTables(list)) {
            throw error(top, "output", "output must be a list of tables: write each as [[output]]");
        }
        List<Config.OutputSettings> outputs = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            TomlTable t = list.getTable(i);
            int line = list.inputPositionOf(i).line();
            onlyKeys(t, "output.", Set.of("name", "mode", "position", "scale", "transform"));
            String name = string(t, "output.", "name");
            if (name == null || name.isEmpty()) throw new ConfigException(file, line, "[[output]] needs a name (the connector's, e.g. \"HDMI-A-1\")");
            Integer before = seen.put(name, line);
            if (before != null) throw new ConfigException(file, line, "output \"" + name + "\" is already configured on line " + before);
            Config.Mode mode = mode(t);
            Integer x = null, y = null;
            if (t.contains(List.of("position"))) {
                TomlArray p = array(t, "position");
                if (p.size() != 2 || !(p.get(0) instanceof Long px) || !(p.get(1) instanceof Long py)) {
                    throw error(t, "position", "output.position must be two whole numbers [x, y]");
                }
                if (Math.abs(px) > 65535 || Math.abs(py) > 65535) throw error(t, "position", "output.position is out of range (±65535)");
                x = px.intValue();
                y = py.intValue();
            }
            Double scale = number(t, "output.", "scale");
            if (scale != null && !(scale >= 0.25 && scale <= 8)) throw error(t, "scale", "output.scale must be from 0.25 to 8, not " + scale);
            String transform = string(t, "output.", "transform");
            if (transform != null && !OutputTransform.names().contains(transform)) {
                throw error(t, "transform", "output.transform must be one of " + String.join(", ", OutputTransform.names()) + ", not \"" + transform + "\"");
            }
            outputs.add(new Config.OutputSettings(name, line, mode, x, y, scale, transform));
        }
        return List.copyOf(outputs);
    }

    private static boolean allTables(TomlArray list) {
        for (int i = 0; i < list.size(); i++) if (!(list.get(i) instanceof TomlTable)) return false;
        return true;
    }

    private Config.Mode mode(TomlTable t) throws ConfigException {
        String text = string(t, "output.", "mode");
        if (text == null) return null;
        try {
            ModeText mode = ModeText.parse(text);
            return new Config.Mode(mode.width(), mode.height(), mode.refreshMilliHz());
        } catch (IllegalArgumentException e) {
            throw error(t, "mode", "output.mode " + e.getMessage());
        }
    }

    /** [privileges]: for each privileged power, "all", "children" or "none"; unset ones keep their default. */
    private Map<Privilege, Privilege.Access> privileges(TomlTable top) throws ConfigException {
        TomlTable t = table(top, "privileges");
        Map<String, Privilege> byKey = new HashMap<>();
        for (Privilege p : Privilege.values()) byKey.put(p.key(), p);
        onlyKeys(t, "privileges.", byKey.keySet());
        Map<Privilege, Privilege.Access> result = new java.util.EnumMap<>(Privilege.class);
        for (Map.Entry<String, Privilege> e : byKey.entrySet()) {
            String value = string(t, "privileges.", e.getKey());
            if (value == null) continue;
            Privilege.Access access = null;
            for (Privilege.Access a : Privilege.Access.values()) if (a.key().equals(value)) access = a;
            if (access == null) throw error(t, e.getKey(), "privileges." + e.getKey() + " must be \"all\", \"children\" or \"none\", not \"" + value + "\"");
            result.put(e.getValue(), access);
        }
        return Map.copyOf(result);
    }

    private List<Config.Binding> bindings(TomlTable top) throws ConfigException {
        TomlTable table = table(top, "bindings");
        List<Config.Binding> bindings = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String combo : table.keySet()) {
            List<String> key = List.of(combo);
            int line = table.inputPositionOf(key).line();
            String normal = normalCombo(combo, line);
            Integer before = seen.put(normal, line);
            if (before != null) throw new ConfigException(file, line, "binding \"" + combo + "\" repeats the key combination bound on line " + before);
            Object value = table.get(key);
            List<String> words = new ArrayList<>();
            if (value instanceof String s) {
                words.add(s);
            } else if (value instanceof TomlArray a && a.size() > 0) {
                for (int i = 0; i < a.size(); i++) {
                    if (!(a.get(i) instanceof String s)) throw new ConfigException(file, line, "binding \"" + combo + "\": an action and its arguments are strings");
                    words.add(s);
                }
            } else {
                throw new ConfigException(file, line, "binding \"" + combo + "\" needs an action (a string, or [\"spawn\", COMMAND...])");
            }
            String action = words.getFirst();
            if (!ACTIONS.contains(action)) {
                throw new ConfigException(file, line, "binding \"" + combo + "\": unknown action \"" + action + "\" (one of " + String.join(", ", sorted(ACTIONS)) + ")");
            }
            List<String> arguments = List.copyOf(words.subList(1, words.size()));
            if (action.equals("spawn") && arguments.isEmpty()) throw new ConfigException(file, line, "binding \"" + combo + "\": spawn needs a command: [\"spawn\", \"foot\"]");
            if (!action.equals("spawn") && !arguments.isEmpty()) throw new ConfigException(file, line, "binding \"" + combo + "\": " + action + " takes no arguments");
            bindings.add(new Config.Binding(combo, action, arguments, line));
        }
        return List.copyOf(bindings);
    }

    /**
     * "Super+Shift+q" and "shift+super+Q" are one combination: the modifiers as KeyCombo's
     * bits (its names, one table), the key lowercased. Whether the key is a key at all is
     * xkbcommon's to say, when bindings are made; this only checks the shape.
     */
    private String normalCombo(String combo, int line) throws ConfigException {
        String[] parts = combo.split("\\+", -1);
        String keyName = parts[parts.length - 1].strip();
        if (keyName.isEmpty()) throw new ConfigException(file, line, "binding \"" + combo + "\" names no key after its modifiers");
        int modifiers = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            int bit = KeyCombo.modifier(parts[i].strip());
            if (bit == 0) throw new ConfigException(file, line, "binding \"" + combo + "\": unknown modifier \"" + parts[i].strip() + "\" (Super, Alt, Ctrl, Shift)");
            modifiers |= bit;
        }
        return modifiers + "+" + keyName.toLowerCase(Locale.ROOT);
    }

    // ---- typed values, each error with its line ----

    private void onlyKeys(TomlTable t, String prefix, Set<String> known) throws ConfigException {
        for (String k : t.keySet()) {
            if (!known.contains(k)) {
                throw error(t, k, "unknown key \"" + prefix + k + "\" (known here: " + String.join(", ", sorted(known)) + ")");
            }
        }
    }

    private TomlTable table(TomlTable t, String key) throws ConfigException {
        if (!t.contains(List.of(key))) return org.tomlj.Toml.parse("");
        if (!(t.get(List.of(key)) instanceof TomlTable table)) throw error(t, key, key + " must be a table: [" + key + "]");
        return table;
    }

    private TomlArray array(TomlTable t, String key) throws ConfigException {
        if (!(t.get(List.of(key)) instanceof TomlArray a)) throw error(t, key, key + " must be a list [...]");
        return a;
    }

    private String string(TomlTable t, String prefix, String key) throws ConfigException {
        Object v = t.get(List.of(key));
        if (v == null || v instanceof String) return (String) v;
        throw error(t, key, prefix + key + " must be a string, not " + typeName(v));
    }

    private Long integer(TomlTable t, String prefix, String key) throws ConfigException {
        Object v = t.get(List.of(key));
        if (v == null || v instanceof Long) return (Long) v;
        throw error(t, key, prefix + key + " must be a whole number, not " + typeName(v));
    }

    private Double number(TomlTable t, String prefix, String key) throws ConfigException {
        Object v = t.get(List.of(key));
        if (v == null) return null;
        if (v instanceof Long l) return l.doubleValue();
        if (v instanceof Double d) return d;
        throw error(t, key, prefix + key + " must be a number, not " + typeName(v));
    }

    private Boolean bool(TomlTable t, String prefix, String key) throws ConfigException {
        Object v = t.get(List.of(key));
        if (v == null || v instanceof Boolean) return (Boolean) v;
        throw error(t, key, prefix + key + " must be true or false, not " + typeName(v));
    }

    /** A command: a non-empty list of strings (the program, then its arguments). */
    private List<String> command(TomlTable t, String key) throws ConfigException {
        Object v = t.get(List.of(key));
        List<String> argv = argv(v);
        if (argv == null) throw error(t, key, key + " must be a command: a list of strings such as [\"foot\", \"--server\"]");
        return argv;
    }

    private List<String> commandAt(TomlArray list, int i, String what) throws ConfigException {
        List<String> argv = argv(list.get(i));
        if (argv == null) throw new ConfigException(file, list.inputPositionOf(i).line(), what + " entries are commands: lists of strings such as [\"swaybg\", \"-c\", \"#204060\"]");
        return argv;
    }

    private static List<String> argv(Object v) {
        if (!(v instanceof TomlArray a) || a.isEmpty()) return null;
        List<String> argv = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!(a.get(i) instanceof String s) || s.isEmpty() && i == 0) return null;
            argv.add(s);
        }
        return List.copyOf(argv);
    }

    private ConfigException error(TomlTable t, String key, String message) {
        TomlPosition p = t.inputPositionOf(List.of(key));
        return new ConfigException(file, p == null ? 0 : p.line(), message);
    }

    private static String typeName(Object v) {
        return switch (v) {
            case String s -> "a string";
            case Long l -> "a whole number";
            case Double d -> "a number";
            case Boolean b -> "true/false";
            case TomlArray a -> "a list";
            case TomlTable t -> "a table";
            default -> "a " + v.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        };
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
