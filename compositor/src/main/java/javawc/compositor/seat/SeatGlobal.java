package javawc.compositor.seat;

import javawc.server.GlobalRegistry;
import javawc.server.protocol.WlKeyboard;
import javawc.server.protocol.WlPointer;
import javawc.server.protocol.WlSeat;
import javawc.server.protocol.WlTouch;

/**
 * wl_seat (v8, what Debian 12's wayland.xml defines): announces the capabilities (pointer;
 * keyboard when a keymap was compiled; touch while a touch device is there, announced again
 * when that changes) and the name, and hands out wl_pointer, wl_keyboard and wl_touch objects.
 */
public final class SeatGlobal implements WlSeat.Handler {
    public static final int VERSION = 8;

    private final Seat seat;

    public SeatGlobal(GlobalRegistry registry, Seat seat) {
        this.seat = seat;
        registry.add(WlSeat.SPEC, VERSION, WlSeat::new, this::bound);
    }

    Seat seat() {
        return seat;
    }

    private void bound(WlSeat r) {
        r.setHandler(this);
        seat.track(r, c -> c.seats);
        r.sendCapabilities(seat.capabilities());
        if (r.version() >= WlSeat.EVENT_NAME_SINCE) r.sendName(Seat.NAME);
    }

    @Override
    public void getPointer(WlSeat self, WlPointer id) {
        // the pointer capability is always there, so there is no missing_capability case
        seat.pointer().bound(id, seat.track(id, c -> c.pointers));
    }

    @Override
    public void getKeyboard(WlSeat self, WlKeyboard id) {
        if (!seat.keyboard().available()) {
            self.postError(WlSeat.Error.MISSING_CAPABILITY, "this seat has no keyboard (no keymap could be compiled)");
            return;
        }
        seat.keyboard().bound(id, seat.track(id, c -> c.keyboards));
    }

    @Override
    public void getTouch(WlSeat self, WlTouch id) {
        if (!seat.touch().everAvailable()) { // once there was one, the object is fine (inert while none is there)
            self.postError(WlSeat.Error.MISSING_CAPABILITY, "this seat has no touch device");
            return;
        }
        seat.touch().bound(id);
        seat.track(id, c -> c.touches);
    }

    @Override
    public void release(WlSeat self) {
        // destructor: the resource is destroyed after this returns
    }
}
