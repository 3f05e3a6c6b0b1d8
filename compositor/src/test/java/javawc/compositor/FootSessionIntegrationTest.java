package javawc.compositor;

import com.fasterxml.jackson.databind.JsonNode;
import javawc.compositor.render.software.SoftwareRenderer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A session as a user starts one: {@code scripts/compositor --backend headless -- foot}. Foot's
 * window is on screen, {@code scripts/ctl windows} lists it by its app_id, Super+Shift+Q
 * closes it, and the compositor ends with foot, with foot's status (0: its shell ends cleanly
 * on the signals that closing the window sends it).
 */
class FootSessionIntegrationTest {
    private static final int KEY_LEFTMETA = 125, KEY_LEFTSHIFT = 42, KEY_Q = 16;

    @Test
    void footIsListedClosedByTheBindingAndTheCompositorEndsWithIt() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/foot")), "foot is not installed (scripts/test installs it)");
        Path dir = CompositorProcess.privateRuntimeDir();
        Path shot = dir.resolve("shot.png");
        try (CompositorProcess c = CompositorProcess.start(dir, "--backend", "headless", "--renderer", "software", "--screenshot", shot.toString(),
                "--control-socket", dir.resolve("control").toString(),
                // foot exits with its shell's status; a shell killed by the SIGHUP and SIGTERM a
                // closed window sends would make that non-zero, so this one ends cleanly on them
                "--", "foot", "sh", "-c", "trap 'exit 0' HUP TERM; while :; do sleep 1 & wait; done")) {
            Map<String, String> env = Map.of("XDG_RUNTIME_DIR", dir.toString(), "JAVAWC_SOCK", IpcIntegrationTest.ipcSocket(c).toString());
            JsonNode foot = null;
            for (int i = 0; i < 100 && foot == null; i++) {
                IpcSocketIntegrationTest.Run windows = IpcSocketIntegrationTest.ctl(env, "windows");
                assertEquals(0, windows.exitCode(), windows.stderr());
                for (JsonNode w : IpcIntegrationTest.JSON.readTree(windows.stdout())) {
                    if (w.get("app_id").asText().equals("foot")) foot = w;
                }
                if (foot == null) Thread.sleep(100);
            }
            assertNotNull(foot, "scripts/ctl windows lists foot: " + c.stderr());
            assertTrue(foot.get("focused").asBoolean(), "a new window has the keyboard: " + foot);

            Thread.sleep(500); // foot draws its first frame
            Screenshot s = Screenshot.take(c, shot);
            int x = foot.get("x").asInt(), y = foot.get("y").asInt(), w = foot.get("width").asInt(), h = foot.get("height").asInt();
            int drawn = 0, total = 0;
            for (int py = y + 2; py < y + h - 2; py += 4) {
                for (int px = x + 2; px < x + w - 2; px += 4) {
                    total++;
                    if (s.rgb(px, py) != (SoftwareRenderer.BACKGROUND & 0xffffff)) drawn++;
                }
            }
            assertTrue(total > 0 && drawn > total * 9 / 10, "foot's window is on screen where ctl says: " + drawn + " of " + total + " samples");

            try (ControlClient control = c.control()) {
                control.ok("key " + KEY_LEFTMETA + " press", "key " + KEY_LEFTSHIFT + " press");
                try {
                    control.ok("key " + KEY_Q + " press", "key " + KEY_Q + " release", "key " + KEY_LEFTSHIFT + " release", "key " + KEY_LEFTMETA + " release");
                } catch (java.io.IOException e) {
                    // foot closed at once and the compositor ended with it before answering: what the test waits for below
                }
            }
            assertEquals(0, c.awaitExit(30), "foot closed, and the compositor ended with it: " + c.stderr());
            assertTrue(c.stderr().contains("foot has ended: shutting down with exit status 0"), c.stderr());
            assertFalse(c.stderr().contains("protocol error"), c.stderr());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
