package javawc.compositor;

import javawc.compositor.render.software.SoftwareRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Debian's weston demos for the surface protocols against the real compositor (headless,
 * 60 Hz): weston-presentation-shm's presentation times advance by the refresh period, one
 * sequence step per period, and weston-scaler's viewport-scaled window has the size and
 * colours its help text promises in each mode.
 */
class SurfaceProtocolsIntegrationTest {
    private static final int BG = SoftwareRenderer.BACKGROUND & 0xffffff;
    private static final double PERIOD_US = 1e6 / 60;
    private static CompositorProcess compositor;

    @BeforeAll
    static void start() throws Exception {
        compositor = CompositorProcess.startWithScreenshots("--backend", "headless");
    }

    @AfterAll
    static void stop() throws Exception {
        compositor.close();
    }

    /** Starts {@code command} on the compositor with {@code env}, its output into {@code log}. */
    private static Process launch(Path log, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("XDG_RUNTIME_DIR", compositor.runtimeDir.toString());
        pb.environment().put("WAYLAND_DISPLAY", compositor.display);
        pb.environment().putAll(env);
        return pb.start();
    }

    private static void end(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
        Thread.sleep(200); // its window is gone before the next client maps
    }

    /** The shim weston-presentation-shm needs to run at all (see the C file), compiled with the system's cc. */
    private static Path shim() throws Exception {
        Path dir = Files.createTempDirectory("javawc-shim");
        Path source = dir.resolve("shim.c"), library = dir.resolve("shim.so");
        try (InputStream in = SurfaceProtocolsIntegrationTest.class.getResourceAsStream("/ignore-unhandled-toplevel-events.c")) {
            Files.copy(in, source);
        }
        Process cc = new ProcessBuilder("cc", "-shared", "-fPIC", "-O2", "-o", library.toString(), source.toString(), "-ldl")
                .redirectErrorStream(true).start();
        String out = new String(cc.getInputStream().readAllBytes());
        assertEquals(0, cc.waitFor(), "cc: " + out);
        return library;
    }

    @Test
    void westonPresentationShmSeesTimesAdvanceByTheRefreshPeriod() throws Exception {
        Path log = Files.createTempFile("javawc-presentation", ".log");
        Process p = launch(log, Map.of("LD_PRELOAD", shim().toString()), "weston-presentation-shm");
        try {
            Thread.sleep(3000);
            assertTrue(p.isAlive(), () -> "weston-presentation-shm exited early: " + read(log));
        } finally {
            end(p);
        }
        // "  12: f2c  1 ms, c2p 16 ms, f2p 17 ms, p2p 16666 us, t2p  15723, [____], seq 3500"
        Pattern line = Pattern.compile("p2p\\s+(\\d+) us, t2p\\s+-?\\d+, \\[(.{4})\\], seq (\\d+)");
        List<long[]> frames = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        String output = read(log);
        // whole lines only: the program was stopped, maybe in the middle of writing one
        for (String l : output.substring(0, output.lastIndexOf('\n') + 1).split("\n")) {
            Matcher m = line.matcher(l);
            if (m.find()) {
                frames.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(3))});
                flags.add(m.group(2));
            }
        }
        System.out.println("weston-presentation-shm: " + frames.size() + " presented frames in 3 s");
        assertTrue(frames.size() > 60, "presented frames: " + frames.size() + "\n" + read(log));
        for (int i = 1; i < frames.size(); i++) {
            long p2p = frames.get(i)[0], steps = frames.get(i)[1] - frames.get(i - 1)[1];
            assertTrue(steps >= 1, "the sequence advances: " + frames.get(i - 1)[1] + " then " + frames.get(i)[1]);
            assertEquals(steps * PERIOD_US, p2p, 1.0, "frame " + i + ": presentation to presentation is the refresh period per sequence step");
        }
        long oneStep = frames.stream().skip(1).filter(f -> Math.abs(f[0] - PERIOD_US) <= 1).count();
        assertTrue(oneStep > frames.size() * 0.8, "most frames follow the one before by one period: " + oneStep + " of " + frames.size());
        assertTrue(flags.stream().allMatch("____"::equals), "headless: no vsync, hardware clock or completion, zero copy: " + flags);
        Files.delete(log);
        assertFalse(compositor.stderr().contains("protocol error"), compositor.stderr());
    }

    /** The bounding box of pixels that are not the background: x, y, width, height. */
    private static int[] window(Screenshot s) {
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        for (int y = 0; y < 720; y++) for (int x = 0; x < 1280; x++) {
            if (s.rgb(x, y) == BG) continue;
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
        }
        return maxX < 0 ? new int[4] : new int[] {minX, minY, maxX - minX + 1, maxY - minY + 1};
    }

    private Screenshot scaler(String mode) throws Exception {
        Path log = Files.createTempFile("javawc-scaler", ".log");
        Process p = launch(log, Map.of(), "weston-scaler", mode);
        try {
            Thread.sleep(2500);
            assertTrue(p.isAlive(), () -> "weston-scaler exited early: " + read(log));
            return Screenshot.take(compositor, compositor.screenshotPath());
        } finally {
            end(p);
            Files.delete(log);
        }
    }

    private static boolean close(int rgb, int expected) {
        for (int shift = 0; shift < 24; shift += 8) if (Math.abs((rgb >> shift & 0xff) - (expected >> shift & 0xff)) > 0x30) return false;
        return true;
    }

    @Test
    void westonScalerBothSourceAndDestination() throws Exception {
        Screenshot s = scaler("-b");
        int[] w = window(s);
        assertEquals(220, w[2], "width, as its help says for -b");
        assertEquals(308, w[3], "height");
        int cx = w[0] + w[2] / 2, cy = w[1] + w[3] / 2;
        assertEquals(0x0000ff, s.rgb(cx, cy), "a blue box");
        assertTrue(close(s.rgb(w[0], cy), 0x00ff00), "green left edge: " + Integer.toHexString(s.rgb(w[0], cy)));
        assertTrue(close(s.rgb(w[0] + w[2] - 1, cy), 0xffffff), "white right edge: " + Integer.toHexString(s.rgb(w[0] + w[2] - 1, cy)));
        assertFalse(compositor.stderr().contains("protocol error"), compositor.stderr());
    }

    @Test
    void westonScalerSourceOnlyIsTheSameScaledSmaller() throws Exception {
        Screenshot s = scaler("-s");
        int[] w = window(s);
        assertEquals(55, w[2]);
        assertEquals(77, w[3]);
        assertEquals(0x0000ff, s.rgb(w[0] + w[2] / 2, w[1] + w[3] / 2), "the blue box, cropped");
    }

    @Test
    void westonScalerDestinationOnlySquashesTheWholeBuffer() throws Exception {
        Screenshot s = scaler("-d");
        int[] w = window(s);
        assertEquals(220, w[2]);
        assertEquals(308, w[3]);
        // -n's picture (a red box, a blue box in its upper left part) squashed into 220x308
        assertEquals(0xff0000, s.rgb(w[0] + w[2] - 10, w[1] + w[3] - 10), "red lower right");
        // -n's blue box spans about (22..76, 25..101) of its 421x337 buffer: around (49, 63), squashed to (25, 57)
        assertEquals(0x0000ff, s.rgb(w[0] + 49 * 220 / 421, w[1] + 63 * 308 / 337), "blue upper left");
        assertEquals(0xff0000, s.rgb(w[0] + 100 * 220 / 421, w[1] + 63 * 308 / 337), "red right of it: squashed, the blue box is narrow");
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return "(" + e + ")";
        }
    }
}
