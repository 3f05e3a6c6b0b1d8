package javawc.compositor;

import javawc.clients.InputProbe;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Our InputProbe with --lock-pointer, a separate process as a game would be: its persistent
 * lock becomes active once the pointer is over its focused window; then the pointer stays put
 * (no wl_pointer.motion) while the device motion arrives as relative motion; a second window
 * taking the focus unlocks it, and closing that window locks it again.
 */
class PointerLockIntegrationTest {
    @Test
    void inputProbeLocksThePointerAndGetsRelativeMotion() throws Exception {
        Path out = Files.createTempFile("javawc-lock", ".out"), other = Files.createTempFile("javawc-lock-other", ".out");
        try (CompositorProcess compositor = CompositorProcess.startWithControl("--backend", "headless");
             ControlClient control = compositor.control()) {
            Process probe = start(compositor, out, "--lock-pointer");
            Process second = null;
            try {
                await(out, probe, "mapped");
                control.ok("pointer-motion 640 360"); // over the 320x240 window centred on the 1280x720 output
                await(out, probe, "pointer locked");
                int before = Files.readAllLines(out).size();
                control.ok("pointer-motion-relative 10 5", "pointer-motion-relative -3 0");
                await(out, probe, "pointer relative -3.0 0.0");
                List<String> after = Files.readAllLines(out).subList(before, Files.readAllLines(out).size());
                assertEquals(List.of("pointer relative 10.0 5.0", "pointer relative -3.0 0.0"), after);
                assertTrue(control.send("list-windows").toString().contains("javawc.input-probe"));

                second = start(compositor, other, "--app-id", "javawc.second");
                await(other, second, "enter []"); // the new window has the keyboard
                await(out, probe, "pointer unlocked");
                second.destroy();
                second.waitFor(10, TimeUnit.SECONDS);
                await(out, probe, "enter []"); // the focus comes back ...
                long locks = 0, deadline = System.currentTimeMillis() + 30_000;
                while ((locks = Files.readAllLines(out).stream().filter("pointer locked"::equals).count()) < 2 && System.currentTimeMillis() < deadline) Thread.sleep(50);
                assertEquals(2, locks, "... and the persistent lock with it: " + Files.readAllLines(out));
            } finally {
                for (Process p : new Process[] {probe, second}) {
                    if (p == null) continue;
                    p.destroy();
                    if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
                }
            }
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(other);
        }
    }

    private static Process start(CompositorProcess compositor, Path out, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), InputProbe.class.getName(), "--seconds", "60"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("XDG_RUNTIME_DIR", compositor.runtimeDir.toString());
        pb.environment().put("WAYLAND_DISPLAY", compositor.display);
        return pb.start();
    }

    private static void await(Path out, Process p, String line) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!Files.readAllLines(out).contains(line)) {
            assertTrue(p.isAlive(), () -> "InputProbe exited before '" + line + "'");
            assertTrue(System.currentTimeMillis() < deadline, () -> "InputProbe never printed '" + line + "': " + readLines(out));
            Thread.sleep(50);
        }
    }

    private static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (java.io.IOException e) {
            return List.of("(" + e.getMessage() + ")");
        }
    }
}
