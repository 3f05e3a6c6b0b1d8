package javawc.clients;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The demo clients against Debian's weston, headless with its pixman renderer, until our own
 * compositor has surfaces and shm. Weston runs with --debug only so that weston-screenshooter
 * may take screenshots, which show whether the pixels reached the screen exactly.
 */
class DemoClientsAgainstWestonTest {
    private static final Path WESTON = Path.of("/usr/bin/weston"), SCREENSHOOTER = Path.of("/usr/bin/weston-screenshooter");
    private static final String SOCKET = "javawc-demo";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static Path runtimeDir;
    private static Process weston;

    @BeforeAll
    static void startWeston() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(WESTON), "weston is not installed (/usr/bin/weston): apt-get install weston");
        runtimeDir = Files.createTempDirectory("javawc-weston", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        ProcessBuilder pb = new ProcessBuilder(WESTON.toString(), "--backend=headless-backend.so", "--use-pixman", "--socket=" + SOCKET,
                "--width=1280", "--height=720", "--idle-time=0", "--debug")
                .redirectErrorStream(true).redirectOutput(runtimeDir.resolve("weston.log").toFile());
        pb.environment().put("XDG_RUNTIME_DIR", runtimeDir.toString());
        pb.environment().remove("WAYLAND_DISPLAY"); // else weston would nest in the caller's session
        pb.environment().remove("DISPLAY");
        weston = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(runtimeDir.resolve(SOCKET))) {
            if (!weston.isAlive() || System.nanoTime() > deadline) fail("weston did not start:\n" + westonLog());
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stopWeston() throws Exception {
        if (weston != null) {
            weston.destroy();
            if (!weston.waitFor(15, TimeUnit.SECONDS)) weston.destroyForcibly().waitFor();
        }
        if (runtimeDir != null) {
            try (Stream<Path> files = Files.walk(runtimeDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static String westonLog() throws IOException {
        return Files.readString(runtimeDir.resolve("weston.log"));
    }

    private static ClientProcess run(Class<?> main, String... args) throws IOException {
        return ClientProcess.start(Map.of("XDG_RUNTIME_DIR", runtimeDir.toString(), "WAYLAND_DISPLAY", SOCKET), main, args);
    }

    @Test
    void demoShmDraws30FramesAndExits() throws Exception {
        try (ClientProcess shm = run(DemoShm.class, "--frames", "30")) {
            assertEquals(0, shm.exitCode(TIMEOUT), shm.describe());
            assertEquals(List.of("demo-shm: done 30 frames"), shm.lines(), shm.describe());
        }
    }

    @Test
    void demoShmReportsEvery60FramesAndHonoursItsOptions() throws Exception {
        try (ClientProcess shm = run(DemoShm.class, "--frames", "121", "--width", "200", "--height", "100", "--title", "t", "--app-id", "a")) {
            assertEquals(0, shm.exitCode(TIMEOUT), shm.describe());
            assertEquals(List.of("demo-shm: frame 60", "demo-shm: frame 120", "demo-shm: done 121 frames"), shm.lines(), shm.describe());
        }
    }

    @Test
    void demoPopupMapsItsThreeSurfacesAndExits() throws Exception {
        try (ClientProcess popup = run(DemoPopup.class, "--frames", "10")) {
            assertEquals(0, popup.exitCode(TIMEOUT), popup.describe());
            assertEquals(List.of("demo-popup: mapped"), popup.lines(), popup.describe());
        }
    }

    @Test
    void demoDmabufSaysWhatIsMissingWhenTheCompositorHasNoLinuxDmabuf() throws Exception {
        try (ClientProcess dmabuf = run(DemoDmabuf.class, "--frames", "10")) { // pixman: weston offers no linux-dmabuf
            assertEquals(DemoDmabuf.EXIT_UNSUPPORTED, dmabuf.exitCode(TIMEOUT), dmabuf.describe());
            assertTrue(dmabuf.describe().contains("does not advertise zwp_linux_dmabuf_v1"), dmabuf.describe());
            assertEquals(List.of(), dmabuf.lines(), dmabuf.describe());
        }
    }

    @Test
    void aBadOptionIsAUsageError() throws Exception {
        try (ClientProcess shm = run(DemoShm.class, "--frames", "many")) {
            assertEquals(2, shm.exitCode(TIMEOUT), shm.describe());
            assertTrue(shm.describe().contains("usage: demo-shm"), shm.describe());
        }
    }

    /** Counts of each exact colour in a screenshot of the whole output. */
    private static Map<Integer, Integer> screenshotColours() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(SCREENSHOOTER), "weston-screenshooter is not installed");
        Path dir = Files.createTempDirectory(runtimeDir, "shot");
        ProcessBuilder pb = new ProcessBuilder(SCREENSHOOTER.toString()).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log").toFile());
        pb.environment().putAll(Map.of("XDG_RUNTIME_DIR", runtimeDir.toString(), "WAYLAND_DISPLAY", SOCKET));
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "weston-screenshooter: " + Files.readString(dir.resolve("log")));
        Path png;
        try (Stream<Path> files = Files.list(dir)) {
            png = files.filter(f -> f.toString().endsWith(".png")).findFirst().orElseThrow();
        }
        BufferedImage image = ImageIO.read(png.toFile());
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) counts.merge(image.getRGB(x, y) | 0xff000000, 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void demoShmPixelsReachTheScreenAndSigtermStillReports() throws Exception {
        try (ClientProcess shm = run(DemoShm.class)) {
            assertTrue(shm.awaitLine("demo-shm: frame 60", TIMEOUT), shm.describe());
            Map<Integer, Integer> colours = screenshotColours();
            // 320x240: quadrants of 160x90, a 16x60 bar; white may also be in weston's panel text
            assertEquals(160 * 90, colours.get(ShmDemoPattern.RED), colours.toString());
            assertEquals(160 * 90, colours.get(ShmDemoPattern.GREEN));
            assertEquals(160 * 90, colours.get(ShmDemoPattern.BLUE));
            assertTrue(colours.get(ShmDemoPattern.WHITE) >= 160 * 90);
            assertEquals(16 * 60, colours.get(ShmDemoPattern.BAR));
            shm.process.destroy(); // SIGTERM: "until killed" ends with the report too
            assertEquals(143, shm.exitCode(TIMEOUT), shm.describe());
            assertTrue(shm.lines().getLast().matches("demo-shm: done \\d+ frames"), shm.describe());
        }
    }

    @Test
    void demoPopupPixelsReachTheScreen() throws Exception {
        try (ClientProcess popup = run(DemoPopup.class, "--seconds", "50")) {
            assertTrue(popup.awaitLine("demo-popup: mapped", TIMEOUT), popup.describe());
            Map<Integer, Integer> colours = screenshotColours();
            assertEquals(100 * 80, colours.get(DemoPopup.MAGENTA), colours.toString());
            assertEquals(120 * 60, colours.get(DemoPopup.ORANGE));
            // the popup hides part of the teal: 99x60 where nothing moved it, up to all of it if the output's edge did
            int teal = colours.get(DemoPopup.TEAL);
            assertTrue(teal >= 400 * 300 - 100 * 80 - 120 * 60 && teal <= 400 * 300 - 100 * 80 - 99 * 60, "teal " + teal);
        }
    }
}
