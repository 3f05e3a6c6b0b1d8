package javawc.compositor;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Debian's weston-terminal gets the keyboard focus when it maps and runs what we type through
 * the control channel: its protocol trace (WAYLAND_DEBUG=1) shows the enter and each key, and
 * the screenshot shows the command and its output.
 */
class WestonTerminalIntegrationTest {
    private static final int KEY_E = 18, KEY_C = 46, KEY_H = 35, KEY_O = 24, KEY_SPACE = 57, KEY_I = 23, KEY_ENTER = 28;

    @Test
    void westonTerminalGetsTheKeyboardAndRunsWhatWeType() throws Exception {
        Path trace = Files.createTempFile("javawc-weston-terminal", ".log");
        try (CompositorProcess compositor = CompositorProcess.startWithControl("--backend", "headless");
             ControlClient control = compositor.control()) {
            ProcessBuilder pb = new ProcessBuilder("weston-terminal").redirectErrorStream(true).redirectOutput(trace.toFile());
            pb.environment().put("XDG_RUNTIME_DIR", compositor.runtimeDir.toString());
            pb.environment().put("WAYLAND_DISPLAY", compositor.display);
            pb.environment().put("WAYLAND_DEBUG", "1");
            pb.environment().put("SHELL", "/bin/sh");
            Process terminal = pb.start();
            try {
                awaitInTrace(trace, "wl_keyboard@\\d+\\.enter\\(\\d+, wl_surface@\\d+, array\\[0\\]\\)");
                int[] window = focusedWindow(control.send("list-windows"));
                Thread.sleep(300); // the shell's prompt is drawn
                int before = brightPixels(Screenshot.take(compositor, compositor.screenshotPath()), window);
                for (int key : new int[] {KEY_E, KEY_C, KEY_H, KEY_O, KEY_SPACE, KEY_H, KEY_I, KEY_ENTER}) {
                    control.ok("key " + key + " press", "key " + key + " release");
                }
                awaitInTrace(trace, "wl_keyboard@\\d+\\.key\\(\\d+, \\d+, " + KEY_E + ", 1\\)");
                awaitInTrace(trace, "wl_keyboard@\\d+\\.key\\(\\d+, \\d+, " + KEY_ENTER + ", 0\\)");
                Thread.sleep(500); // the shell echoes, runs echo, prints a new prompt
                int after = brightPixels(Screenshot.take(compositor, compositor.screenshotPath()), window);
                assertTrue(after > before + 150, "'echo hi', its output and a new prompt appear: " + before + " -> " + after + " lit pixels");
                assertTrue(terminal.isAlive(), Files.readString(trace));
                assertFalse(compositor.stderr().contains("protocol error"), compositor.stderr());
            } finally {
                terminal.destroy();
                if (!terminal.waitFor(5, TimeUnit.SECONDS)) terminal.destroyForcibly().waitFor();
            }
        } finally {
            Files.deleteIfExists(trace);
        }
    }

    /** Waits until the client's trace has a line matching {@code regex}. */
    static void awaitInTrace(Path trace, String regex) throws Exception {
        Pattern p = Pattern.compile(regex);
        long deadline = System.currentTimeMillis() + 15_000;
        while (!p.matcher(Files.readString(trace)).find()) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("no /" + regex + "/ in the trace:\n" + Files.readString(trace));
            Thread.sleep(50);
        }
    }

    /** x, y, width, height of the focused window in a list-windows reply. */
    static int[] focusedWindow(List<String> reply) throws IOException {
        Matcher m = Pattern.compile("window \\S+ (-?\\d+) (-?\\d+) (\\d+) (\\d+) focused .*").matcher("");
        for (String line : reply) {
            if (m.reset(line).matches()) {
                return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))};
            }
        }
        throw new AssertionError("no focused window in " + reply);
    }

    /** Pixels of the terminal's text area (below the title bar) that are not dark: text and the cursor. */
    private static int brightPixels(Screenshot s, int[] w) {
        int n = 0;
        for (int y = w[1] + 30; y < w[1] + w[3] - 10; y++) {
            for (int x = w[0] + 10; x < w[0] + w[2] - 10; x++) {
                int p = s.rgb(x, y);
                if ((p >> 16 & 0xff) + (p >> 8 & 0xff) + (p & 0xff) > 3 * 0x60) n++;
            }
        }
        return n;
    }
}
