package javawc.compositor.seat;

import javawc.compositor.ProtocolContext;

/** wl_seat with its pointer, keyboard and touch (the seat itself is the context's: other areas use it). */
public final class SeatProtocol {
    private SeatProtocol() {}

    public static AutoCloseable install(ProtocolContext c) {
        new SeatGlobal(c.globals(), c.seat());
        return null;
    }
}
