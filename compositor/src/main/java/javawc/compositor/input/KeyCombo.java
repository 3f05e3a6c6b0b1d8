package javawc.compositor.input;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A key with the modifiers that must be down for a binding: Super+Shift+Q. The key is an XKB
 * keysym, kept in lower case so that Super+Shift+Q and Super+Shift+q are the same combo (with
 * Shift held the key produces "Q"; bindings compare case-blind, as sway's do).
 * Only Shift, Ctrl, Alt (Mod1) and Super (Mod4) count; Caps Lock and Num Lock do not.
 */
public record KeyCombo(int modifiers, int keysym) {
    public static final int SHIFT = 1, CTRL = 1 << 1, ALT = 1 << 2, SUPER = 1 << 3;
    /** The order toString names the modifiers in, as sway's and most desktops' documentation writes them. */
    private static final int[] DISPLAY_ORDER = {CTRL, ALT, SUPER, SHIFT};
    private static final String[] DISPLAY_NAMES = {"Ctrl", "Alt", "Super", "Shift"};

    /** Why a text is not a key combo. */
    public static final class ParseException extends Exception {
        ParseException(String message) {
            super(message);
        }
    }

    public KeyCombo {
        keysym = XkbCommon.xkb_keysym_to_lower(keysym);
    }

    /**
     * Parses "Mod+Mod+Key": modifiers Shift, Ctrl (Control), Alt (Mod1), Super (Mod4, Logo),
     * any case; the key an XKB keysym name ("Return", "q", "F4", "BackSpace"), exact or else
     * case-blind. The form a configuration file uses.
     */
    public static KeyCombo parse(String text) throws ParseException {
        if (text == null || text.isBlank()) throw new ParseException("empty key combo");
        String[] parts = text.strip().split("\\+", -1);
        int modifiers = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            int m = modifier(parts[i].strip());
            if (m == 0) throw new ParseException("unknown modifier '" + parts[i].strip() + "' in '" + text + "' (modifiers: Shift, Ctrl, Alt, Super)");
            if ((modifiers & m) != 0) throw new ParseException("modifier '" + parts[i].strip() + "' twice in '" + text + "'");
            modifiers |= m;
        }
        String key = parts[parts.length - 1].strip();
        if (key.isEmpty()) throw new ParseException("no key after the modifiers in '" + text + "'");
        int keysym = XkbCommon.xkb_keysym_from_name(key, 0);
        if (keysym == XkbCommon.KEY_NO_SYMBOL) keysym = XkbCommon.xkb_keysym_from_name(key, XkbCommon.KEYSYM_CASE_INSENSITIVE);
        if (keysym == XkbCommon.KEY_NO_SYMBOL) throw new ParseException("unknown key '" + key + "' in '" + text + "' (not an XKB keysym name)");
        return new KeyCombo(modifiers, keysym);
    }

    /** The modifier bit a name stands for (Shift, Ctrl/Control, Alt/Mod1, Super/Mod4/Logo, any case); 0 if none. */
    public static int modifier(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "shift" -> SHIFT;
            case "ctrl", "control" -> CTRL;
            case "alt", "mod1" -> ALT;
            case "super", "mod4", "logo" -> SUPER;
            default -> 0;
        };
    }

    /** The keysym's XKB name ("Return"), or its hex value if it has none. */
    static String keysymName(int keysym) {
        byte[] buffer = new byte[64];
        int n = XkbCommon.xkb_keysym_get_name(keysym, buffer, buffer.length);
        return n > 0 ? new String(buffer, 0, Math.min(n, buffer.length - 1), StandardCharsets.UTF_8) : String.format("0x%x", keysym);
    }

    /** The text form parse reads: "Super+Shift+q". */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < DISPLAY_ORDER.length; i++) if ((modifiers & DISPLAY_ORDER[i]) != 0) parts.add(DISPLAY_NAMES[i]);
        parts.add(keysymName(keysym));
        return String.join("+", parts);
    }
}
