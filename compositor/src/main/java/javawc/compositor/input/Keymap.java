package javawc.compositor.input;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import javawc.os.Descriptors;
import javawc.os.OsException;
import javawc.os.OwnedFd;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * An XKB keymap compiled by libxkbcommon from RMLVO names; its text in a sealed read-only
 * memfd (what wl_keyboard.keymap hands every client, format xkb_v1, NUL included); and the
 * keyboard state that turns evdev key presses into the modifier masks clients are sent.
 */
public final class Keymap implements AutoCloseable {
    /** XKB rules, model, layout, variant and options (an empty variant or options means none). */
    public record Names(String rules, String model, String layout, String variant, String options) {
        /** From XKB_DEFAULT_RULES, _MODEL, _LAYOUT, _VARIANT and _OPTIONS; evdev, pc105, us otherwise. */
        public static Names fromEnvironment(Map<String, String> env) {
            return new Names(value(env, "XKB_DEFAULT_RULES", "evdev"), value(env, "XKB_DEFAULT_MODEL", "pc105"),
                    value(env, "XKB_DEFAULT_LAYOUT", "us"), value(env, "XKB_DEFAULT_VARIANT", ""), value(env, "XKB_DEFAULT_OPTIONS", ""));
        }

        private static String value(Map<String, String> env, String name, String otherwise) {
            String v = env.get(name);
            return v == null || v.isEmpty() ? otherwise : v;
        }

        @Override
        public String toString() {
            return "rules " + rules + ", model " + model + ", layout " + layout + ", variant '" + variant + "', options '" + options + "'";
        }
    }

    /** Why no keymap could be made: the library is missing or the names do not compile. */
    public static final class CompileException extends Exception {
        CompileException(String message) {
            super(message);
        }
    }

    private final long context, keymap, state;
    private final OwnedFd file;
    private final int size;
    private final int controlIndex, altIndex, shiftIndex, superIndex;
    private int depressed, latched, locked, group;

    private Keymap(long context, long keymap, long state, OwnedFd file, int size) {
        this.context = context;
        this.keymap = keymap;
        this.state = state;
        this.file = file;
        this.size = size;
        this.controlIndex = XkbCommon.xkb_keymap_mod_get_index(keymap, "Control");
        this.altIndex = XkbCommon.xkb_keymap_mod_get_index(keymap, "Mod1"); // XKB_MOD_NAME_ALT
        this.shiftIndex = XkbCommon.xkb_keymap_mod_get_index(keymap, "Shift");
        this.superIndex = XkbCommon.xkb_keymap_mod_get_index(keymap, "Mod4"); // XKB_MOD_NAME_LOGO
    }

    public static Keymap compile(Names names) throws CompileException {
        try {
            return build(names);
        } catch (LinkageError e) {
            throw new CompileException("libxkbcommon.so.0 cannot be loaded (" + e.getMessage() + ")");
        }
    }

    /**
     * A keymap a client supplied (a virtual keyboard's), as xkb_v1 text: compiled to check it,
     * then written out again by libxkbcommon into our own sealed memfd, so the clients it is
     * handed to never see the supplier's file (which it could still change).
     */
    public static Keymap fromText(byte[] text) throws CompileException {
        try {
            int length = text.length;
            while (length > 0 && text[length - 1] == 0) length--; // the NUL the protocol's size includes
            long context = XkbCommon.xkb_context_new(XkbCommon.CONTEXT_NO_ENVIRONMENT_NAMES);
            if (context == 0) throw new CompileException("xkb_context_new failed");
            long keymap = 0;
            try {
                keymap = XkbCommon.xkb_keymap_new_from_buffer(context, text, length, XkbCommon.KEYMAP_FORMAT_TEXT_V1, 0);
            } finally {
                if (keymap == 0) unref(context, 0, 0);
            }
            if (keymap == 0) throw new CompileException("libxkbcommon cannot compile the keymap");
            return withState(context, keymap, "javawc-virtual-keymap");
        } catch (LinkageError e) {
            throw new CompileException("libxkbcommon.so.0 cannot be loaded (" + e.getMessage() + ")");
        }
    }

    private static Keymap build(Names names) throws CompileException {
        long context = XkbCommon.xkb_context_new(XkbCommon.CONTEXT_NO_ENVIRONMENT_NAMES); // we read the environment ourselves
        if (context == 0) throw new CompileException("xkb_context_new failed");
        long keymap = 0;
        try {
            String[] fields = {names.rules(), names.model(), names.layout(), names.variant(), names.options()};
            Memory[] strings = new Memory[fields.length];
            Memory ruleNames = new Memory(8L * fields.length);
            for (int i = 0; i < fields.length; i++) {
                byte[] bytes = fields[i].getBytes(StandardCharsets.UTF_8);
                strings[i] = new Memory(bytes.length + 1);
                strings[i].write(0, Arrays.copyOf(bytes, bytes.length + 1), 0, bytes.length + 1);
                ruleNames.setPointer(8L * i, strings[i]);
            }
            keymap = XkbCommon.xkb_keymap_new_from_names(context, Pointer.nativeValue(ruleNames), 0);
        } finally {
            if (keymap == 0) unref(context, 0, 0);
        }
        if (keymap == 0) throw new CompileException("libxkbcommon cannot compile a keymap from " + names);
        return withState(context, keymap, "javawc-keymap");
    }

    /**
     * What both ways of building a keymap finish with once libxkbcommon compiled {@code keymap}:
     * its state, and its text written out by libxkbcommon into a sealed memfd named
     * {@code fileName}. On failure the context, keymap and state are all freed.
     */
    private static Keymap withState(long context, long keymap, String fileName) throws CompileException {
        long state = 0;
        try {
            state = XkbCommon.xkb_state_new(keymap);
            if (state == 0) throw new CompileException("xkb_state_new failed");
            byte[] text = keymapText(keymap);
            return new Keymap(context, keymap, state, Descriptors.sealedReadOnly(fileName, text), text.length);
        } catch (CompileException | RuntimeException e) {
            unref(context, keymap, state);
            throw e;
        } catch (OsException e) {
            unref(context, keymap, state);
            throw new CompileException("cannot put the keymap in a memfd: " + e.getMessage());
        }
    }

    /** The keymap as xkb_v1 text, with its terminating NUL (clients are sent the size including it). */
    private static byte[] keymapText(long keymap) throws CompileException {
        long text = XkbCommon.xkb_keymap_get_as_string(keymap, XkbCommon.KEYMAP_FORMAT_TEXT_V1);
        if (text == 0) throw new CompileException("xkb_keymap_get_as_string failed");
        try {
            byte[] bytes = new Pointer(text).getString(0, "ISO-8859-1").getBytes(StandardCharsets.ISO_8859_1); // byte for byte
            return Arrays.copyOf(bytes, bytes.length + 1);
        } finally {
            Native.free(text);
        }
    }

    private static void unref(long context, long keymap, long state) {
        if (state != 0) XkbCommon.xkb_state_unref(state);
        if (keymap != 0) XkbCommon.xkb_keymap_unref(keymap);
        XkbCommon.xkb_context_unref(context);
    }

    /** The read-only keymap file; every wl_keyboard.keymap sends a duplicate. */
    public OwnedFd file() {
        return file;
    }

    /** Bytes in the file, NUL included. */
    public int size() {
        return size;
    }

    /** Applies a key press or release (evdev code); true when the modifiers or the layout group changed. */
    public boolean updateKey(int evdevCode, boolean pressed) {
        XkbCommon.xkb_state_update_key(state, evdevCode + 8, pressed ? XkbCommon.KEY_DOWN : XkbCommon.KEY_UP); // XKB keycodes are evdev + 8
        int d = XkbCommon.xkb_state_serialize_mods(state, XkbCommon.STATE_MODS_DEPRESSED);
        int la = XkbCommon.xkb_state_serialize_mods(state, XkbCommon.STATE_MODS_LATCHED);
        int lo = XkbCommon.xkb_state_serialize_mods(state, XkbCommon.STATE_MODS_LOCKED);
        int g = XkbCommon.xkb_state_serialize_layout(state, XkbCommon.STATE_LAYOUT_EFFECTIVE);
        boolean changed = d != depressed || la != latched || lo != locked || g != group;
        depressed = d;
        latched = la;
        locked = lo;
        group = g;
        return changed;
    }

    /** The keysym a press of {@code evdevCode} produces in the current state (one symbol; 0 when none or several). */
    public int keysym(int evdevCode) {
        return XkbCommon.xkb_state_key_get_one_sym(state, evdevCode + 8);
    }

    /**
     * The keysym at the key's first level in the current layout, whatever the modifiers: what
     * the key is called ("q" for the Q key, Tab for Tab even with Shift); 0 when none or several.
     */
    public int baseKeysym(int evdevCode) {
        int key = evdevCode + 8;
        int layout = XkbCommon.xkb_state_key_get_layout(state, key);
        if (layout < 0) return 0;
        long[] syms = new long[1];
        int n = XkbCommon.xkb_keymap_key_get_syms_by_level(keymap, key, layout, 0, syms);
        return n == 1 ? new Pointer(syms[0]).getInt(0) : 0;
    }

    /** The active modifiers key bindings look at, as {@link KeyCombo} bits (Shift, Ctrl, Alt, Super). */
    public int bindingModifiers() {
        return (isActive(shiftIndex) ? KeyCombo.SHIFT : 0) | (isActive(controlIndex) ? KeyCombo.CTRL : 0)
                | (isActive(altIndex) ? KeyCombo.ALT : 0) | (isActive(superIndex) ? KeyCombo.SUPER : 0);
    }

    /** Whether Control is active (held, latched or locked). */
    public boolean controlActive() {
        return isActive(controlIndex);
    }

    /** Whether Alt (Mod1) is active. */
    public boolean altActive() {
        return isActive(altIndex);
    }

    private boolean isActive(int index) {
        return index != XkbCommon.MOD_INVALID && XkbCommon.xkb_state_mod_index_is_active(state, index, XkbCommon.STATE_MODS_EFFECTIVE) > 0;
    }

    public int modsDepressed() {
        return depressed;
    }

    public int modsLatched() {
        return latched;
    }

    public int modsLocked() {
        return locked;
    }

    public int group() {
        return group;
    }

    @Override
    public void close() {
        file.close();
        unref(context, keymap, state);
    }
}
