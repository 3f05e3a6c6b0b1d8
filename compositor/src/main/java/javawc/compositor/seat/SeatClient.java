package javawc.compositor.seat;

import javawc.compositor.input.Keymap;
import javawc.server.Client;
import javawc.server.protocol.WlKeyboard;
import javawc.server.protocol.WlPointer;
import javawc.server.protocol.WlSeat;
import javawc.server.protocol.WlTouch;

import java.util.ArrayList;
import java.util.List;

/**
 * One client's part of the seat: its wl_seat, wl_pointer, wl_keyboard and wl_touch objects (a client
 * may bind the seat and ask for devices more than once; each object gets every event) and
 * the serials of the input events it was sent.
 */
final class SeatClient {
    final Client client;
    final List<WlSeat> seats = new ArrayList<>(1);
    final List<WlPointer> pointers = new ArrayList<>(1);
    final List<WlKeyboard> keyboards = new ArrayList<>(1);
    final List<WlTouch> touches = new ArrayList<>(1);
    final InputSerials serials = new InputSerials();
    /** The keymap this client's wl_keyboards were last sent: null for the seat's, else a virtual keyboard's. */
    Keymap keymap;
    /** The latest wl_pointer.enter serial: wl_pointer.set_cursor must name it. */
    int pointerEnterSerial;

    SeatClient(Client client) {
        this.client = client;
    }

    boolean isEmpty() {
        return seats.isEmpty() && pointers.isEmpty() && keyboards.isEmpty() && touches.isEmpty();
    }
}
