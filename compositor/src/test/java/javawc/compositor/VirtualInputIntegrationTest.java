package javawc.compositor;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Virtual input and pointer constraints with Debian's programs: wtype types through
 * zwp_virtual_keyboard_v1 into foot (its own keymap, which foot must be sent to decode the keys),
 * and a real key afterwards is decoded with the seat's keymap again; without the VIRTUAL_INPUT
 * privilege wtype finds no virtual keyboard; weston-confine confines the pointer to its window
 * on a click and the pointer then stops at the region's edge.
 */
class VirtualInputIntegrationTest {
    private static void require(String program) {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin", program)), program + " is not installed (scripts/test installs it)");
    }

    private static Process run(CompositorProcess compositor, Path output, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().put("XDG_RUNTIME_DIR", compositor.runtimeDir.toString());
        pb.environment().put("WAYLAND_DISPLAY", compositor.display);
        return pb.start();
    }

    private static String await(Path file, Pattern pattern, Process alive) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            String text = Files.exists(file) ? Files.readString(file) : "";
            if (pattern.matcher(text).find()) return text;
            if (alive != null && !alive.isAlive()) fail("the program ended before " + pattern + ":\n" + text);
            Thread.sleep(50);
        }
        fail("never seen: " + pattern + " in\n" + (Files.exists(file) ? Files.readString(file) : "(no file)"));
        return null;
    }

    @Test
    void wtypeTypesIntoFootWithItsOwnKeymapAndRealKeysFollowWithTheSeats() throws Exception {
        require("foot");
        require("wtype");
        Path typed = Files.createTempFile("javawc-typed", ".txt"), footLog = Files.createTempFile("javawc-foot", ".log"),
                wtypeLog = Files.createTempFile("javawc-wtype", ".log");
        Files.delete(typed);
        try (CompositorProcess compositor = CompositorProcess.startWithControl("--backend", "headless", "--config", CompositorProcess.everyPrivilegeConfig().toString());
             ControlClient control = compositor.control()) {
            Process foot = run(compositor, footLog, "foot", "--app-id", "javawc.typed", "sh", "-c", "stty -echo; cat > '" + typed + "'");
            try {
                long deadline = System.currentTimeMillis() + 30_000;
                while (!control.send("list-windows").toString().contains("javawc.typed")) {
                    assertTrue(System.currentTimeMillis() < deadline && foot.isAlive(), () -> "foot never mapped:\n" + footLog);
                    Thread.sleep(100);
                }
                while (!Files.exists(typed)) { // cat has opened its output: the shell runs
                    assertTrue(System.currentTimeMillis() < deadline && foot.isAlive(), () -> "foot's shell never started");
                    Thread.sleep(50);
                }
                Process wtype = run(compositor, wtypeLog, "wtype", "hello World", "-k", "Return");
                assertTrue(wtype.waitFor(20, TimeUnit.SECONDS));
                assertEquals(0, wtype.exitValue(), () -> "wtype: " + read(wtypeLog));
                assertEquals("hello World\n", await(typed, Pattern.compile("\n"), foot));
                control.ok("key 30 press", "key 30 release", "key 28 press", "key 28 release"); // a, Return on the seat's keyboard
                assertEquals("hello World\na\n", await(typed, Pattern.compile("\na\n"), foot));
                assertFalse(compositor.stderr().contains("protocol error"), compositor.stderr());
            } finally {
                foot.destroy();
                if (!foot.waitFor(10, TimeUnit.SECONDS)) foot.destroyForcibly();
            }
        } finally {
            Files.deleteIfExists(typed);
            Files.deleteIfExists(footLog);
            Files.deleteIfExists(wtypeLog);
        }
    }

    @Test
    void withoutTheVirtualInputPrivilegeWtypeFindsNoVirtualKeyboard() throws Exception {
        require("wtype");
        Path log = Files.createTempFile("javawc-wtype", ".log");
        try (CompositorProcess compositor = CompositorProcess.start("--backend", "headless")) {
            Process wtype = run(compositor, log, "wtype", "x");
            assertTrue(wtype.waitFor(20, TimeUnit.SECONDS));
            assertNotEquals(0, wtype.exitValue());
            assertTrue(read(log).contains("does not support the virtual keyboard protocol"), read(log));
            String stderr = compositor.stderr();
            assertTrue(Pattern.compile("\\(pid \\d+, wtype\\) is not offered zwlr_virtual_pointer_manager_v1").matcher(stderr).find(), stderr);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void westonConfineConfinesThePointerToItsWindow() throws Exception {
        require("weston-confine");
        Path trace = Files.createTempFile("javawc-confine", ".log");
        try (CompositorProcess compositor = CompositorProcess.startWithControl("--backend", "headless");
             ControlClient control = compositor.control()) {
            ProcessBuilder pb = new ProcessBuilder("weston-confine").redirectErrorStream(true).redirectOutput(trace.toFile());
            pb.environment().put("XDG_RUNTIME_DIR", compositor.runtimeDir.toString());
            pb.environment().put("WAYLAND_DISPLAY", compositor.display);
            pb.environment().put("WAYLAND_DEBUG", "1");
            Process confine = pb.start();
            try {
                WestonTerminalIntegrationTest.awaitInTrace(trace, "wl_keyboard@\\d+\\.enter\\(");
                control.ok("pointer-motion 640 360", "pointer-button BTN_LEFT press", "pointer-button BTN_LEFT release");
                WestonTerminalIntegrationTest.awaitInTrace(trace, "zwp_confined_pointer_v1@\\d+\\.confined\\(\\)");
                int before = Files.readString(trace).length();
                control.ok("pointer-motion-relative 2000 0");
                Pattern motion = Pattern.compile("wl_pointer@\\d+\\.motion\\(\\d+, ([0-9.]+), ([0-9.]+)\\)");
                Matcher m = motion.matcher("");
                long deadline = System.currentTimeMillis() + 30_000;
                while (!m.reset(Files.readString(trace).substring(before)).find()) {
                    assertTrue(System.currentTimeMillis() < deadline && confine.isAlive(), () -> "no motion after the confinement:\n" + read(trace));
                    Thread.sleep(50);
                }
                double x = Double.parseDouble(m.group(1));
                // the window is 436 wide (its surface, with the frame, a little wider): 2000 pixels to the right ends at its edge
                assertTrue(x > 300 && x < 600, "the pointer stopped at the window's edge, not 2000 pixels on: " + m.group());
                assertTrue(control.send("list-windows").toString().contains("wayland-confine"));
            } finally {
                confine.destroy();
                if (!confine.waitFor(10, TimeUnit.SECONDS)) confine.destroyForcibly();
            }
        } finally {
            Files.deleteIfExists(trace);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "(" + p + " cannot be read: " + e.getMessage() + ")";
        }
    }
}
