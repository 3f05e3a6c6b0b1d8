package javawc.compositor;

import javawc.clients.DemoCopy;
import javawc.clients.DemoPaste;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Our clipboard demos against the real compositor: DemoCopy's text reaches DemoPaste (and
 * wl-paste) through the clipboard and through the primary selection, and DemoCopy ends when
 * another client takes the clipboard or after its last paste.
 */
class ClipboardDemoIntegrationTest {
    private static CompositorProcess compositor;

    @BeforeAll
    static void start() throws Exception {
        compositor = CompositorProcess.start("--backend", "headless");
    }

    @AfterAll
    static void stop() throws Exception {
        if (compositor != null) compositor.close();
    }

    @Test
    void demoCopyServesDemoPasteAndWlPasteUntilAnotherCopyCancelsIt() throws Exception {
        Path out = Files.createTempFile("javawc-demo-copy", ".out");
        try {
            Process copy = launch(DemoCopy.class, out, "héllo from demo-copy");
            awaitLine(copy, out, "demo-copy: owned");
            assertEquals("héllo from demo-copy", paste());
            assertEquals("héllo from demo-copy", compositor.run(15, "wl-paste", "--no-newline").output());
            assertEquals(0, compositor.run(15, "wl-copy", "--clear").exitCode()); // data-control clears the clipboard
            assertTrue(copy.waitFor(15, TimeUnit.SECONDS), "DemoCopy exits when cancelled");
            assertEquals(0, copy.exitValue());
            assertEquals(List.of("demo-copy: owned", "demo-copy: pasted 1 (text/plain;charset=utf-8)",
                    "demo-copy: pasted 2 (text/plain;charset=utf-8)", "demo-copy: cancelled"), Files.readAllLines(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Test
    void demoCopyPrimaryServesOnePasteOfThePrimarySelection() throws Exception {
        Path out = Files.createTempFile("javawc-demo-copy", ".out");
        try {
            Process copy = launch(DemoCopy.class, out, "--primary", "--pastes", "1", "selected words");
            awaitLine(copy, out, "demo-copy: owned");
            assertEquals("selected words", paste("--primary"));
            assertTrue(copy.waitFor(15, TimeUnit.SECONDS), "DemoCopy exits after its one paste");
            assertEquals(0, copy.exitValue());
            assertEquals(List.of("demo-copy: owned", "demo-copy: pasted 1 (text/plain;charset=utf-8)"), Files.readAllLines(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Runs DemoPaste to its end; returns its stdout. */
    private static String paste(String... args) throws Exception {
        Path out = Files.createTempFile("javawc-demo-paste", ".out");
        try {
            Process p = launch(DemoPaste.class, out, args);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "DemoPaste did not finish");
            assertEquals(0, p.exitValue(), () -> "DemoPaste: " + readQuietly(out));
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Starts a demo client's main in its own JVM, its stdout going to {@code out}. */
    private static Process launch(Class<?> main, Path out, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("XDG_RUNTIME_DIR", compositor.runtimeDir.toString());
        pb.environment().put("WAYLAND_DISPLAY", compositor.display);
        return pb.start();
    }

    private static void awaitLine(Process p, Path out, String line) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!Files.readAllLines(out).contains(line)) {
            assertTrue(p.isAlive(), () -> "exited before '" + line + "': " + readQuietly(out));
            assertTrue(System.currentTimeMillis() < deadline, () -> "no '" + line + "' in 30 s");
            Thread.sleep(50);
        }
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
