package javawc.compositor.input;

/**
 * The compositor's own key bindings, matched on a key press before any client sees it:
 * Ctrl+Alt+Backspace quits (as SIGTERM does), Ctrl+Alt+F1..F12 switch virtual terminals.
 * Matching is by keysym, as the keymap produces it with the modifiers held: the default XKB
 * keymap turns Ctrl+Alt+Fn into XF86Switch_VT_n (and, with the option
 * terminate:ctrl_alt_bksp, Ctrl+Alt+Backspace into Terminate_Server); plain F-keys and
 * BackSpace with Control and Alt both active also match, for keymaps without those levels.
 */
public final class KeyBindings {
    /** What a binding does. */
    public sealed interface Action {}

    /** Shut the compositor down cleanly. */
    public record Quit() implements Action {}

    /** Switch to virtual terminal {@code number} (1 to 12). */
    public record SwitchVt(int number) implements Action {}

    static final int KEY_BACKSPACE = 0xff08, KEY_TERMINATE_SERVER = 0xfed5, KEY_F1 = 0xffbe, KEY_F12 = 0xffc9,
            KEY_SWITCH_VT_1 = 0x1008fe01, KEY_SWITCH_VT_12 = 0x1008fe0c;

    private KeyBindings() {}

    /** The action bound to a press of a key producing {@code keysym} with those modifiers active, or null. */
    public static Action match(int keysym, boolean control, boolean alt) {
        if (keysym >= KEY_SWITCH_VT_1 && keysym <= KEY_SWITCH_VT_12) return new SwitchVt(keysym - KEY_SWITCH_VT_1 + 1);
        if (keysym == KEY_TERMINATE_SERVER) return new Quit();
        if (!control || !alt) return null;
        if (keysym >= KEY_F1 && keysym <= KEY_F12) return new SwitchVt(keysym - KEY_F1 + 1);
        if (keysym == KEY_BACKSPACE) return new Quit();
        return null;
    }
}
