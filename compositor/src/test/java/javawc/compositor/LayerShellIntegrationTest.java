package javawc.compositor;

import javawc.client.protocol.XdgToplevel;
import javawc.client.protocol.ZwlrLayerShellV1;
import javawc.client.protocol.ZwlrLayerSurfaceV1;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The layer shell with the programs users run: swaybg's wallpaper below the windows, waybar's
 * exclusive zone keeping a maximized window clear of the bar, and a dock of ours whose zone
 * moves maximized and new windows aside.
 */
class LayerShellIntegrationTest extends ControlledCompositorTest {
    private static final int WIDTH = 1280, HEIGHT = 720; // the headless default

    /** Starts a program as a client of the compositor, its output in {@code log}. */
    static Process spawn(Path log, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("XDG_RUNTIME_DIR", compositor.runtimeDir.toString());
        pb.environment().put("WAYLAND_DISPLAY", compositor.display);
        return pb.start();
    }

    static void end(Process p) throws Exception {
        p.destroy();
        if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
    }

    /** Screenshots until {@code done} holds for one (10 s at most); that screenshot. */
    static Screenshot awaitScreen(java.util.function.Predicate<Screenshot> done, String what) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            Screenshot s = Screenshot.take(compositor, compositor.screenshotPath());
            if (done.test(s)) return s;
            if (System.currentTimeMillis() > deadline) fail("the screen never showed " + what + "; " + compositor.stderr());
            Thread.sleep(100);
        }
    }

    /** A mapped window whose configures are recorded as {width, height}. */
    private static List<int[]> recordConfigures(TestClient.Window w) {
        List<int[]> sizes = new ArrayList<>();
        w.toplevel().setListener(new XdgToplevel.Listener() {
            @Override
            public void configure(XdgToplevel self, int width, int height, java.nio.ByteBuffer states) {
                sizes.add(new int[] {width, height});
            }
        });
        return sizes;
    }

    private static void awaitSize(TestClient c, List<int[]> sizes, int width, int height) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (sizes.isEmpty() || sizes.getLast()[0] != width || sizes.getLast()[1] != height) {
            if (System.currentTimeMillis() > deadline) {
                fail("never configured " + width + "x" + height + ", last " + (sizes.isEmpty() ? "none" : sizes.getLast()[0] + "x" + sizes.getLast()[1]));
            }
            c.display.roundtrip();
            Thread.sleep(50);
        }
    }

    @Test
    void swaybgColoursTheBackgroundBelowTheWindows() throws Exception {
        Path log = Files.createTempFile("swaybg", ".log");
        Process swaybg = spawn(log, "swaybg", "-c", "#336699");
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(200, 100, 0xffff0000)) {
            Screenshot wallpaper = awaitScreen(s -> s.rgb(5, 5) == 0x336699, "swaybg's colour");
            assertEquals(0, wallpaper.countNot(0, 0, WIDTH, HEIGHT, 0x336699), "the whole output is swaybg's colour");
            c.autoAck = true;
            c.window(red, "above the wallpaper", "test.above");
            control.ok("place test.above 100 100");
            Screenshot both = awaitScreen(s -> s.rgb(150, 150) == 0xff0000, "the window");
            assertEquals(0x336699, both.rgb(50, 50), "the wallpaper around it: " + Files.readString(log));
            assertEquals(0, both.countNot(100, 100, 200, 100, 0xff0000), "the window above the wallpaper");
        } finally {
            end(swaybg);
        }
    }

    @Test
    void waybarsExclusiveZoneShrinksTheAreaAMaximizedWindowGets() throws Exception {
        Path log = Files.createTempFile("waybar", ".log");
        Process waybar = spawn(log, "waybar");
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer content = c.new ShmBuffer(100, 100, 0xff00ff00)) {
            long deadline = System.currentTimeMillis() + 20_000;
            Matcher m;
            while (!(m = Pattern.compile("Bar configured \\(width: (\\d+), height: (\\d+)\\)").matcher(Files.readString(log))).find()) {
                if (System.currentTimeMillis() > deadline || !waybar.isAlive()) fail("waybar never configured its bar: " + Files.readString(log));
                Thread.sleep(100);
            }
            assertEquals(WIDTH, Integer.parseInt(m.group(1)), "the bar spans the output");
            int bar = Integer.parseInt(m.group(2));
            assertTrue(bar > 0 && bar < 100, "bar height " + bar);
            c.autoAck = true;
            TestClient.Window w = c.window(content, "maximized", "test.maximized");
            List<int[]> sizes = recordConfigures(w);
            w.toplevel().setMaximized();
            awaitSize(c, sizes, WIDTH, HEIGHT - bar); // the default configuration puts the bar at the top
            end(waybar);
            awaitSize(c, sizes, WIDTH, HEIGHT); // the bar gone, the whole output again
        } finally {
            end(waybar);
        }
    }

    @Test
    void aDocksZoneMovesMaximizedAndNewWindowsAside() throws Exception {
        try (TestClient dockClient = new TestClient(compositor); TestClient c = new TestClient(compositor);
             TestClient.ShmBuffer content = c.new ShmBuffer(300, 200, 0xff0000ff); TestClient.ShmBuffer second = c.new ShmBuffer(300, 200, 0xffffff00)) {
            LayerShellProtocolTest.Layer dock = LayerShellProtocolTest.layer(dockClient, dockClient.bind(ZwlrLayerShellV1.TYPE, 4), ZwlrLayerShellV1.Layer.TOP);
            dock.layer().setAnchor(ZwlrLayerSurfaceV1.Anchor.LEFT | ZwlrLayerSurfaceV1.Anchor.TOP | ZwlrLayerSurfaceV1.Anchor.BOTTOM);
            dock.layer().setSize(64, 0);
            dock.layer().setExclusiveZone(64);
            LayerShellProtocolTest.show(dockClient, dock);
            assertArrayEquals(new int[] {64, HEIGHT}, new int[] {dock.last()[1], dock.last()[2]});

            c.autoAck = true;
            TestClient.Window w = c.window(content, "maximized", "test.dock.maximized");
            List<int[]> sizes = recordConfigures(w);
            w.toplevel().setMaximized();
            awaitSize(c, sizes, WIDTH - 64, HEIGHT);
            w.toplevel().unsetMaximized();
            c.display.roundtrip();
            c.window(second, "new", "test.dock.new");
            List<String> windows = control.send("list-windows");
            String line = windows.stream().filter(l -> l.startsWith("window test.dock.new ")).findFirst().orElseThrow(() -> new AssertionError(windows.toString()));
            int x = Integer.parseInt(line.split(" ")[2]);
            assertTrue(x >= 64, "a new window is placed clear of the dock: " + windows);
            dock.layer().destroy();
            dockClient.display.roundtrip();
        }
    }
}
