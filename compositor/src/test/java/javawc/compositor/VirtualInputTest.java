package javawc.compositor;

import javawc.client.ProtocolErrorException;
import javawc.client.protocol.ZwlrVirtualPointerManagerV1;
import javawc.client.protocol.ZwlrVirtualPointerV1;
import javawc.client.protocol.ZwpVirtualKeyboardManagerV1;
import javawc.client.protocol.ZwpVirtualKeyboardV1;
import javawc.compositor.input.Keymap;
import javawc.os.Descriptors;
import javawc.os.OwnedFd;
import javawc.wire.Fixed;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * zwlr_virtual_pointer_v1 and zwp_virtual_keyboard_v1 in process: their errors, a keymap file
 * shorter than its size, a frame's events delivered together, and the receiving client given
 * the virtual keyboard's keymap before its keys and the seat's again before a real key. Also
 * that both globals are hidden from clients under the default policy.
 */
class VirtualInputTest {
    private static final String[] ARGS = "--backend headless --renderer software --width 640 --height 480".split(" ");
    private static final ProtocolContext.Policy OPEN = new ProtocolContext.Policy(false, true);
    private static final int XKB_V1 = 1, PRESSED = 1, RELEASED = 0;

    private static TestClient.Window window(TestClient c) throws Exception {
        return c.window(c.new ShmBuffer(200, 100, 0xff336699), "target");
    }

    private static ProtocolErrorException error(TestClient c) {
        return assertThrows(ProtocolErrorException.class, c.display::roundtrip);
    }

    @Test
    void theDefaultPolicyOffersNeitherGlobal() throws Exception {
        try (InProcessCompositor ip = new InProcessCompositor(ARGS); TestClient c = ip.connect()) {
            ExtensionGlobals g = new ExtensionGlobals(c);
            assertFalse(g.offers(ZwlrVirtualPointerManagerV1.NAME));
            assertFalse(g.offers(ZwpVirtualKeyboardManagerV1.NAME));
            assertTrue(g.offers("zwp_pointer_constraints_v1"));
        }
    }

    @Test
    void anInvalidAxisAndAnInvalidAxisSourceAreErrors() throws Exception {
        try (InProcessCompositor ip = new InProcessCompositor(OPEN, ARGS)) {
            try (TestClient c = ip.connect()) {
                ZwlrVirtualPointerManagerV1 m = new ExtensionGlobals(c).bind(ZwlrVirtualPointerManagerV1.NAME, ZwlrVirtualPointerManagerV1.TYPE);
                assertEquals(2, m.version());
                m.createVirtualPointer(null).axis(0, 2, Fixed.fromDouble(1));
                assertEquals(ZwlrVirtualPointerV1.Error.INVALID_AXIS, error(c).code());
            }
            try (TestClient c = ip.connect()) {
                ZwlrVirtualPointerManagerV1 m = new ExtensionGlobals(c).bind(ZwlrVirtualPointerManagerV1.NAME, ZwlrVirtualPointerManagerV1.TYPE);
                m.createVirtualPointerWithOutput(null, c.output).axisSource(9);
                assertEquals(ZwlrVirtualPointerV1.Error.INVALID_AXIS_SOURCE, error(c).code());
            }
        }
    }

    @Test
    void aFramesEventsArriveTogetherAndAbsoluteMotionMapsOntoTheOutput() throws Exception {
        try (InProcessCompositor ip = new InProcessCompositor(OPEN, ARGS);
             TestClient receiver = ip.connect(); TestClient sender = ip.connect()) {
            SeatEvents seat = new SeatEvents(receiver);
            window(receiver); // 200x100 at (220, 190)
            seat.skipAll();
            ZwlrVirtualPointerV1 p = new ExtensionGlobals(sender).bind(ZwlrVirtualPointerManagerV1.NAME, ZwlrVirtualPointerManagerV1.TYPE)
                    .createVirtualPointerWithOutput(null, sender.output);
            p.motionAbsolute(0, 300, 240, 640, 480); // global (300, 240): surface (80, 50)
            p.button(0, 0x110, PRESSED);
            sender.display.roundtrip();
            assertTrue(seat.pending().isEmpty(), "nothing before frame: " + seat.pending());
            p.frame();
            sender.display.roundtrip();
            assertTrue(seat.awaitPrefix("pointer.enter ").endsWith(" 80.0 50.0"));
            seat.await("pointer.button 272 1");
            seat.await("pointer.frame");
            assertEquals(List.of(), seat.pending(), "one frame closes the virtual pointer's frame");
            p.motion(0, Fixed.fromDouble(5), Fixed.fromDouble(-5));
            p.button(0, 0x110, RELEASED);
            p.frame();
            sender.display.roundtrip();
            assertEquals(List.of("pointer.motion 85.0 45.0", "pointer.button 272 0", "pointer.frame"), seat.pending());
        }
    }

    @Test
    void aKeyBeforeAKeymapAKeymapShorterThanItsSizeAndAnUncompilableOneAreNoKeymap() throws Exception {
        try (InProcessCompositor ip = new InProcessCompositor(OPEN, ARGS)) {
            try (TestClient c = ip.connect()) {
                SeatEvents seat = new SeatEvents(c);
                ZwpVirtualKeyboardV1 k = new ExtensionGlobals(c).bind(ZwpVirtualKeyboardManagerV1.NAME, ZwpVirtualKeyboardManagerV1.TYPE).createVirtualKeyboard(seat.seat);
                k.key(0, 30, PRESSED);
                ProtocolErrorException e = error(c);
                assertEquals(ZwpVirtualKeyboardV1.Error.NO_KEYMAP, e.code());
                assertTrue(e.objectName().startsWith(ZwpVirtualKeyboardV1.NAME + "@"), e.objectName());
            }
            try (TestClient c = ip.connect(); OwnedFd file = Descriptors.memfd("short-keymap", 100)) {
                SeatEvents seat = new SeatEvents(c);
                ZwpVirtualKeyboardV1 k = new ExtensionGlobals(c).bind(ZwpVirtualKeyboardManagerV1.NAME, ZwpVirtualKeyboardManagerV1.TYPE).createVirtualKeyboard(seat.seat);
                k.keymap(XKB_V1, file, 64 * 1024); // says 64 KiB, has 100 bytes: as a client that shrank it
                ProtocolErrorException e = error(c);
                assertEquals(ZwpVirtualKeyboardV1.Error.NO_KEYMAP, e.code());
                assertTrue(e.getMessage().contains("shorter"), e.getMessage());
            }
            byte[] garbage = "xkb_keymap { this is not a keymap };".getBytes(StandardCharsets.US_ASCII);
            try (TestClient c = ip.connect(); OwnedFd file = Descriptors.sealedReadOnly("garbage-keymap", garbage)) {
                SeatEvents seat = new SeatEvents(c);
                ZwpVirtualKeyboardV1 k = new ExtensionGlobals(c).bind(ZwpVirtualKeyboardManagerV1.NAME, ZwpVirtualKeyboardManagerV1.TYPE).createVirtualKeyboard(seat.seat);
                k.keymap(XKB_V1, file, garbage.length);
                ProtocolErrorException e = error(c);
                assertEquals(ZwpVirtualKeyboardV1.Error.NO_KEYMAP, e.code());
                assertTrue(e.getMessage().contains("unusable"), e.getMessage());
            }
        }
    }

    @Test
    void theReceiverGetsTheVirtualKeymapBeforeItsKeysAndTheSeatsBeforeARealKey() throws Exception {
        byte[] text;
        try (Keymap k = Keymap.compile(Keymap.Names.fromEnvironment(Map.of("XKB_DEFAULT_LAYOUT", "de")))) {
            text = javawc.os.Descriptors.readSome(k.file(), k.size()); // a keymap other than the seat's (us)
        }
        try (InProcessCompositor ip = new InProcessCompositor(OPEN, ARGS);
             TestClient receiver = ip.connect(); TestClient sender = ip.connect();
             OwnedFd file = Descriptors.sealedReadOnly("virtual-keymap", text)) {
            SeatEvents seat = new SeatEvents(receiver);
            window(receiver);
            seat.awaitPrefix("keyboard.enter");
            int seatKeymapSize = seat.keymapSize;
            ZwpVirtualKeyboardV1 k = new ExtensionGlobals(sender).bind(ZwpVirtualKeyboardManagerV1.NAME, ZwpVirtualKeyboardManagerV1.TYPE)
                    .createVirtualKeyboard(new SeatEvents(sender).seat);
            k.keymap(XKB_V1, file, text.length);
            k.key(1, 21, PRESSED); // Z on us, Y on de
            k.key(2, 21, RELEASED);
            sender.display.roundtrip();
            seat.await("keyboard.key 21 1");
            assertNotEquals(seatKeymapSize, seat.keymapSize, "the receiver was sent the virtual keyboard's keymap");
            // our copy of it, compiled and written out again by libxkbcommon: the same text
            assertEquals(new String(text, StandardCharsets.ISO_8859_1), new String(Descriptors.readSome(seat.keymap, seat.keymapSize), StandardCharsets.ISO_8859_1));
            seat.await("keyboard.key 21 0");
            ip.onLoop(() -> {
                ip.compositor.seat().keyboard().key(30, true, 3);
                return null;
            });
            seat.await("keyboard.key 30 1");
            assertEquals(seatKeymapSize, seat.keymapSize, "the seat's keymap came back before the real key");
            assertEquals(List.of(), seat.pending().stream().filter(e -> e.startsWith("keyboard.leave")).toList());
        }
    }
}
