package javawc.compositor;

import javawc.clients.InputProbe;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** InputProbe (what the KMS VM test types and clicks into) gets the focus on map and prints the keys and pointer events it is sent. */
class InputProbeIntegrationTest {
    @Test
    void inputProbePrintsKeysModifiersAndPointerEvents() throws Exception {
        try (CompositorProcess compositor = CompositorProcess.startWithControl("--backend", "headless");
             ControlClient control = compositor.control()) {
            Path out = Files.createTempFile("javawc-inputprobe", ".out");
            ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"), InputProbe.class.getName(), "--seconds", "60")
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().put("XDG_RUNTIME_DIR", compositor.runtimeDir.toString());
            pb.environment().put("WAYLAND_DISPLAY", compositor.display);
            Process p = pb.start();
            try {
                awaitLine(out, p, "enter []");
                control.ok("key 42 press", "key 30 press", "key 30 release", "key 42 release");
                List<String> expected = List.of("enter []", "modifiers 0 0 0 0", "key 42 pressed", "modifiers 1 0 0 0", "key 30 pressed",
                        "key 30 released", "key 42 released", "modifiers 0 0 0 0");
                long deadline = System.currentTimeMillis() + 30_000;
                List<String> lines = Files.readAllLines(out);
                while (lines.size() < lines.indexOf("enter []") + expected.size() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                    lines = Files.readAllLines(out);
                }
                int enter = lines.indexOf("enter []");
                assertEquals(expected, lines.subList(enter, Math.min(lines.size(), enter + expected.size())), lines.toString());
                assertTrue(lines.getFirst().startsWith("keymap "), lines.toString());
                control.ok("pointer-motion 640 360", "pointer-button BTN_LEFT press", "pointer-button BTN_LEFT release");
                awaitLine(out, p, "pointer enter 160.0 120.0"); // the 320x240 window is centred on the 1280x720 output
                awaitLine(out, p, "pointer button 272 pressed");
                awaitLine(out, p, "pointer button 272 released");
            } finally {
                p.destroy();
                if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
                Files.delete(out);
            }
        }
    }

    private static void awaitLine(Path out, Process p, String line) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!Files.readAllLines(out).contains(line)) {
            assertTrue(p.isAlive(), () -> "InputProbe exited before '" + line + "'");
            assertTrue(System.currentTimeMillis() < deadline, () -> "InputProbe never printed '" + line + "'");
            Thread.sleep(50);
        }
    }
}
