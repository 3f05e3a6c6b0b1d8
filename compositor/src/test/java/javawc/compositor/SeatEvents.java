package javawc.compositor;

import javawc.client.protocol.WlKeyboard;
import javawc.client.protocol.WlPointer;
import javawc.client.protocol.WlSeat;
import javawc.client.protocol.WlSurface;
import javawc.os.OwnedFd;
import javawc.wire.Fixed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A test client's wl_seat with a pointer and a keyboard, whose events are written down in
 * order as text lines ("pointer.enter 12 20.0 30.0", "keyboard.key 30 1"...), with the
 * serials and the keymap kept for the tests that need them.
 */
final class SeatEvents {
    private static final long WAIT_MS = 5000;

    final TestClient client;
    final WlSeat seat;
    final List<String> events = new ArrayList<>();
    WlPointer pointer;
    WlKeyboard keyboard;
    int capabilities = -1;
    String name;
    int pointerEnterSerial, buttonSerial, keyboardEnterSerial;
    int keymapFormat, keymapSize;
    OwnedFd keymap;
    private int seen; // events before this index were already matched by await

    SeatEvents(TestClient client) throws IOException {
        this.client = client;
        if (client.seatName == 0) throw new IllegalStateException("the compositor offers no wl_seat");
        seat = client.registry.bind(client.seatName, WlSeat.TYPE, Math.min(client.seatVersion, 8));
        seat.setListener(new WlSeat.Listener() {
            @Override
            public void capabilities(WlSeat self, int caps) {
                capabilities = caps;
            }

            @Override
            public void name(WlSeat self, String n) {
                name = n;
            }
        });
        client.display.roundtrip();
        if ((capabilities & WlSeat.Capability.POINTER) != 0) pointer = seat.getPointer().setListener(pointerListener());
        if ((capabilities & WlSeat.Capability.KEYBOARD) != 0) keyboard = seat.getKeyboard().setListener(keyboardListener());
        client.display.roundtrip();
    }

    private static String id(WlSurface s) {
        return s == null ? "nil" : Integer.toString(s.id());
    }

    private static String fixed(int f) {
        return Double.toString(Fixed.toDouble(f));
    }

    private WlPointer.Listener pointerListener() {
        return new WlPointer.Listener() {
            @Override
            public void enter(WlPointer self, int serial, WlSurface surface, int x, int y) {
                pointerEnterSerial = serial;
                events.add("pointer.enter " + id(surface) + " " + fixed(x) + " " + fixed(y));
            }

            @Override
            public void leave(WlPointer self, int serial, WlSurface surface) {
                events.add("pointer.leave " + id(surface));
            }

            @Override
            public void motion(WlPointer self, int time, int x, int y) {
                events.add("pointer.motion " + fixed(x) + " " + fixed(y));
            }

            @Override
            public void button(WlPointer self, int serial, int time, int button, int state) {
                buttonSerial = serial;
                events.add("pointer.button " + button + " " + state);
            }

            @Override
            public void axis(WlPointer self, int time, int axis, int value) {
                events.add("pointer.axis " + axis + " " + fixed(value));
            }

            @Override
            public void axisSource(WlPointer self, int source) {
                events.add("pointer.axis_source " + source);
            }

            @Override
            public void axisValue120(WlPointer self, int axis, int value120) {
                events.add("pointer.axis_value120 " + axis + " " + value120);
            }

            @Override
            public void axisStop(WlPointer self, int time, int axis) {
                events.add("pointer.axis_stop " + axis);
            }

            @Override
            public void axisDiscrete(WlPointer self, int axis, int discrete) {
                events.add("pointer.axis_discrete " + axis + " " + discrete);
            }

            @Override
            public void frame(WlPointer self) {
                events.add("pointer.frame");
            }
        };
    }

    private WlKeyboard.Listener keyboardListener() {
        return new WlKeyboard.Listener() {
            @Override
            public void keymap(WlKeyboard self, int format, OwnedFd fd, int size) {
                if (keymap != null) keymap.close();
                keymap = fd;
                keymapFormat = format;
                keymapSize = size;
            }

            @Override
            public void enter(WlKeyboard self, int serial, WlSurface surface, java.nio.ByteBuffer keys) {
                keyboardEnterSerial = serial;
                StringBuilder held = new StringBuilder();
                while (keys.remaining() >= 4) held.append(held.isEmpty() ? "" : ",").append(keys.getInt());
                events.add("keyboard.enter " + id(surface) + " [" + held + "]");
            }

            @Override
            public void leave(WlKeyboard self, int serial, WlSurface surface) {
                events.add("keyboard.leave " + id(surface));
            }

            @Override
            public void key(WlKeyboard self, int serial, int time, int key, int state) {
                events.add("keyboard.key " + key + " " + state);
            }

            @Override
            public void modifiers(WlKeyboard self, int serial, int depressed, int latched, int locked, int group) {
                events.add("keyboard.modifiers " + depressed + " " + latched + " " + locked + " " + group);
            }

            @Override
            public void repeatInfo(WlKeyboard self, int rate, int delay) {
                events.add("keyboard.repeat_info " + rate + " " + delay);
            }
        };
    }

    /** Dispatches until an event not seen before matches; returns it. Earlier events stay in {@link #events}. */
    String await(Predicate<String> what, String description) throws IOException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (true) {
            for (int i = seen; i < events.size(); i++) {
                if (what.test(events.get(i))) {
                    seen = i + 1;
                    return events.get(i);
                }
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) throw new AssertionError("no " + description + " within " + WAIT_MS + " ms; events: " + events);
            client.display.dispatch((int) Math.min(left, 200));
        }
    }

    /** Waits for the exact event line. */
    String await(String line) throws IOException {
        return await(line::equals, "'" + line + "'");
    }

    /** Waits for an event starting with {@code prefix}. */
    String awaitPrefix(String prefix) throws IOException {
        return await(e -> e.startsWith(prefix), "event starting with '" + prefix + "'");
    }

    /** Events not yet matched by an await, after a roundtrip. */
    List<String> pending() throws IOException {
        client.display.roundtrip();
        return List.copyOf(events.subList(seen, events.size()));
    }

    /** Forgets every event so far. */
    void skipAll() throws IOException {
        client.display.roundtrip();
        seen = events.size();
    }
}
