package javawc.compositor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The compositor's key bindings, driven through the control channel (the same keyboard path
 * libinput's keys take): with no VT to switch (headless), Ctrl+Alt+F2 is an ordinary key for
 * the focused client; Ctrl+Alt+Backspace shuts the compositor down cleanly, and the client
 * never sees the Backspace. Also: asking for libinput without udev or devices (as here) is
 * logged, and the compositor runs on without physical input.
 */
class KeyBindingsIntegrationTest {
    private static final int RED = 0xffff0000;
    private static final int KEY_LEFTCTRL = 29, KEY_LEFTALT = 56, KEY_F2 = 60, KEY_BACKSPACE = 14;

    @Test
    void withoutAVtControlAltF2ReachesTheClientAndControlAltBackspaceQuitsCleanly() throws Exception {
        try (CompositorProcess compositor = CompositorProcess.startWithControl("--backend", "headless", "--input", "libinput");
             ControlClient control = compositor.control();
             TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(100, 100, RED)) {
            String log = compositor.stderr();
            assertTrue(log.contains("no physical input: ") || log.contains("libinput on seat0: "), log);
            SeatEvents seat = new SeatEvents(c);
            TestClient.Window w = c.window(red, "bindings", "test.bindings");
            seat.await("keyboard.enter " + w.surface().id() + " []");
            control.ok("key " + KEY_LEFTCTRL + " press", "key " + KEY_LEFTALT + " press", "key " + KEY_F2 + " press", "key " + KEY_F2 + " release");
            seat.await("keyboard.key " + KEY_F2 + " 1");
            seat.await("keyboard.key " + KEY_F2 + " 0");

            control.ok("key " + KEY_BACKSPACE + " press");
            assertEquals(0, compositor.awaitExit(15), "exit status after Ctrl+Alt+Backspace");
            assertTrue(compositor.stderr().contains("Ctrl+Alt+BackSpace: quitting"), compositor.stderr());
            assertTrue(compositor.stderr().contains("shutting down"), "the SIGTERM path: " + compositor.stderr());
            assertFalse(seat.events.contains("keyboard.key " + KEY_BACKSPACE + " 1"), seat.events.toString());
        }
    }
}
