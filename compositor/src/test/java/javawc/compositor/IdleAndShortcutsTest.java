package javawc.compositor;

import javawc.client.ProtocolErrorException;
import javawc.client.protocol.ExtIdleNotificationV1;
import javawc.client.protocol.ExtIdleNotifierV1;
import javawc.client.protocol.ZwpIdleInhibitManagerV1;
import javawc.client.protocol.ZwpIdleInhibitorV1;
import javawc.client.protocol.ZwpKeyboardShortcutsInhibitManagerV1;
import javawc.client.protocol.ZwpKeyboardShortcutsInhibitorV1;
import javawc.compositor.seat.Seat;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * ext_idle_notifier_v1 with zwp_idle_inhibit_manager_v1, and
 * zwp_keyboard_shortcuts_inhibit_manager_v1, in process: a notification goes idle after its
 * timeout without input and resumes on input; a shown surface's inhibitor holds it off until
 * the inhibitor goes; a second shortcuts inhibitor on a surface is already_inhibited, and an
 * active one gets Alt+F4 as keys instead of the window closing.
 */
class IdleAndShortcutsTest {
    private static final String[] ARGS = "--backend headless --renderer software --width 640 --height 480".split(" ");
    private static final int TIMEOUT_MS = 200;

    private static void awaitEvents(TestClient c, List<String> events, int count, long withinMs) throws Exception {
        long deadline = System.currentTimeMillis() + withinMs;
        while (events.size() < count && System.currentTimeMillis() < deadline) c.display.dispatch(50);
    }

    private static ExtIdleNotificationV1 notification(TestClient c, SeatEvents seat, List<String> events) throws Exception {
        ExtIdleNotificationV1 n = new ExtensionGlobals(c).bind(ExtIdleNotifierV1.NAME, ExtIdleNotifierV1.TYPE).getIdleNotification(TIMEOUT_MS, seat.seat);
        n.setListener(new ExtIdleNotificationV1.Listener() {
            @Override
            public void idled(ExtIdleNotificationV1 self) {
                events.add("idled");
            }

            @Override
            public void resumed(ExtIdleNotificationV1 self) {
                events.add("resumed");
            }
        });
        return n;
    }

    @Test
    void aNotificationIdlesAfterItsTimeoutAndResumesOnInput() throws Exception {
        try (InProcessCompositor ip = new InProcessCompositor(ARGS); TestClient c = ip.connect()) {
            List<String> events = new ArrayList<>();
            notification(c, new SeatEvents(c), events);
            long start = System.nanoTime();
            awaitEvents(c, events, 1, 5000);
            assertEquals(List.of("idled"), events);
            assertTrue(System.nanoTime() - start >= (TIMEOUT_MS - 20) * 1_000_000L, "not before the timeout");
            ip.onLoop(() -> {
                ip.compositor.seat().pointer().motionBy(3, 4, Seat.nowMs());
                return null;
            });
            awaitEvents(c, events, 2, 5000);
            assertEquals(List.of("idled", "resumed"), events);
            awaitEvents(c, events, 3, 5000); // no input since: idle again
            assertEquals(List.of("idled", "resumed", "idled"), events);
        }
    }

    @Test
    void anInhibitorOnAShownSurfaceHoldsIdlenessOffUntilItGoes() throws Exception {
        try (InProcessCompositor ip = new InProcessCompositor(ARGS); TestClient c = ip.connect()) {
            SeatEvents seat = new SeatEvents(c);
            TestClient.Window w = c.window(c.new ShmBuffer(100, 100, 0xff00ff00), "video");
            ZwpIdleInhibitorV1 inhibitor = new ExtensionGlobals(c).bind(ZwpIdleInhibitManagerV1.NAME, ZwpIdleInhibitManagerV1.TYPE).createInhibitor(w.surface());
            List<String> events = new ArrayList<>();
            notification(c, seat, events);
            awaitEvents(c, events, 1, 4 * TIMEOUT_MS);
            assertEquals(List.of(), events, "inhibited");
            inhibitor.destroy();
            long gone = System.nanoTime();
            awaitEvents(c, events, 1, 5000);
            assertEquals(List.of("idled"), events);
            assertTrue(System.nanoTime() - gone >= (TIMEOUT_MS - 20) * 1_000_000L, "the timeout counts from the inhibitor's end");
        }
    }

    @Test
    void aSecondShortcutsInhibitorOnASurfaceIsAlreadyInhibited() throws Exception {
        try (InProcessCompositor ip = new InProcessCompositor(ARGS); TestClient c = ip.connect()) {
            SeatEvents seat = new SeatEvents(c);
            TestClient.Window w = c.window(c.new ShmBuffer(100, 100, 0xff00ff00), "viewer");
            ZwpKeyboardShortcutsInhibitManagerV1 m = new ExtensionGlobals(c).bind(ZwpKeyboardShortcutsInhibitManagerV1.NAME, ZwpKeyboardShortcutsInhibitManagerV1.TYPE);
            m.inhibitShortcuts(w.surface(), seat.seat);
            c.display.roundtrip();
            m.inhibitShortcuts(w.surface(), seat.seat);
            ProtocolErrorException e = assertThrows(ProtocolErrorException.class, c.display::roundtrip);
            assertEquals(ZwpKeyboardShortcutsInhibitManagerV1.Error.ALREADY_INHIBITED, e.code());
        }
    }

    @Test
    void anActiveInhibitorGetsTheBindingsKeysAndLosesThemWithTheFocus() throws Exception {
        try (InProcessCompositor ip = new InProcessCompositor(ARGS); TestClient c = ip.connect()) {
            SeatEvents seat = new SeatEvents(c);
            TestClient.Window w = c.window(c.new ShmBuffer(100, 100, 0xff00ff00), "viewer");
            List<String> events = new ArrayList<>();
            ZwpKeyboardShortcutsInhibitorV1 inhibitor = new ExtensionGlobals(c).bind(ZwpKeyboardShortcutsInhibitManagerV1.NAME, ZwpKeyboardShortcutsInhibitManagerV1.TYPE)
                    .inhibitShortcuts(w.surface(), seat.seat);
            inhibitor.setListener(new ZwpKeyboardShortcutsInhibitorV1.Listener() {
                @Override
                public void active(ZwpKeyboardShortcutsInhibitorV1 self) {
                    events.add("active");
                }

                @Override
                public void inactive(ZwpKeyboardShortcutsInhibitorV1 self) {
                    events.add("inactive");
                }
            });
            c.display.roundtrip();
            assertEquals(List.of("active"), events); // it has the keyboard focus
            w.toplevel().setListener(closeRecorder(events, "viewer closed"));
            seat.skipAll();
            altF4(ip);
            seat.await("keyboard.key 62 1");
            seat.await("keyboard.key 62 0");

            TestClient.Window other = c.window(c.new ShmBuffer(100, 100, 0xffff0000), "other"); // takes the focus
            other.toplevel().setListener(closeRecorder(events, "other closed"));
            c.display.roundtrip();
            assertEquals(List.of("active", "inactive"), events);
            seat.skipAll();
            altF4(ip); // no inhibitor here: the binding closes the window, and the keys reach nobody
            awaitEvents(c, events, 3, 5000);
            assertEquals(List.of("active", "inactive", "other closed"), events);
            assertFalse(seat.pending().stream().anyMatch(e -> e.startsWith("keyboard.key 62")), seat.pending().toString());
        }
    }

    private static void altF4(InProcessCompositor ip) throws Exception {
        ip.onLoop(() -> {
            var k = ip.compositor.seat().keyboard();
            k.key(56, true, 1);  // Alt
            k.key(62, true, 2);  // F4: "close the focused window", ours unless inhibited
            k.key(62, false, 3);
            k.key(56, false, 4);
            return null;
        });
    }

    private static javawc.client.protocol.XdgToplevel.Listener closeRecorder(List<String> events, String what) {
        return new javawc.client.protocol.XdgToplevel.Listener() {
            @Override
            public void close(javawc.client.protocol.XdgToplevel self) {
                events.add(what);
            }
        };
    }
}
