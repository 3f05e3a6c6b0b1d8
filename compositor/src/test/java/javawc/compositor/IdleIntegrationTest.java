package javawc.compositor;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Debian's swayidle (1.8, ext-idle-notify-v1) against the compositor: its timeout command runs
 * once the seat has had no input for a second, its resume command at the next input, and the
 * timeout again after another quiet second.
 */
class IdleIntegrationTest {
    @Test
    void swayidleRunsItsTimeoutAndResumeCommandsAsInputStopsAndComes() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/swayidle")), "swayidle is not installed (scripts/test installs it)");
        Path dir = Files.createTempDirectory("javawc-idle");
        Path events = dir.resolve("events"), log = dir.resolve("swayidle.log");
        try (CompositorProcess compositor = CompositorProcess.startWithControl("--backend", "headless");
             ControlClient control = compositor.control()) {
            ProcessBuilder pb = new ProcessBuilder("swayidle", "-w", "timeout", "1", "echo idle >> '" + events + "'", "resume", "echo resume >> '" + events + "'")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("XDG_RUNTIME_DIR", compositor.runtimeDir.toString());
            pb.environment().put("WAYLAND_DISPLAY", compositor.display);
            Process swayidle = pb.start();
            try {
                await(events, List.of("idle"), swayidle, log);
                control.ok("pointer-motion-relative 5 5");
                await(events, List.of("idle", "resume"), swayidle, log);
                await(events, List.of("idle", "resume", "idle"), swayidle, log);
                assertFalse(compositor.stderr().contains("protocol error"), compositor.stderr());
            } finally {
                swayidle.destroy();
                if (!swayidle.waitFor(5, TimeUnit.SECONDS)) swayidle.destroyForcibly().waitFor();
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void await(Path events, List<String> expected, Process swayidle, Path log) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        List<String> lines = List.of();
        while (System.currentTimeMillis() < deadline) {
            lines = Files.exists(events) ? Files.readAllLines(events) : List.of();
            if (lines.size() >= expected.size()) break;
            assertTrue(swayidle.isAlive(), () -> "swayidle ended: " + read(log));
            Thread.sleep(50);
        }
        assertEquals(expected, lines, () -> "swayidle: " + read(log));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "(" + p + ": " + e.getMessage() + ")";
        }
    }
}
