package javawc.compositor.shortcutsinhibit;

import javawc.compositor.core.Surface;
import javawc.compositor.scene.Scene;
import javawc.compositor.seat.Seat;
import javawc.server.GlobalRegistry;
import javawc.server.protocol.WlSeat;
import javawc.server.protocol.WlSurface;
import javawc.server.protocol.ZwpKeyboardShortcutsInhibitManagerV1;
import javawc.server.protocol.ZwpKeyboardShortcutsInhibitorV1;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * zwp_keyboard_shortcuts_inhibit_manager_v1 (v1): at most one inhibitor per surface (the one
 * seat). An inhibitor is active while its surface has the keyboard focus; the seat's keyboard
 * then passes the compositor's key bindings to it as ordinary keys, except VT switching (as
 * sway does with its built-in VT keys). Every request is honoured: there is no user prompt.
 */
public final class ShortcutsInhibitManagerGlobal implements ZwpKeyboardShortcutsInhibitManagerV1.Handler {
    public static final int VERSION = 1;

    private final Seat seat;
    private final Map<Surface, ShortcutsInhibitor> bySurface = new IdentityHashMap<>();

    public ShortcutsInhibitManagerGlobal(GlobalRegistry registry, Seat seat, Scene scene) {
        this.seat = seat;
        seat.keyboard().setShortcutsInhibited(s -> {
            ShortcutsInhibitor i = bySurface.get(s);
            return i != null && i.active();
        });
        seat.addFocusListener((previous, current) -> {
            ShortcutsInhibitor was = previous == null ? null : bySurface.get(previous);
            if (was != null) was.setActive(false);
            ShortcutsInhibitor now = current == null ? null : bySurface.get(current);
            if (now != null) now.setActive(true);
        });
        scene.addSurfaceDestroyingListener(s -> {
            ShortcutsInhibitor i = bySurface.remove(s);
            if (i != null) i.setActive(false); // inert from now on: its client may only destroy it
        });
        registry.add(ZwpKeyboardShortcutsInhibitManagerV1.SPEC, VERSION, ZwpKeyboardShortcutsInhibitManagerV1::new, r -> r.setHandler(this));
    }

    @Override
    public void inhibitShortcuts(ZwpKeyboardShortcutsInhibitManagerV1 self, ZwpKeyboardShortcutsInhibitorV1 id, WlSurface surface, WlSeat wlSeat) {
        Surface s = Surface.of(surface);
        if (bySurface.containsKey(s)) {
            self.postError(ZwpKeyboardShortcutsInhibitManagerV1.Error.ALREADY_INHIBITED,
                    "wl_surface@" + surface.id() + " already inhibits the shortcuts of " + Seat.NAME);
            return;
        }
        ShortcutsInhibitor inhibitor = new ShortcutsInhibitor(id);
        bySurface.put(s, inhibitor);
        id.onDestroy(() -> bySurface.remove(s, inhibitor));
        if (seat.keyboardFocus() == s) inhibitor.setActive(true);
    }

    @Override
    public void destroy(ZwpKeyboardShortcutsInhibitManagerV1 self) {
        // destructor: inhibitors made through it live on
    }
}
