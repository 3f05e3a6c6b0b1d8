package javawc.compositor.shortcutsinhibit;

import javawc.compositor.ProtocolContext;

/** zwp_keyboard_shortcuts_inhibit_manager_v1: a focused window may take the compositor's key bindings for itself. */
public final class ShortcutsInhibitProtocol {
    private ShortcutsInhibitProtocol() {}

    public static AutoCloseable install(ProtocolContext c) {
        if (!c.seat().keyboard().available()) return null; // no keyboard, no bindings to inhibit
        new ShortcutsInhibitManagerGlobal(c.globals(), c.seat(), c.scene());
        return null;
    }
}
