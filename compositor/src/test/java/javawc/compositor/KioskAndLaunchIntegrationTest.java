package javawc.compositor;

import javawc.client.protocol.XdgToplevel;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static javawc.compositor.WindowBindingsIntegrationTest.*;
import static org.junit.jupiter.api.Assertions.*;

/** --kiosk, and the terminal binding, each on a compositor of its own. */
class KioskAndLaunchIntegrationTest {
    private static final int KEY_ENTER = 28, KEY_M = 50, KEY_H = 35;
    private static final int BLUE = 0xff0000ff;

    @Test
    void kioskMakesEveryToplevelFullscreenOnTheOutputAndCentresDialogs() throws Exception {
        int fullscreen = XdgToplevel.State.FULLSCREEN, activated = XdgToplevel.State.ACTIVATED;
        try (CompositorProcess kiosk = CompositorProcess.startWithControl("--backend", "headless", "--width", "800", "--height", "600", "--kiosk");
             ControlClient control = kiosk.control();
             TestClient c = new TestClient(kiosk); TestClient.ShmBuffer blue = c.new ShmBuffer(200, 100, BLUE)) {
            SeatEvents seat = new SeatEvents(c);
            Recorded first = window(c, blue, "kiosk.first");
            assertEquals("configure 800 600 [" + fullscreen + "]", first.events().get(1), "fullscreen from the first configure: " + first.events());
            assertEquals("caps []", first.events().getFirst(), "nothing to offer: the state cannot change");
            assertEquals("800 600 [" + fullscreen + "," + activated + "]", first.lastConfigure());
            Recorded second = window(c, blue, "kiosk.second");
            assertEquals("configure 800 600 [" + fullscreen + "]", second.events().get(1));
            seat.await("keyboard.enter " + second.id() + " []");
            assertEquals(List.of("first", "second*"), stack(control, "kiosk."), "the new window on top, focused");
            assertTrue(control.send("list-windows").contains("window kiosk.second 0 0 200 100 focused kiosk.second"), control.send("list-windows").toString());

            second.window().toplevel().unsetFullscreen();
            second.window().toplevel().setMaximized();
            second.window().toplevel().setMinimized();
            chord(control, KEY_LEFTMETA, KEY_M);
            chord(control, KEY_LEFTMETA, KEY_H);
            c.display.roundtrip();
            assertEquals("800 600 [" + fullscreen + "," + activated + "]", second.lastConfigure(), "still fullscreen: " + second.events());
            assertEquals(List.of("first", "second*"), stack(control, "kiosk."), "not minimized");

            Recorded dialog = window(c, blue, "kiosk.dialog", t -> t.setParent(second.window().toplevel()));
            assertEquals("configure 0 0 []", dialog.events().get(1), "a dialog keeps its own size: " + dialog.events());
            assertTrue(control.send("list-windows").contains("window kiosk.dialog 300 250 200 100 focused kiosk.dialog"), control.send("list-windows").toString());

            chord(control, KEY_LEFTALT, KEY_TAB);
            assertEquals(List.of("first", "dialog", "second*"), stack(control, "kiosk."), "cycling works in kiosk mode");
            chord(control, KEY_LEFTMETA, KEY_LEFTSHIFT, KEY_Q);
            c.display.roundtrip();
            assertTrue(second.events().contains("close"), "closing works in kiosk mode: " + second.events());
        }
    }

    @Test
    void superReturnStartsTerminalWithTheCompositorsDisplay() throws Exception {
        Path dir = CompositorProcess.privateRuntimeDir();
        Path script = dir.resolve("fake-terminal"), ran = dir.resolve("ran");
        Files.writeString(script, "#!/bin/sh\necho \"$WAYLAND_DISPLAY $1\" > " + ran + ".tmp && mv " + ran + ".tmp " + ran + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        try (CompositorProcess compositor = CompositorProcess.startWithControl(Map.of("TERMINAL", script + " --flag"), "--backend", "headless");
             ControlClient control = compositor.control();
             TestClient c = new TestClient(compositor); TestClient.ShmBuffer blue = c.new ShmBuffer(100, 100, BLUE)) {
            SeatEvents seat = new SeatEvents(c);
            Recorded w = window(c, blue, "launch.focused");
            seat.await("keyboard.enter " + w.id() + " []");
            chord(control, KEY_LEFTMETA, KEY_ENTER);
            long deadline = System.currentTimeMillis() + 10_000;
            while (!Files.exists(ran) && System.currentTimeMillis() < deadline) Thread.sleep(20);
            assertTrue(Files.exists(ran), "the terminal did not run; log: " + compositor.stderr());
            assertEquals(compositor.display + " --flag\n", Files.readString(ran), "WAYLAND_DISPLAY set, $TERMINAL's words as arguments");
            assertKeyNeverSent(seat, KEY_ENTER);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
