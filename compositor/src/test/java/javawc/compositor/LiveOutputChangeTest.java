package javawc.compositor;

import javawc.client.protocol.WlOutput;
import javawc.compositor.output.Output;
import javawc.compositor.output.Outputs;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.SceneWindow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link Outputs} changes while clients are connected (what the IPC's "output NAME
 * mode|position|scale" runs): bound clients hear the new state closed by done, the
 * framebuffer follows the mode, windows left on no output come back, bad values change nothing.
 */
class LiveOutputChangeTest {
    private static final int RED = 0xffff0000;

    private static List<String> awaitEvents(TestClient c, WlOutput output, int from, int count) throws Exception {
        long deadline = System.currentTimeMillis() + 5000;
        while (OutputEvents.of(c, output, from).size() < count && System.currentTimeMillis() < deadline) c.display.dispatch(50);
        c.display.roundtrip();
        return OutputEvents.of(c, output, from);
    }

    @Test
    void scalePositionModeAndTransformChangesAreResentToClients() throws Exception {
        try (InProcessCompositor ip = new InProcessCompositor("--backend", "headless", "--renderer", "software", "--outputs", "2", "--width", "640", "--height", "480");
             TestClient c = ip.connect()) {
            Outputs outputs = ip.compositor.outputs();
            WlOutput first = c.outputs.get(0), second = c.outputs.get(1);
            OutputEvents.xdgOutput(c, first);
            OutputEvents.xdgOutput(c, second);
            c.display.roundtrip();

            int mark = c.outputEvents.size();
            ip.onLoop(() -> {
                outputs.setScale("HEADLESS-1", 2);
                return null;
            });
            assertEquals(List.of("xdg position 0 0", "xdg size 320 240", "geometry 0 0 0", "mode 640 480 60000", "scale 2", "done"), awaitEvents(c, first, mark, 6));
            // never placed by hand, the second output stays right of the first, which is narrower now
            assertEquals(List.of("xdg position 320 0", "xdg size 640 480", "geometry 320 0 0", "mode 640 480 60000", "scale 1", "done"), awaitEvents(c, second, mark, 6));

            mark = c.outputEvents.size();
            ip.onLoop(() -> {
                outputs.setPosition("HEADLESS-1", 0, 0); // placed by hand now, as the second one is next
                outputs.setPosition("HEADLESS-2", 320, 0);
                return null;
            });
            assertEquals(List.of("xdg position 320 0", "xdg size 640 480", "geometry 320 0 0", "mode 640 480 60000", "scale 1", "done"), awaitEvents(c, second, mark, 6));

            mark = c.outputEvents.size();
            ip.onLoop(() -> {
                outputs.setScale("HEADLESS-2", 1.5);
                return null;
            });
            assertEquals(List.of("xdg position 320 0", "xdg size 427 320", "geometry 320 0 0", "mode 640 480 60000", "scale 2", "done"), awaitEvents(c, second, mark, 6));

            mark = c.outputEvents.size();
            ip.onLoop(() -> {
                outputs.setMode("HEADLESS-2", new Output.Mode(800, 600, 30_000));
                return null;
            });
            assertEquals(List.of("xdg position 320 0", "xdg size 533 400", "geometry 320 0 0", "mode 800 600 30000", "scale 2", "done"), awaitEvents(c, second, mark, 6));

            mark = c.outputEvents.size();
            ip.onLoop(() -> {
                outputs.setTransform("HEADLESS-2", 1); // 90: the logical size turns too
                return null;
            });
            assertEquals(List.of("xdg position 320 0", "xdg size 400 533", "geometry 320 0 1", "mode 800 600 30000", "scale 2", "done"), awaitEvents(c, second, mark, 6));
            Output two = outputs.find("HEADLESS-2");
            assertEquals(800 * 600, ip.onLoop(() -> ip.compositor.backend().capture(two).length), "the framebuffer has the new mode's size");
        }
    }

    @Test
    void aWindowLeftOnNoOutputComesBackAndThePointerStaysOnAnOutput() throws Exception {
        try (InProcessCompositor ip = new InProcessCompositor("--backend", "headless", "--renderer", "software", "--outputs", "2", "--width", "640", "--height", "480");
             TestClient c = ip.connect(); TestClient.ShmBuffer red = c.new ShmBuffer(100, 80, RED)) {
            Outputs outputs = ip.compositor.outputs();
            c.window(red, "far", "test.far");
            ip.onLoop(() -> {
                SceneWindow w = ip.compositor.scene().toplevels().getFirst();
                assertTrue(w.moveTo(1000, 300));
                ip.compositor.seat().pointer().motionTo(1100, 340, 0);
                outputs.setPosition("HEADLESS-2", 0, 480); // below the first: nothing shows x 1000 any more
                return null;
            });
            Rect geometry = ip.onLoop(() -> ip.compositor.scene().toplevels().getFirst().geometry());
            Rect one = new Rect(0, 0, 640, 480), two = new Rect(0, 480, 640, 480);
            assertTrue(geometry.intersects(one) || geometry.intersects(two), "the window is back on an output: " + geometry);
            assertEquals(new Rect(0, 0, 640, 960), ip.onLoop(() -> ip.compositor.scene().layoutBounds()));
            double[] pointer = ip.onLoop(() -> new double[] {ip.compositor.seat().pointer().x(), ip.compositor.seat().pointer().y()});
            assertArrayEquals(new double[] {640 - 1.0 / 256, 340}, pointer, "the pointer went to the nearest point of an output");

            double[] inGap = ip.onLoop(() -> {
                outputs.setPosition("HEADLESS-2", 640, 480); // diagonal: the layout's bounding box has a gap above HEADLESS-2
                ip.compositor.seat().pointer().motionTo(1000, 400, 0); // 80 above HEADLESS-2, 360 right of HEADLESS-1
                return new double[] {ip.compositor.seat().pointer().x(), ip.compositor.seat().pointer().y()};
            });
            assertArrayEquals(new double[] {1000, 480}, inGap, "the pointer does not rest in the gap: it is on HEADLESS-2's top edge");
        }
    }

    @Test
    void maximizedAndFullscreenWindowsAreConfiguredToTheOutputsNewSize() throws Exception {
        try (InProcessCompositor ip = new InProcessCompositor("--backend", "headless", "--renderer", "software", "--width", "640", "--height", "480");
             TestClient c = ip.connect(); TestClient.ShmBuffer red = c.new ShmBuffer(100, 80, RED); TestClient.ShmBuffer blue = c.new ShmBuffer(100, 80, 0xff0000ff)) {
            c.autoAck = true;
            List<String> maximized = new java.util.ArrayList<>(), fullscreen = new java.util.ArrayList<>();
            TestClient.Window max = c.window(red, "max", "test.max"), full = c.window(blue, "full", "test.full");
            max.toplevel().setListener(sizes(maximized));
            full.toplevel().setListener(sizes(fullscreen));
            max.toplevel().setMaximized();
            full.toplevel().setFullscreen(null);
            c.display.roundtrip();
            assertEquals("640x480", maximized.getLast());
            assertEquals("640x480", fullscreen.getLast());
            int maxConfigures = maximized.size(), fullConfigures = fullscreen.size();

            ip.onLoop(() -> {
                ip.compositor.outputs().setMode("HEADLESS-1", new Output.Mode(1024, 768, 60_000));
                return null;
            });
            c.display.roundtrip();
            assertEquals(List.of("1024x768"), maximized.subList(maxConfigures, maximized.size()), "the maximized window, once, to the new size");
            assertEquals(List.of("1024x768"), fullscreen.subList(fullConfigures, fullscreen.size()), "the fullscreen window, once, to the new size");

            ip.onLoop(() -> {
                ip.compositor.outputs().setPosition("HEADLESS-1", 0, 0); // the area stays the same
                return null;
            });
            c.display.roundtrip();
            assertEquals(maxConfigures + 1, maximized.size(), "no configure when the area to fill did not change");
            assertEquals(fullConfigures + 1, fullscreen.size());
        }
    }

    private static javawc.client.protocol.XdgToplevel.Listener sizes(List<String> into) {
        return new javawc.client.protocol.XdgToplevel.Listener() {
            @Override
            public void configure(javawc.client.protocol.XdgToplevel self, int width, int height, java.nio.ByteBuffer states) {
                into.add(width + "x" + height);
            }
        };
    }

    @Test
    void badChangesAreRefusedAndChangeNothing() throws Exception {
        try (InProcessCompositor ip = new InProcessCompositor("--backend", "headless", "--renderer", "software")) {
            Outputs outputs = ip.compositor.outputs();
            String unknown = assertThrows(IllegalArgumentException.class, () -> ip.onLoop(() -> {
                outputs.setScale("HDMI-A-9", 2);
                return null;
            })).getMessage();
            assertTrue(unknown.contains("HDMI-A-9") && unknown.contains("HEADLESS-1"), unknown);
            assertThrows(IllegalArgumentException.class, () -> ip.onLoop(() -> {
                outputs.setScale("HEADLESS-1", 0);
                return null;
            }));
            Output o = outputs.find("HEADLESS-1");
            assertEquals(1.0, o.exactScale());
            assertEquals(1280, o.logicalWidth());
        }
    }
}
