package javawc.compositor.input;

import com.sun.jna.Native;

/**
 * Direct-mapped libxkbcommon entry points (JNA {@code Native.register}), pointers as
 * {@code long}. Loading this class fails with a {@link LinkageError} when the library is
 * missing; {@link Keymap#compile} turns that into a reason the compositor logs.
 */
final class XkbCommon {
    static {
        Native.register("libxkbcommon.so.0");
    }

    private XkbCommon() {}

    static final int CONTEXT_NO_ENVIRONMENT_NAMES = 1 << 1;
    static final int KEYMAP_FORMAT_TEXT_V1 = 1;
    static final int KEY_UP = 0, KEY_DOWN = 1;
    static final int STATE_MODS_DEPRESSED = 1 << 0, STATE_MODS_LATCHED = 1 << 1, STATE_MODS_LOCKED = 1 << 2,
            STATE_MODS_EFFECTIVE = 1 << 3, STATE_LAYOUT_EFFECTIVE = 1 << 7;
    static final int MOD_INVALID = 0xffffffff;
    static final int KEYSYM_CASE_INSENSITIVE = 1, KEY_NO_SYMBOL = 0;

    static native long xkb_context_new(int flags);
    static native void xkb_context_unref(long context);
    static native long xkb_keymap_new_from_names(long context, long ruleNames, int flags);
    static native long xkb_keymap_new_from_buffer(long context, byte[] buffer, long length, int format, int flags);
    static native long xkb_keymap_get_as_string(long keymap, int format);
    static native void xkb_keymap_unref(long keymap);
    static native long xkb_state_new(long keymap);
    static native void xkb_state_unref(long state);
    static native int xkb_state_update_key(long state, int key, int direction);
    static native int xkb_state_serialize_mods(long state, int components);
    static native int xkb_state_serialize_layout(long state, int components);
    static native int xkb_state_key_get_one_sym(long state, int key);
    static native int xkb_keymap_mod_get_index(long keymap, String name);
    static native int xkb_state_mod_index_is_active(long state, int index, int type);
    static native int xkb_state_key_get_layout(long state, int key);
    /** Writes a pointer to the key's keysyms at that level into {@code symsOut[0]}; returns how many there are. */
    static native int xkb_keymap_key_get_syms_by_level(long keymap, int key, int layout, int level, long[] symsOut);
    static native int xkb_keysym_from_name(String name, int flags);
    static native int xkb_keysym_get_name(int keysym, byte[] buffer, long size);
    static native int xkb_keysym_to_lower(int keysym);
}
