package javawc.compositor;

import javawc.client.protocol.WlSeat;
import javawc.client.protocol.XdgToplevel;
import javawc.os.LibC;
import javawc.os.MemoryMapping;
import javawc.os.NativeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * wl_seat and wl_keyboard against the real compositor: the seat's identity, the keymap file,
 * focus on map, keys and modifiers for the focused client, click to focus with the activated
 * state following the keyboard, and a seat without a keyboard when no keymap compiles.
 */
class KeyboardFocusIntegrationTest extends ControlledCompositorTest {
    private static final int RED = 0xffff0000, BLUE = 0xff0000ff;
    private static final int KEY_A = 30, KEY_LEFTSHIFT = 42;

    @Test
    void theSeatIsSeat0WithAPointerAndAKeyboardAndNoTouch() throws Exception {
        try (TestClient c = new TestClient(compositor)) {
            assertEquals(8, c.seatVersion);
            SeatEvents seat = new SeatEvents(c);
            assertEquals(WlSeat.Capability.POINTER | WlSeat.Capability.KEYBOARD, seat.capabilities);
            assertEquals("seat0", seat.name);
            seat.seat.getTouch();
            var e = assertThrows(javawc.client.ProtocolErrorException.class, c.display::roundtrip);
            assertEquals(WlSeat.Error.MISSING_CAPABILITY, e.code());
        }
    }

    @Test
    void theKeymapIsASealedReadOnlyXkbFileAndRepeatIsAdvertised() throws Exception {
        try (TestClient c = new TestClient(compositor)) {
            SeatEvents seat = new SeatEvents(c);
            assertEquals(1 /* xkb_v1 */, seat.keymapFormat);
            assertTrue(seat.keymapSize > 1000, "size " + seat.keymapSize);
            int fd = seat.keymap.get();
            int seals = LibC.fcntl(fd, LibC.F_GET_SEALS, 0);
            assertEquals(1 | 2 | 4 | 8, seals & 15, "sealed against writing, growing, shrinking and more sealing");
            NativeBuffer b = new NativeBuffer(1);
            assertEquals(-1, LibC.write(fd, b.address(), 1), "our descriptor is read-only");
            try (MemoryMapping m = MemoryMapping.map(seat.keymap, seat.keymapSize, false)) {
                byte[] head = new byte[12];
                m.buffer().get(0, head);
                assertEquals("xkb_keymap {", new String(head, StandardCharsets.US_ASCII));
                assertEquals(0, m.buffer().get(seat.keymapSize - 1), "NUL-terminated, the NUL counted in the size");
            }
            assertTrue(seat.events.contains("keyboard.repeat_info 25 600"), seat.events.toString());
            seat.keymap.close();
        }
    }

    @Test
    void aNewWindowGetsTheKeyboardAndKeysAndModifiersGoToIt() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(100, 100, RED)) {
            SeatEvents seat = new SeatEvents(c);
            TestClient.Window w = c.window(red, "keys", "test.keys");
            seat.await("keyboard.enter " + w.surface().id() + " []");
            seat.await("keyboard.modifiers 0 0 0 0");
            control.ok("key " + KEY_A + " press", "key " + KEY_A + " release");
            seat.await("keyboard.key 30 1");
            seat.await("keyboard.key 30 0");
            control.ok("key " + KEY_LEFTSHIFT + " press");
            seat.await("keyboard.key 42 1");
            seat.await("keyboard.modifiers 1 0 0 0"); // Shift is the first modifier of the keymap
            control.ok("key " + KEY_LEFTSHIFT + " release");
            seat.await("keyboard.modifiers 0 0 0 0");
        }
    }

    @Test
    void aKeyHeldWhenTheFocusArrivesIsInTheEnterEvent() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(100, 100, RED)) {
            SeatEvents seat = new SeatEvents(c);
            control.ok("key " + KEY_A + " press");
            TestClient.Window w = c.window(red, "held", "test.held");
            seat.await("keyboard.enter " + w.surface().id() + " [30]");
            control.ok("key " + KEY_A + " release");
            seat.await("keyboard.key 30 0");
        }
    }

    @Test
    void clickingAWindowRaisesItAndMovesTheKeyboardFocusAndTheActivatedState() throws Exception {
        try (TestClient a = new TestClient(compositor); TestClient.ShmBuffer red = a.new ShmBuffer(200, 100, RED);
             TestClient b = new TestClient(compositor); TestClient.ShmBuffer blue = b.new ShmBuffer(200, 100, BLUE)) {
            SeatEvents seatA = new SeatEvents(a), seatB = new SeatEvents(b);
            TestClient.Window one = a.window(red, "one", "test.one");
            List<String> configuresA = configures(one);
            seatA.await("keyboard.enter " + one.surface().id() + " []");
            TestClient.Window two = b.window(blue, "two", "test.two");
            List<String> configuresB = configures(two);
            seatB.await("keyboard.enter " + two.surface().id() + " []");
            seatA.await("keyboard.leave " + one.surface().id()); // focus on map took it away
            control.ok("place test.one 0 0", "place test.two 500 0");
            assertTrue(control.send("list-windows").contains("window test.two 500 0 200 100 focused two"), control.send("list-windows").toString());

            control.ok("pointer-motion 100 50", "pointer-button BTN_LEFT press", "pointer-button BTN_LEFT release");
            seatA.await("keyboard.enter " + one.surface().id() + " []");
            seatA.await("pointer.button 272 1"); // the click itself still reaches the window
            seatB.await("keyboard.leave " + two.surface().id());
            a.display.roundtrip();
            b.display.roundtrip();
            assertEquals("0 0 [4]", configuresA.getLast(), "one is activated: " + configuresA);
            assertEquals("0 0 []", configuresB.getLast(), "two is not: " + configuresB);
            List<String> windows = control.send("list-windows");
            assertEquals("window test.one 0 0 200 100 focused one", windows.get(windows.size() - 2), "one is on top: " + windows);

            control.ok("key " + KEY_A + " press", "key " + KEY_A + " release");
            seatA.await("keyboard.key 30 1");
            assertFalse(seatB.pending().stream().anyMatch(e -> e.startsWith("keyboard.key")), seatB.events.toString());
        }
    }

    @Test
    void theFocusGoesToTheTopWindowWhenTheFocusedOneCloses() throws Exception {
        try (TestClient a = new TestClient(compositor); TestClient.ShmBuffer red = a.new ShmBuffer(100, 100, RED)) {
            SeatEvents seatA = new SeatEvents(a);
            TestClient.Window one = a.window(red, "stays", "test.stays");
            seatA.await("keyboard.enter " + one.surface().id() + " []");
            try (TestClient b = new TestClient(compositor); TestClient.ShmBuffer blue = b.new ShmBuffer(100, 100, BLUE)) {
                b.window(blue, "goes", "test.goes");
                seatA.await("keyboard.leave " + one.surface().id());
            }
            seatA.await("keyboard.enter " + one.surface().id() + " []");
        }
    }

    @Test
    void withoutAKeymapTheSeatHasNoKeyboardAndTheCompositorStillRuns() throws Exception {
        try (CompositorProcess noKeys = CompositorProcess.startWithControl(Map.of("XKB_DEFAULT_LAYOUT", "no-such-layout"), "--backend", "headless");
             ControlClient ctl = noKeys.control(); TestClient c = new TestClient(noKeys)) {
            SeatEvents seat = new SeatEvents(c);
            assertEquals(WlSeat.Capability.POINTER, seat.capabilities);
            assertTrue(noKeys.stderr().contains("seat0 has no keyboard: libxkbcommon cannot compile a keymap"), noKeys.stderr());
            assertTrue(ctl.send("key 30 press").getLast().startsWith("error"));
            seat.seat.getKeyboard();
            var e = assertThrows(javawc.client.ProtocolErrorException.class, c.display::roundtrip);
            assertEquals(WlSeat.Error.MISSING_CAPABILITY, e.code());
        }
    }

    /** Records a toplevel's configures as "WIDTH HEIGHT [STATES]". */
    static List<String> configures(TestClient.Window w) {
        List<String> seen = new ArrayList<>();
        w.toplevel().setListener(new XdgToplevel.Listener() {
            @Override
            public void configure(XdgToplevel self, int width, int height, java.nio.ByteBuffer states) {
                List<Integer> s = new ArrayList<>();
                while (states.remaining() >= 4) s.add(states.getInt());
                seen.add(width + " " + height + " " + s.toString().replace(", ", ","));
            }
        });
        return seen;
    }
}
