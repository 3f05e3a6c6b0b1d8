package javawc.compositor;

import javawc.client.protocol.WlSurface;
import javawc.client.protocol.XdgSurface;
import javawc.client.protocol.XdgToplevel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The window key bindings, pressed through the control channel (the real keyboard path): each
 * does its action on the focused window, and neither the press nor the release of the bound
 * key reaches the client (the modifiers' own keys do, as with any compositor).
 */
class WindowBindingsIntegrationTest extends ControlledCompositorTest {
    static final int KEY_LEFTSHIFT = 42, KEY_LEFTALT = 56, KEY_LEFTMETA = 125, KEY_TAB = 15, KEY_Q = 16, KEY_M = 50, KEY_F = 33, KEY_H = 35;
    static final int W = 1280, H = 720; // the shared headless output
    private static final int RED = 0xffff0000;

    /** A mapped toplevel whose events (from the first configure on) are written down: "configure W H [STATES]", "close", "caps [..]". */
    record Recorded(TestClient.Window window, List<String> events) {
        int id() {
            return window.surface().id();
        }

        /** The last configure, as "W H [STATES]". */
        String lastConfigure() {
            for (int i = events.size() - 1; i >= 0; i--) if (events.get(i).startsWith("configure ")) return events.get(i).substring(10);
            throw new AssertionError("no configure: " + events);
        }
    }

    /** A toplevel with app_id and title {@code name}, its configures acked; mapped with {@code content} unless null. */
    static Recorded window(TestClient c, TestClient.ShmBuffer content, String name, java.util.function.Consumer<XdgToplevel> beforeCommit) throws IOException {
        List<String> events = new ArrayList<>();
        WlSurface s = c.compositor.createSurface();
        XdgSurface xdg = c.wmBase.getXdgSurface(s);
        int[] configured = {0};
        xdg.setListener(new XdgSurface.Listener() {
            @Override
            public void configure(XdgSurface self, int serial) {
                self.ackConfigure(serial);
                configured[0]++;
            }
        });
        XdgToplevel t = xdg.getToplevel();
        t.setListener(new XdgToplevel.Listener() {
            @Override
            public void configure(XdgToplevel self, int width, int height, java.nio.ByteBuffer states) {
                List<Integer> list = new ArrayList<>();
                while (states.remaining() >= 4) list.add(states.getInt());
                events.add("configure " + width + " " + height + " " + list.toString().replace(", ", ","));
            }

            @Override
            public void close(XdgToplevel self) {
                events.add("close");
            }

            @Override
            public void wmCapabilities(XdgToplevel self, java.nio.ByteBuffer caps) {
                List<Integer> list = new ArrayList<>();
                while (caps.remaining() >= 4) list.add(caps.getInt());
                events.add("caps " + list.toString().replace(", ", ","));
            }
        });
        t.setTitle(name);
        t.setAppId(name);
        if (beforeCommit != null) beforeCommit.accept(t);
        s.commit();
        while (configured[0] == 0) c.display.dispatch();
        if (content != null) {
            s.attach(content.buffer, 0, 0);
            s.damageBuffer(0, 0, content.width, content.height);
            s.commit();
        }
        c.display.roundtrip();
        return new Recorded(new TestClient.Window(s, xdg, t), events);
    }

    static Recorded window(TestClient c, TestClient.ShmBuffer content, String name) throws IOException {
        return window(c, content, name, null);
    }

    /** Presses the keys in order, then releases them in reverse order. */
    static void chord(ControlClient control, int... keys) throws IOException {
        for (int k : keys) control.ok("key " + k + " press");
        for (int i = keys.length - 1; i >= 0; i--) control.ok("key " + keys[i] + " release");
    }

    /**
     * The shown windows' app_ids, bottom to top, with "*" after the focused one; only those
     * starting with {@code prefix} (an earlier test's client may not be gone yet).
     */
    static List<String> stack(ControlClient control, String prefix) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : control.send("list-windows")) {
            if (!line.startsWith("window ")) continue;
            String[] f = line.split(" ");
            if (f[1].startsWith(prefix)) ids.add(f[1].substring(prefix.length()) + (f[6].equals("focused") ? "*" : ""));
        }
        return ids;
    }

    static void assertKeyNeverSent(SeatEvents seat, int key) throws IOException {
        List<String> all = new ArrayList<>(seat.events);
        all.addAll(seat.pending());
        assertFalse(all.stream().anyMatch(e -> e.startsWith("keyboard.key " + key + " ")), "key " + key + " reached the client: " + all);
    }

    @Test
    void superShiftQAsksTheFocusedWindowToClose() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(100, 100, RED)) {
            SeatEvents seat = new SeatEvents(c);
            Recorded a = window(c, red, "test.close-a"), b = window(c, red, "test.close-b");
            seat.await("keyboard.enter " + b.id() + " []");
            chord(control, KEY_LEFTMETA, KEY_LEFTSHIFT, KEY_Q);
            c.display.roundtrip();
            assertTrue(b.events().contains("close"), b.events().toString());
            assertFalse(a.events().contains("close"), "only the focused window: " + a.events());
            seat.await("keyboard.key " + KEY_LEFTMETA + " 0"); // the modifiers themselves are the client's
            assertKeyNeverSent(seat, KEY_Q);
            assertEquals(List.of("a", "b*"), stack(control, "test.close-"), "close asks; the client decides");
        }
    }

    @Test
    void altTabFocusesAndRaisesTheWindowsInFocusOrderWhileAltIsHeld() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(100, 100, RED)) {
            SeatEvents seat = new SeatEvents(c);
            Recorded a = window(c, red, "tab.a"), b = window(c, red, "tab.b"), cc = window(c, red, "tab.c");
            seat.await("keyboard.enter " + cc.id() + " []");
            assertEquals(List.of("a", "b", "c*"), stack(control, "tab."));
            control.ok("key " + KEY_LEFTALT + " press");
            chord(control, KEY_TAB);
            c.display.roundtrip();
            assertEquals(List.of("a", "c", "b*"), stack(control, "tab."), "the one focused before comes up");
            seat.await("keyboard.enter " + b.id() + " [" + KEY_LEFTALT + "]");
            assertTrue(b.lastConfigure().endsWith("[" + XdgToplevel.State.ACTIVATED + "]"), b.events().toString());
            assertEquals("0 0 []", cc.lastConfigure(), "c is no longer activated");
            chord(control, KEY_TAB); // Alt still held: on to the next in the order the round began with
            assertEquals(List.of("b", "c", "a*"), stack(control, "tab."));
            seat.await("keyboard.enter " + a.id() + " [" + KEY_LEFTALT + "]");
            control.ok("key " + KEY_LEFTALT + " release");
            chord(control, KEY_LEFTALT, KEY_TAB); // a new round, from the order a, c, b
            assertEquals(List.of("b", "a", "c*"), stack(control, "tab."));
            assertKeyNeverSent(seat, KEY_TAB);
        }
    }

    @Test
    void superMAndSuperFToggleMaximizedAndFullscreen() throws Exception {
        int maximized = XdgToplevel.State.MAXIMIZED, fullscreen = XdgToplevel.State.FULLSCREEN, activated = XdgToplevel.State.ACTIVATED;
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(100, 100, RED)) {
            SeatEvents seat = new SeatEvents(c);
            Recorded w = window(c, red, "test.toggle");
            seat.await("keyboard.enter " + w.id() + " []");
            chord(control, KEY_LEFTMETA, KEY_M);
            c.display.roundtrip();
            assertEquals(W + " " + H + " [" + maximized + "," + activated + "]", w.lastConfigure());
            assertEquals(List.of("*"), stack(control, "test.toggle"));
            assertTrue(control.send("list-windows").getFirst().startsWith("window test.toggle 0 0 "), "at the output's origin");
            chord(control, KEY_LEFTMETA, KEY_M);
            c.display.roundtrip();
            assertEquals("0 0 [" + activated + "]", w.lastConfigure(), "back to the size it chooses");
            chord(control, KEY_LEFTMETA, KEY_F);
            c.display.roundtrip();
            assertEquals(W + " " + H + " [" + fullscreen + "," + activated + "]", w.lastConfigure());
            chord(control, KEY_LEFTMETA, KEY_F);
            c.display.roundtrip();
            assertEquals("0 0 [" + activated + "]", w.lastConfigure());
            assertKeyNeverSent(seat, KEY_M);
            assertKeyNeverSent(seat, KEY_F);
        }
    }

    @Test
    void setFullscreenOnAnOutputFillsThatOutput() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(100, 100, RED)) {
            Recorded w = window(c, red, "test.fs-output");
            control.ok("place test.fs-output 300 200");
            w.window().toplevel().setFullscreen(c.output);
            c.display.roundtrip();
            assertEquals(W + " " + H + " [" + XdgToplevel.State.FULLSCREEN + "," + XdgToplevel.State.ACTIVATED + "]", w.lastConfigure());
            assertTrue(control.send("list-windows").getFirst().startsWith("window test.fs-output 0 0 "), control.send("list-windows").toString());
            w.window().toplevel().unsetFullscreen();
            c.display.roundtrip();
            assertTrue(control.send("list-windows").getFirst().startsWith("window test.fs-output 300 200 "), "back where it was");
        }
    }

    @Test
    void superHMinimizesAndCyclingRestores() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(100, 100, RED)) {
            SeatEvents seat = new SeatEvents(c);
            Recorded a = window(c, red, "test.min-a"), b = window(c, red, "test.min-b");
            assertTrue(b.events().contains("caps [" + XdgToplevel.WmCapabilities.MAXIMIZE + "," + XdgToplevel.WmCapabilities.FULLSCREEN + ","
                    + XdgToplevel.WmCapabilities.MINIMIZE + "]"), "minimize is offered: " + b.events());
            seat.await("keyboard.enter " + b.id() + " []");
            chord(control, KEY_LEFTMETA, KEY_H);
            assertEquals(List.of("a*"), stack(control, "test.min-"), "hidden, and the focus on the window left");
            seat.await("keyboard.enter " + a.id() + " [" + KEY_LEFTMETA + "]");
            assertKeyNeverSent(seat, KEY_H);
            chord(control, KEY_LEFTALT, KEY_TAB);
            assertEquals(List.of("a", "b*"), stack(control, "test.min-"), "cycled to: shown, raised, focused");
            seat.await("keyboard.enter " + b.id() + " [" + KEY_LEFTALT + "]");

            b.window().toplevel().setMinimized(); // the client's own minimize button
            c.display.roundtrip();
            assertEquals(List.of("a*"), stack(control, "test.min-"));
            seat.await("keyboard.enter " + a.id() + " []");
        }
    }

    @Test
    void aMinimizedWindowPassedOverByTheCycleStaysMinimized() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(100, 100, RED)) {
            Recorded a = window(c, red, "pass.a"), b = window(c, red, "pass.b"), m = window(c, red, "pass.m");
            m.window().toplevel().setMinimized();
            c.display.roundtrip();
            assertEquals(List.of("a", "b*"), stack(control, "pass."));
            control.ok("key " + KEY_LEFTALT + " press");
            chord(control, KEY_TAB);
            assertEquals(List.of("b", "a*"), stack(control, "pass."));
            chord(control, KEY_TAB);
            assertEquals(List.of("a", "b", "m*"), stack(control, "pass."), "the minimized window is last in the order, and shown when reached");
            chord(control, KEY_TAB);
            assertEquals(List.of("a", "b*"), stack(control, "pass."), "passed over: minimized again");
            control.ok("key " + KEY_LEFTALT + " release");
            assertTrue(a.events().size() > 0 && m.events().size() > 0);
        }
    }
}
