package javawc.compositor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * X11 programs through Xwayland, started by the compositor at the first X client: Debian's
 * xeyes, xterm, xprop and xdotool against our window manager. Windows appear in screenshots at
 * the place list-windows gives, with their own pixels; a click focuses (X's input focus and
 * _NET_ACTIVE_WINDOW follow); the close binding ends xterm through WM_DELETE_WINDOW; xterm's
 * Ctrl+click menu (override-redirect) is drawn where X put it, over the desktop.
 */
class XwaylandIntegrationTest {
    static final int BACKGROUND = javawc.compositor.render.software.SoftwareRenderer.BACKGROUND & 0xffffff;
    static final int KEY_LEFTCTRL = 29, KEY_LEFTSHIFT = 42, KEY_LEFTMETA = 125, KEY_Q = 16, KEY_M = 50;
    private final List<Process> programs = new ArrayList<>();

    @AfterEach
    void endPrograms() throws InterruptedException {
        for (Process p : programs) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
        }
    }

    /** Starts an X program on the compositor's display; its output goes to a file shown when a check fails. */
    Process x(CompositorProcess c, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Path out = Files.createTempFile("javawc-x11", ".log");
        out.toFile().deleteOnExit();
        pb.redirectOutput(out.toFile());
        pb.environment().put("DISPLAY", c.xDisplay());
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().put("XDG_RUNTIME_DIR", c.runtimeDir.toString());
        Process p = pb.start();
        programs.add(p);
        return p;
    }

    /** x, y, width, height and focus of the shown window with {@code appId} (WM_CLASS's class), waiting up to 20 s for it. */
    static int[] awaitWindow(ControlClient control, String appId) throws Exception {
        Pattern p = Pattern.compile("window " + Pattern.quote(appId) + " (-?\\d+) (-?\\d+) (\\d+) (\\d+) (focused|-) .*");
        long deadline = System.currentTimeMillis() + 20_000;
        List<String> reply = List.of();
        while (System.currentTimeMillis() < deadline) {
            reply = control.send("list-windows");
            for (String line : reply) {
                Matcher m = p.matcher(line);
                if (m.matches()) {
                    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                            Integer.parseInt(m.group(4)), m.group(5).equals("focused") ? 1 : 0};
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no window " + appId + " in " + reply);
    }

    static void awaitGone(ControlClient control, String appId) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (control.send("list-windows").stream().anyMatch(l -> l.startsWith("window " + appId + " "))) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError(appId + " is still shown: " + control.send("list-windows"));
            Thread.sleep(50);
        }
    }

    static String run(CompositorProcess c, String... command) throws Exception {
        CompositorProcess.Result r = c.run(15, command);
        assertEquals(0, r.exitCode(), String.join(" ", command) + ": " + r.output());
        return r.output().trim();
    }

    @Test
    void xeyesAndXtermAppearWhereTheWindowManagerPutThemWithTheirPixels() throws Exception {
        try (CompositorProcess c = CompositorProcess.startWithControl("--backend", "headless");
             ControlClient control = c.control()) {
            c.xDisplay();
            // the first X client starts Xwayland; our window manager answers for the root
            String check = run(c, "xprop", "-root", "_NET_SUPPORTING_WM_CHECK");
            Matcher id = Pattern.compile("window id # (0x[0-9a-f]+)").matcher(check);
            assertTrue(id.find(), check);
            assertTrue(run(c, "xprop", "-id", id.group(1), "_NET_WM_NAME").contains("\"javawc\""));
            x(c, "xeyes");
            int[] eyes = awaitWindow(control, "XEyes");
            x(c, "xterm", "-bg", "white", "-fg", "black");
            int[] term = awaitWindow(control, "XTerm");
            Thread.sleep(500); // both draw their first frame
            Screenshot s = Screenshot.take(c, c.screenshotPath());
            // xeyes: a black window with two white eyes; xterm: a white page with a black prompt
            assertTrue(count(s, eyes, 0x000000) > eyes[2] * eyes[3] / 10, "xeyes' black at " + java.util.Arrays.toString(eyes));
            assertTrue(count(s, eyes, 0xffffff) > eyes[2] * eyes[3] / 10, "xeyes' white eyes at " + java.util.Arrays.toString(eyes));
            assertTrue(count(s, term, 0xffffff) > term[2] * term[3] * 8 / 10, "xterm's page at " + java.util.Arrays.toString(term));
            assertTrue(count(s, term, 0x000000) > 20, "xterm's prompt and cursor");
            assertEquals(0, s.countNot(0, 0, 8, 8, BACKGROUND), "the desktop around them");
            assertFalse(c.stderr().contains("protocol error"), c.stderr());
        }
    }

    @Test
    void aClickFocusesAndTheCloseBindingEndsXtermThroughWmDeleteWindow() throws Exception {
        try (CompositorProcess c = CompositorProcess.startWithControl("--backend", "headless");
             ControlClient control = c.control()) {
            c.xDisplay();
            Process first = x(c, "xterm", "-class", "FirstTerm");
            int[] one = awaitWindow(control, "FirstTerm");
            x(c, "xterm", "-class", "SecondTerm");
            int[] two = awaitWindow(control, "SecondTerm");
            assertEquals(1, awaitWindow(control, "SecondTerm")[4], "the new window has the focus");
            control.ok("place FirstTerm 10 10", "place SecondTerm 600 300");
            one = awaitWindow(control, "FirstTerm");
            control.ok("pointer-motion " + (one[0] + 40) + " " + (one[1] + 40), "pointer-button BTN_LEFT press", "pointer-button BTN_LEFT release");
            assertEquals(1, awaitWindow(control, "FirstTerm")[4], "the click focused FirstTerm: " + control.send("list-windows"));
            String firstId = windowId(c, "FirstTerm");
            awaitOutput(c, firstId, "xprop", "-root", "_NET_ACTIVE_WINDOW");
            assertEquals(Long.decode(firstId), Long.parseLong(run(c, "xdotool", "getwindowfocus")), "X's input focus");
            // Super+Shift+Q: WM_DELETE_WINDOW, which xterm answers by ending
            control.ok("key " + KEY_LEFTMETA + " press", "key " + KEY_LEFTSHIFT + " press", "key " + KEY_Q + " press",
                    "key " + KEY_Q + " release", "key " + KEY_LEFTSHIFT + " release", "key " + KEY_LEFTMETA + " release");
            assertTrue(first.waitFor(10, TimeUnit.SECONDS), "xterm ended on WM_DELETE_WINDOW");
            awaitGone(control, "FirstTerm");
            assertEquals(1, awaitWindow(control, "SecondTerm")[4], "the focus went to the window left");
        }
    }

    @Test
    void xtermsMenuIsDrawnWhereXPutIt() throws Exception {
        try (CompositorProcess c = CompositorProcess.startWithControl("--backend", "headless");
             ControlClient control = c.control()) {
            c.xDisplay();
            x(c, "xterm", "-bg", "white", "-fg", "black");
            awaitWindow(control, "XTerm");
            control.ok("place XTerm 100 100");
            int[] term = awaitWindow(control, "XTerm");
            Thread.sleep(300);
            int px = term[0] + term[2] - 10, py = term[1] + 40; // near xterm's right edge: the menu spills over the desktop
            Screenshot before = Screenshot.take(c, c.screenshotPath());
            assertEquals(0, before.countNot(term[0] + term[2] + 5, py, 60, 60, BACKGROUND), "the desktop right of xterm");
            control.ok("pointer-motion " + px + " " + py, "key " + KEY_LEFTCTRL + " press", "pointer-button BTN_LEFT press");
            Thread.sleep(800); // xterm maps its override-redirect menu at the pointer
            Screenshot menu = Screenshot.take(c, c.screenshotPath());
            int changed = menu.countNot(term[0] + term[2] + 5, py - 20, 60, 80, BACKGROUND);
            control.ok("pointer-button BTN_LEFT release", "key " + KEY_LEFTCTRL + " release");
            assertTrue(changed > 500, "xterm's menu over the desktop right of xterm, at the pointer: " + changed + " pixels changed");
            assertEquals(1, awaitWindow(control, "XTerm")[4], "the menu took no focus from xterm");
        }
    }

    @Test
    void activationByXAndMaximizeByTheBindingGoThroughTheWindowManager() throws Exception {
        try (CompositorProcess c = CompositorProcess.startWithControl("--backend", "headless");
             ControlClient control = c.control()) {
            c.xDisplay();
            x(c, "xterm", "-class", "FirstTerm");
            int[] before = awaitWindow(control, "FirstTerm");
            x(c, "xterm", "-class", "SecondTerm");
            assertEquals(1, awaitWindow(control, "SecondTerm")[4]);
            String first = windowId(c, "FirstTerm");
            run(c, "xdotool", "windowactivate", first); // _NET_ACTIVE_WINDOW, as pagers and launchers ask
            long deadline = System.currentTimeMillis() + 10_000;
            while (awaitWindow(control, "FirstTerm")[4] != 1) {
                if (System.currentTimeMillis() > deadline) throw new AssertionError("_NET_ACTIVE_WINDOW did not focus FirstTerm: " + control.send("list-windows"));
                Thread.sleep(50);
            }
            // Super+M: the window manager's maximize, which X hears as a configure to the output and _NET_WM_STATE
            control.ok("key " + KEY_LEFTMETA + " press", "key " + KEY_M + " press", "key " + KEY_M + " release", "key " + KEY_LEFTMETA + " release");
            awaitOutput(c, "Width: 1280", "xwininfo", "-id", first);
            awaitOutput(c, "_NET_WM_STATE_MAXIMIZED_VERT", "xprop", "-id", first, "_NET_WM_STATE");
            int[] max = awaitWindow(control, "FirstTerm");
            assertArrayEquals(new int[] {0, 0, 1280, 720}, java.util.Arrays.copyOf(max, 4), "maximized on the output");
            control.ok("key " + KEY_LEFTMETA + " press", "key " + KEY_M + " press", "key " + KEY_M + " release", "key " + KEY_LEFTMETA + " release");
            awaitOutput(c, "Width: " + before[2], "xwininfo", "-id", first);
            awaitOutput(c, "Absolute upper-left X:  " + before[0], "xwininfo", "-id", first);
        }
    }

    /** The X window id of the managed window with WM_CLASS {@code appClass}, from _NET_CLIENT_LIST and xprop. */
    static String windowId(CompositorProcess c, String appClass) throws Exception {
        Matcher ids = Pattern.compile("0x[0-9a-f]+").matcher(run(c, "xprop", "-root", "_NET_CLIENT_LIST"));
        while (ids.find()) {
            if (run(c, "xprop", "-id", ids.group(), "WM_CLASS").contains("\"" + appClass + "\"")) return ids.group();
        }
        throw new AssertionError("no client window of class " + appClass);
    }

    static void awaitOutput(CompositorProcess c, String expected, String... command) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        String out = "";
        while (System.currentTimeMillis() < deadline) {
            out = run(c, command);
            if (out.contains(expected)) return;
            Thread.sleep(100);
        }
        throw new AssertionError(String.join(" ", command) + " never said " + expected + ": " + out);
    }

    static int count(Screenshot s, int[] w, int rgb) {
        int n = 0;
        for (int y = w[1]; y < w[1] + w[3]; y++) for (int x = w[0]; x < w[0] + w[2]; x++) if (s.rgb(x, y) == rgb) n++;
        return n;
    }
}
