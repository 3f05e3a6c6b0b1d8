package javawc.compositor;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The clipboard and the primary selection between X11 and Wayland, with Debian's wl-clipboard
 * and xclip: a copy on either side is pasted on the other, also 10 MiB of text, which both
 * sides move by INCR (xclip's own chunks one way, ours the other); and killing Xwayland leaves
 * the compositor and its Wayland clients running, the next X client starting a new Xwayland.
 */
class XwaylandClipboardIntegrationTest {
    /** Runs {@code command} with stdin from {@code input} (or none) and stdout to {@code output}, on the compositor's displays. */
    static int shell(CompositorProcess c, Path input, Path output, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("XDG_RUNTIME_DIR", c.runtimeDir.toString());
        pb.environment().put("WAYLAND_DISPLAY", c.display);
        pb.environment().put("DISPLAY", c.xDisplay());
        pb.redirectInput(input != null ? ProcessBuilder.Redirect.from(input.toFile()) : ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path sink = output != null ? output : Files.createTempFile("javawc-out", ".log");
        pb.redirectOutput(sink.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " did not finish in 30 s; log: " + c.stderr());
            }
            return p.exitValue();
        } finally {
            if (output == null) Files.deleteIfExists(sink);
        }
    }

    static String paste(CompositorProcess c, String... command) throws Exception {
        Path out = Files.createTempFile("javawc-paste", ".txt");
        try {
            assertEquals(0, shell(c, null, out, command), String.join(" ", command));
            return Files.readString(out, StandardCharsets.ISO_8859_1);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** xclip -i and wl-copy fork a server of the selection and return; the copy is then the selection. */
    static void copy(CompositorProcess c, String text, String... command) throws Exception {
        Path in = Files.createTempFile("javawc-copy", ".txt");
        try {
            Files.writeString(in, text, StandardCharsets.ISO_8859_1);
            assertEquals(0, shell(c, in, null, command), String.join(" ", command));
        } finally {
            Files.deleteIfExists(in);
        }
    }

    @Test
    void theClipboardAndThePrimarySelectionGoBothWays() throws Exception {
        try (CompositorProcess c = CompositorProcess.start("--backend", "headless", "--xwayland", "eager")) {
            c.xDisplay();
            copy(c, "foo", "wl-copy");
            assertEquals("foo", paste(c, "xclip", "-o", "-selection", "clipboard"));
            copy(c, "from X", "xclip", "-i", "-selection", "clipboard");
            awaitPaste(c, "from X", "wl-paste", "--no-newline");
            copy(c, "primary from X", "xclip", "-i", "-selection", "primary");
            awaitPaste(c, "primary from X", "wl-paste", "--no-newline", "--primary");
            copy(c, "primary from Wayland", "wl-copy", "--primary");
            assertEquals("primary from Wayland", paste(c, "xclip", "-o", "-selection", "primary"));
            assertFalse(c.stderr().contains("protocol error"), c.stderr());
        }
    }

    @Test
    void tenMebibytesArriveIntactBothWays() throws Exception {
        try (CompositorProcess c = CompositorProcess.start("--backend", "headless", "--xwayland", "eager")) {
            c.xDisplay();
            StringBuilder sb = new StringBuilder(10 << 20);
            java.util.Random random = new java.util.Random(14);
            while (sb.length() < 10 << 20) sb.append(Long.toString(random.nextLong(), 36)).append(sb.length() % 77 == 0 ? '\n' : ' ');
            String big = sb.substring(0, 10 << 20);
            copy(c, big, "wl-copy");
            String inX = paste(c, "xclip", "-o", "-selection", "clipboard");
            assertEquals(big.length(), inX.length(), "Wayland to X: the size");
            assertEquals(big, inX, "Wayland to X: the bytes");
            String reversed = new StringBuilder(big).reverse().toString();
            copy(c, reversed, "xclip", "-i", "-selection", "clipboard");
            String inWayland = awaitPaste(c, reversed.substring(0, 64), "wl-paste", "--no-newline");
            assertEquals(reversed.length(), inWayland.length(), "X to Wayland: the size");
            assertEquals(reversed, inWayland, "X to Wayland: the bytes");
        }
    }

    /**
     * Pastes until the paste starts with {@code expected} (the X owner's XFIXES notice reaches the
     * bridge a moment after xclip returns; until then wl-paste may find no selection at all and
     * exit 1, which is retried too).
     */
    static String awaitPaste(CompositorProcess c, String expected, String... command) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        String got = "";
        while (System.currentTimeMillis() < deadline) {
            Path out = Files.createTempFile("javawc-paste", ".txt");
            try {
                if (shell(c, null, out, command) == 0) got = Files.readString(out, StandardCharsets.ISO_8859_1);
            } finally {
                Files.deleteIfExists(out);
            }
            if (got.startsWith(expected)) return got;
            Thread.sleep(100);
        }
        throw new AssertionError(String.join(" ", command) + " pasted '" + got.substring(0, Math.min(80, got.length())) + "', not '" + expected + "'");
    }

    @Test
    void killingXwaylandLeavesTheCompositorAndWaylandClientsAndTheNextXClientStartsItAgain() throws Exception {
        try (CompositorProcess c = CompositorProcess.startWithControl("--backend", "headless");
             ControlClient control = c.control()) {
            c.xDisplay();
            try (var display = c.connect()) {
                CompositorProcess.Result first = c.run(15, "xprop", "-root", "_NET_SUPPORTING_WM_CHECK");
                assertEquals(0, first.exitCode(), first.output());
                long xwayland = xwaylandPid(c);
                assertEquals(0, new ProcessBuilder("kill", "-KILL", Long.toString(xwayland)).start().waitFor());
                long deadline = System.currentTimeMillis() + 10_000;
                while (!c.stderr().contains("the next X client starts it again")) {
                    if (System.currentTimeMillis() > deadline) throw new AssertionError("Xwayland's end not noticed: " + c.stderr());
                    Thread.sleep(50);
                }
                assertTrue(c.process.isAlive(), "the compositor runs on");
                display.roundtrip(); // our own Wayland client is still served
                CompositorProcess.Result again = c.run(20, "xprop", "-root", "_NET_SUPPORTING_WM_CHECK");
                assertEquals(0, again.exitCode(), again.output() + c.stderr());
                assertTrue(again.output().contains("window id #"), again.output());
                assertNotEquals(xwayland, xwaylandPid(c), "a new Xwayland");
                assertEquals(List.of("ok"), control.send("list-windows"), "nothing left of the old one in the scene");
            }
        }
    }

    /** The pid of the Xwayland the compositor started (its child, from /proc). */
    static long xwaylandPid(CompositorProcess c) {
        return c.process.descendants().filter(p -> p.info().command().orElse("").endsWith("Xwayland") && p.isAlive())
                .mapToLong(ProcessHandle::pid).findFirst().orElseThrow(() -> new AssertionError("no Xwayland running: " + c.stderr()));
    }
}
