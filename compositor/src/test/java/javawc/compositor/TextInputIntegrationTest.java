package javawc.compositor;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Real programs typing through the input method. foot (text-input v3) enables its text input
 * when it gets the focus; our {@link TestInputMethod} commits text into it, and while it holds
 * the keyboard grab turns a key into text of its own; foot writes both to `cat`, which fills a
 * file. weston-editor (text-input v1) runs, takes typed keys, and takes the input method's text.
 */
class TextInputIntegrationTest {
    private static final int KEY_H = 35, KEY_W = 17, KEY_ENTER = 28, KEY_X = 45, KEY_Y = 21;

    @Test
    void footTypesWhatTheInputMethodCommits() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/foot")), "foot is not installed (scripts/test installs it)");
        Path dir = Files.createTempDirectory("javawc-foot-ime");
        Path typed = dir.resolve("typed.txt"), log = dir.resolve("foot.log");
        try (CompositorProcess compositor = CompositorProcess.startWithControl("--backend", "headless", "--config", CompositorProcess.everyPrivilegeConfig().toString());
             ControlClient control = compositor.control();
             TestInputMethod im = new TestInputMethod(compositor)) {
            ProcessBuilder pb = new ProcessBuilder("foot", "--app-id", "javawc.foot-ime", "sh", "-c", "exec cat > " + typed)
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("XDG_RUNTIME_DIR", compositor.runtimeDir.toString());
            pb.environment().put("WAYLAND_DISPLAY", compositor.display);
            Process foot = pb.start();
            try {
                assertTrue(im.await(im::active, 20_000), "foot enabled its text input on the focused window, so the input method is active:\n" + Files.readString(log));
                im.settle(500); // foot sends its cursor rectangle after drawing: each is a done
                im.commit("héllo ");
                im.typeWith(Map.of(KEY_W, "ŵörld"));
                control.ok("key " + KEY_W + " press", "key " + KEY_W + " release"); // the input method's key: foot gets its text, not 'w'
                im.display.roundtrip();
                im.release();
                control.ok("key " + KEY_ENTER + " press", "key " + KEY_ENTER + " release"); // foot's own key again: the line ends
                String expected = "héllo ŵörld\n";
                long end = System.nanoTime() + 10_000_000_000L;
                while (System.nanoTime() < end && !(Files.exists(typed) && Files.readString(typed, StandardCharsets.UTF_8).equals(expected))) Thread.sleep(50);
                assertEquals(expected, Files.exists(typed) ? Files.readString(typed, StandardCharsets.UTF_8) : "(no file)", "cat in foot got the input method's text");
                String footLog = Files.readString(log);
                assertFalse(footLog.contains("text input interface not implemented"), footLog);
                assertFalse(footLog.contains("no XDG activation support"), footLog);
                assertFalse(compositor.stderr().contains("protocol error"), compositor.stderr());
            } finally {
                foot.destroy();
                if (!foot.waitFor(5, TimeUnit.SECONDS)) foot.destroyForcibly().waitFor();
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void westonEditorRunsTakesKeysAndTheInputMethodsText() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/weston-editor")), "weston-editor is not installed (scripts/test installs weston)");
        Path trace = Files.createTempFile("javawc-weston-editor", ".log");
        try (CompositorProcess compositor = CompositorProcess.startWithControl("--backend", "headless", "--config", CompositorProcess.everyPrivilegeConfig().toString());
             ControlClient control = compositor.control();
             TestInputMethod im = new TestInputMethod(compositor)) {
            ProcessBuilder pb = new ProcessBuilder("weston-editor").redirectErrorStream(true).redirectOutput(trace.toFile());
            pb.environment().put("XDG_RUNTIME_DIR", compositor.runtimeDir.toString());
            pb.environment().put("WAYLAND_DISPLAY", compositor.display);
            pb.environment().put("WAYLAND_DEBUG", "1");
            Process editor = pb.start();
            try {
                WestonTerminalIntegrationTest.awaitInTrace(trace, "wl_keyboard@\\d+\\.enter\\(");
                int[] window = WestonTerminalIntegrationTest.focusedWindow(control.send("list-windows"));
                // the "Entry" field is the upper one: a click in it activates its text input (v1)
                control.ok("pointer-motion " + (window[0] + window[2] / 2) + " " + (window[1] + 111), "pointer-button BTN_LEFT press", "pointer-button BTN_LEFT release");
                assertTrue(im.await(im::active, 10_000), "the click activated weston-editor's text input, and so the input method:\n" + Files.readString(trace));
                for (int key : new int[] {KEY_X, KEY_Y}) control.ok("key " + key + " press", "key " + key + " release");
                WestonTerminalIntegrationTest.awaitInTrace(trace, "set_surrounding_text\\(\"[^\"]*xy[^\"]*\"");
                im.settle(500);
                im.commit("ŷ");
                WestonTerminalIntegrationTest.awaitInTrace(trace, "set_surrounding_text\\(\"[^\"]*xyŷ[^\"]*\"");
                assertTrue(editor.isAlive(), "weston-editor runs:\n" + Files.readString(trace));
                assertFalse(Files.readString(trace).contains("No text input manager global"));
                assertFalse(compositor.stderr().contains("protocol error"), compositor.stderr());
            } finally {
                editor.destroy();
                if (!editor.waitFor(5, TimeUnit.SECONDS)) editor.destroyForcibly().waitFor();
            }
        } finally {
            Files.deleteIfExists(trace);
        }
    }
}
