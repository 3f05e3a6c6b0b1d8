package javawc.compositor;

import javawc.clients.DemoPopup;
import javawc.clients.DemoShm;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Our demo clients draw known colours at known places; the screenshot has them there. */
@ParameterizedClass(name = "{0} renderer")
@ValueSource(strings = {"software", "gles"})
class DemoClientsIntegrationTest {
    /** Every test runs with both renderers; gles fails (never skips) when EGL cannot start. */
    @Parameter
    String renderer;

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

    /** Runs a demo client's main in its own JVM until {@code line} appears on its stdout. */
    private Process launch(Class<?> main, String line, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("javawc-demo", ".out");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("XDG_RUNTIME_DIR", compositor.runtimeDir.toString());
        pb.environment().put("WAYLAND_DISPLAY", compositor.display);
        Process p = pb.start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!Files.readString(out).contains(line)) {
            assertTrue(p.isAlive(), () -> main.getSimpleName() + " exited: " + readQuietly(out));
            assertTrue(System.currentTimeMillis() < deadline, () -> main.getSimpleName() + " never printed " + line);
            Thread.sleep(50);
        }
        Files.delete(out);
        return p;
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static void end(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
    }

    @Test
    void demoShmQuadrantsAndBand() throws Exception {
        Process p = launch(DemoShm.class, "demo-shm: frame 60");
        try {
            Screenshot s = Screenshot.take(compositor, shot);
            int x = (1280 - 320) / 2, y = (720 - 240) / 2; // centred, 320x240; quadrants in the top 180 rows
            assertEquals(0xff0000, s.rgb(x + 80, y + 45), "top-left red");
            assertEquals(0x00ff00, s.rgb(x + 240, y + 45), "top-right green");
            assertEquals(0x0000ff, s.rgb(x + 80, y + 135), "bottom-left blue");
            assertEquals(0xffffff, s.rgb(x + 240, y + 135), "bottom-right white");
            int band = 0;
            for (int i = x; i < x + 320; i++) {
                int px = s.rgb(i, y + 210);
                assertTrue(px == 0x202020 || px == 0xffff00, "band or bar at " + i + ": " + Integer.toHexString(px));
                if (px == 0xffff00) band++;
            }
            assertEquals(16, band, "one 16-pixel bar in the band");
        } finally {
            end(p);
        }
        assertFalse(compositor.stderr().contains("protocol error"), compositor.stderr());
    }

    @Test
    void demoPopupSubsurfaceAndPopup() throws Exception {
        Process p = launch(DemoPopup.class, "demo-popup: mapped");
        try {
            Thread.sleep(100);
            Screenshot s = Screenshot.take(compositor, shot);
            int x = (1280 - 400) / 2, y = (720 - 300) / 2;
            assertEquals(0x008080, s.rgb(x + 200, y + 150), "teal toplevel");
            assertEquals(0xff00ff, s.rgb(x + 20, y + 20), "magenta subsurface at (20,20)");
            assertEquals(0xff00ff, s.rgb(x + 119, y + 99));
            assertEquals(0x008080, s.rgb(x + 120, y + 100));
            // the popup: anchor rect (300,200,1,1), anchor and gravity bottom-right: its corner at (301,201)
            assertEquals(0xff8000, s.rgb(x + 301, y + 201), "orange popup");
            assertEquals(0xff8000, s.rgb(x + 301 + 119, y + 201 + 59));
            assertEquals(0x008080, s.rgb(x + 300, y + 200));
        } finally {
            end(p);
        }
    }
}
