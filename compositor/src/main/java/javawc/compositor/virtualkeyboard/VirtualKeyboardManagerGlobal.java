package javawc.compositor.virtualkeyboard;

import javawc.compositor.seat.Seat;
import javawc.server.Global;
import javawc.server.GlobalRegistry;
import javawc.server.protocol.WlSeat;
import javawc.server.protocol.ZwpVirtualKeyboardManagerV1;
import javawc.server.protocol.ZwpVirtualKeyboardV1;

/**
 * zwp_virtual_keyboard_manager_v1 (v1, from our facts-only XML): makes virtual keyboards on the
 * one seat. Who may bind it is the privilege policy's business: a client refused never sees the
 * global, so the unauthorized error is never needed here.
 */
public final class VirtualKeyboardManagerGlobal implements ZwpVirtualKeyboardManagerV1.Handler {
    public static final int VERSION = 1;

    private final Seat seat;
    private final Global global;

    public VirtualKeyboardManagerGlobal(GlobalRegistry registry, Seat seat) {
        this.seat = seat;
        this.global = registry.add(ZwpVirtualKeyboardManagerV1.SPEC, VERSION, ZwpVirtualKeyboardManagerV1::new, r -> r.setHandler(this));
    }

    public Global global() {
        return global;
    }

    @Override
    public void createVirtualKeyboard(ZwpVirtualKeyboardManagerV1 self, WlSeat wlSeat, ZwpVirtualKeyboardV1 id) {
        new VirtualKeyboard(id, seat.keyboard());
    }
}
