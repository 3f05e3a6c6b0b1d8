package javawc.compositor.input;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The compositor's own key bindings, matched on a key press before any client sees it: a table
 * of {@link KeyCombo} to {@link Action} (the defaults below; a configuration file will replace
 * it), plus virtual terminal switching, which is built in. A combo matches when exactly its
 * modifiers are active and the key produces its keysym either as it is typed (with the
 * modifiers applied) or at the key's first level (Super+Shift+Q: the key gives "Q", its
 * first level is "q"; Shift+Tab gives ISO_Left_Tab, its first level Tab).
 * <p>
 * Built in: XF86Switch_VT_n (what the default keymap makes of Ctrl+Alt+Fn), or an F-key with
 * Control and Alt active, switches to VT n; Terminate_Server (Ctrl+Alt+Backspace with the XKB
 * option terminate:ctrl_alt_bksp) quits.
 */
public final class KeyBindings {
    /** What a binding does. */
    public sealed interface Action {}

    /** Shut the compositor down cleanly. */
    public record Quit() implements Action {}

    /** Switch to virtual terminal {@code number} (1 to 12). */
    public record SwitchVt(int number) implements Action {}

    /** Start a terminal emulator ($TERMINAL, foot or weston-terminal). */
    public record LaunchTerminal() implements Action {}

    /** Ask the focused window to close (xdg_toplevel.close). */
    public record CloseWindow() implements Action {}

    /** Focus and raise the next window, most recently focused first (Alt+Tab). */
    public record CycleFocus() implements Action {}

    public record ToggleMaximized() implements Action {}

    public record ToggleFullscreen() implements Action {}

    /** Hide the focused window until it is cycled to or focused. */
    public record Minimize() implements Action {}

    /** Move the focused window to the next output (nothing with one output). */
    public record MoveToNextOutput() implements Action {}

    /** Starts a program (the configuration's ["spawn", COMMAND...]). */
    public record Spawn(java.util.List<String> argv) implements Action {}

    static final int KEY_TERMINATE_SERVER = 0xfed5, KEY_F1 = 0xffbe, KEY_F12 = 0xffc9,
            KEY_SWITCH_VT_1 = 0x1008fe01, KEY_SWITCH_VT_12 = 0x1008fe0c;

    /** The default bindings in their text form; the README's table lists the same. */
    private static final Map<String, Action> DEFAULTS = defaultsText();

    private final Map<KeyCombo, Action> table;

    public KeyBindings(Map<KeyCombo, Action> table) {
        this.table = Collections.unmodifiableMap(new LinkedHashMap<>(table));
    }

    private static Map<String, Action> defaultsText() {
        Map<String, Action> d = new LinkedHashMap<>();
        d.put("Super+Return", new LaunchTerminal());
        d.put("Super+Shift+Q", new CloseWindow());
        d.put("Alt+F4", new CloseWindow());
        d.put("Alt+Tab", new CycleFocus());
        d.put("Super+Tab", new CycleFocus());
        d.put("Super+M", new ToggleMaximized());
        d.put("Super+F", new ToggleFullscreen());
        d.put("Super+H", new Minimize());
        d.put("Super+Shift+Right", new MoveToNextOutput());
        d.put("Super+Shift+E", new Quit());
        d.put("Ctrl+Alt+BackSpace", new Quit());
        return d;
    }

    /** The default table (needs libxkbcommon to name the keys). */
    public static KeyBindings defaults() {
        Map<KeyCombo, Action> table = new LinkedHashMap<>();
        for (var e : DEFAULTS.entrySet()) {
            try {
                table.put(KeyCombo.parse(e.getKey()), e.getValue());
            } catch (KeyCombo.ParseException x) {
                throw new IllegalStateException("a default binding does not parse: " + x.getMessage(), x);
            }
        }
        return new KeyBindings(table);
    }

    /**
     * The defaults with the configuration's bindings over them, in file order: a binding
     * replaces the default of its key combination, "none" takes it away. A combination
     * xkbcommon cannot name is the file's error, on its line.
     */
    public static KeyBindings configured(java.util.List<javawc.compositor.config.Config.Binding> bindings, java.nio.file.Path file)
            throws javawc.compositor.config.ConfigException {
        Map<KeyCombo, Action> table = new LinkedHashMap<>(defaults().table());
        for (var b : bindings) {
            KeyCombo combo;
            try {
                combo = KeyCombo.parse(b.combo());
            } catch (KeyCombo.ParseException e) {
                throw new javawc.compositor.config.ConfigException(file, b.line(), "binding \"" + b.combo() + "\": " + e.getMessage());
            }
            Action action = switch (b.action()) {
                case "terminal" -> new LaunchTerminal();
                case "close" -> new CloseWindow();
                case "cycle-focus" -> new CycleFocus();
                case "maximize" -> new ToggleMaximized();
                case "fullscreen" -> new ToggleFullscreen();
                case "minimize" -> new Minimize();
                case "move-to-next-output" -> new MoveToNextOutput();
                case "quit" -> new Quit();
                case "spawn" -> new Spawn(b.arguments());
                case "none" -> null;
                default -> throw new javawc.compositor.config.ConfigException(file, b.line(), "unknown action \"" + b.action() + "\"");
            };
            if (action == null) table.remove(combo);
            else table.put(combo, action);
        }
        return new KeyBindings(table);
    }

    public Map<KeyCombo, Action> table() {
        return table;
    }

    /**
     * The action for a press of a key producing {@code keysym} as typed and {@code baseKeysym} at
     * its first level, with {@code modifiers} ({@link KeyCombo} bits) active; null if none.
     */
    public Action match(int keysym, int baseKeysym, int modifiers) {
        if (keysym >= KEY_SWITCH_VT_1 && keysym <= KEY_SWITCH_VT_12) return new SwitchVt(keysym - KEY_SWITCH_VT_1 + 1);
        if (keysym == KEY_TERMINATE_SERVER) return new Quit();
        boolean controlAlt = (modifiers & (KeyCombo.CTRL | KeyCombo.ALT)) == (KeyCombo.CTRL | KeyCombo.ALT);
        if (controlAlt && keysym >= KEY_F1 && keysym <= KEY_F12) return new SwitchVt(keysym - KEY_F1 + 1);
        Action a = table.get(new KeyCombo(modifiers, keysym));
        return a != null ? a : table.get(new KeyCombo(modifiers, baseKeysym));
    }
}
