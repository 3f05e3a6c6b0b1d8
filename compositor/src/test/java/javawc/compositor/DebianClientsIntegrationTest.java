package javawc.compositor;

import javawc.compositor.render.software.SoftwareRenderer;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Debian's demo clients against the real compositor, one at a time (so each window is
 * centred): they run without protocol errors and their pixels are in the screenshot.
 */
@ParameterizedClass(name = "{0} renderer")
@ValueSource(strings = {"software", "gles"})
class DebianClientsIntegrationTest {
    /** Every test runs with both renderers; gles fails (never skips) when EGL cannot start. */
    @Parameter
    String renderer;

    private static final int BG = SoftwareRenderer.BACKGROUND & 0xffffff;
    private static CompositorProcess compositor;
    private static Path shot;

    @BeforeParameterizedClassInvocation
    static void start(String renderer) throws Exception {
        compositor = CompositorProcess.startWithScreenshots("--backend", "headless", "--renderer", renderer);
        shot = compositor.screenshotPath();
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        compositor.close();
    }

    /** Runs {@code command} for a while, screenshots it, and checks it was still running (no protocol error). */
    private Screenshot runAndShoot(Map<String, String> env, String... command) throws Exception {
        Path log = java.nio.file.Files.createTempFile("javawc-client", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("XDG_RUNTIME_DIR", compositor.runtimeDir.toString());
        pb.environment().put("WAYLAND_DISPLAY", compositor.display);
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            Thread.sleep(2500);
            assertTrue(p.isAlive(), () -> command[0] + " exited early, exit code " + p.exitValue());
            return Screenshot.take(compositor, shot);
        } finally {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
            String output = java.nio.file.Files.readString(log);
            java.nio.file.Files.delete(log);
            assertFalse(output.contains("error"), command[0] + " printed: " + output);
            assertFalse(compositor.stderr().contains("protocol error"), compositor.stderr());
            Thread.sleep(200); // its window is gone before the next client maps
        }
    }

    @Test
    void westonSimpleShm() throws Exception {
        Screenshot s = runAndShoot(Map.of(), "weston-simple-shm");
        // a 250x250 window, centred; simple-shm leaves a white 20-pixel frame around its pattern
        int x = (1280 - 250) / 2, y = (720 - 250) / 2;
        assertEquals(0xffffff, s.rgb(x + 2, y + 2));
        assertEquals(0xffffff, s.rgb(x + 247, y + 247));
        assertEquals(BG, s.rgb(x - 2, y - 2), "nothing outside the window");
        assertTrue(s.countNot(x + 20, y + 20, 210, 210, 0xffffff) > 20000, "the animated pattern is drawn");
    }

    @Test
    void westonSimpleEglOnMesaSoftware() throws Exception {
        Screenshot s = runAndShoot(Map.of("LIBGL_ALWAYS_SOFTWARE", "1"), "weston-simple-egl");
        int x = (1280 - 250) / 2, y = (720 - 250) / 2;
        // its translucent black background darkens what is behind it: blending happened
        int corner = s.rgb(x + 5, y + 5);
        assertTrue((corner & 0xff) < (BG & 0xff) && corner != 0, "blended background: " + Integer.toHexString(corner));
        assertEquals(BG, s.rgb(x - 2, y - 2));
        int coloured = 0;
        for (int j = y; j < y + 250; j++) for (int i = x; i < x + 250; i++) {
            int p = s.rgb(i, j);
            if (Math.max(p >> 16 & 0xff, Math.max(p >> 8 & 0xff, p & 0xff)) > 0x80) coloured++;
        }
        assertTrue(coloured > 100, "the triangle's colours are there: " + coloured);
    }

    @Test
    void westonSimpleDamage() throws Exception {
        Screenshot s = runAndShoot(Map.of(), "weston-simple-damage");
        assertTrue(s.countNot(0, 0, 1280, 720, BG) > 10_000, "its window is drawn");
    }

    @Test
    void westonFlower() throws Exception {
        Screenshot s = runAndShoot(Map.of(), "weston-flower");
        int x = (1280 - 200) / 2, y = (720 - 200) / 2;
        assertTrue(s.countNot(x, y, 200, 200, BG) > 5_000, "the flower is drawn over the background");
        assertEquals(BG, s.rgb(10, 10));
    }

    @Test
    void westonSubsurfaces() throws Exception {
        Screenshot s = runAndShoot(Map.of("LIBGL_ALWAYS_SOFTWARE", "1"), "weston-subsurfaces");
        // the demo's red subsurface (top right of its window) and green main area
        int red = 0, green = 0;
        for (int j = 0; j < 720; j += 2) for (int i = 0; i < 1280; i += 2) {
            int p = s.rgb(i, j), r = p >> 16 & 0xff, g = p >> 8 & 0xff, b = p & 0xff;
            if (r > 0x80 && g < 0x40 && b < 0x40) red++;
            if (g > 0x80 && r < 0x40 && b < 0x40) green++;
        }
        assertTrue(red > 1000, "red subsurface: " + red);
        assertTrue(green > 5000, "green main surface: " + green);
    }
}
