package javawc.compositor.virtualkeyboard;

import javawc.compositor.ProtocolContext;
import javawc.compositor.security.Privilege;

/**
 * zwp_virtual_keyboard_manager_v1: typing by programs (wtype, on-screen keyboards, remote
 * desktops). It lets a client type into every other client, so the configuration's privileges
 * decide who sees it (VIRTUAL_INPUT, no client by default). Without a keyboard (no
 * libxkbcommon) it is not offered: keymaps could not be checked.
 */
public final class VirtualKeyboardProtocol {
    private VirtualKeyboardProtocol() {}

    public static AutoCloseable install(ProtocolContext c) {
        if (!c.seat().keyboard().available()) return null;
        c.privileges().restrict(new VirtualKeyboardManagerGlobal(c.globals(), c.seat()).global(), Privilege.VIRTUAL_INPUT);
        return null;
    }
}
