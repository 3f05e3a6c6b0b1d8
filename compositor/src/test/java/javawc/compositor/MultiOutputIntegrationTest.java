package javawc.compositor;

import javawc.client.protocol.WlOutput;
import javawc.client.protocol.WlSurface;
import javawc.compositor.render.software.SoftwareRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Two headless outputs side by side (--outputs 2, 640x480 each: HEADLESS-1 at 0,0 and
 * HEADLESS-2 at 640,0): windows on either are drawn in that output's screenshot, a surface
 * enters the outputs it is on, the pointer crosses from one to the other.
 */
@ParameterizedClass(name = "{0} renderer")
@ValueSource(strings = {"software", "gles"})
class MultiOutputIntegrationTest {
    @Parameter
    String renderer;

    private static final int BG = SoftwareRenderer.BACKGROUND & 0xffffff;
    private static final int RED = 0xffff0000, BLUE = 0xff0000ff, GREEN = 0xff00ff00;
    private static CompositorProcess compositor;
    private static ControlClient control;

    @BeforeParameterizedClassInvocation
    static void start(String renderer) throws Exception {
        compositor = CompositorProcess.startWithControl("--backend", "headless", "--renderer", renderer, "--outputs", "2", "--width", "640", "--height", "480");
        control = compositor.control();
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        if (control != null) control.close();
        if (compositor != null) compositor.close();
    }

    /** Every wl_surface.enter and leave of {@code s}, as "enter ID" / "leave ID" with the wl_output's id. */
    private static void trackOutputs(WlSurface s, List<String> events) {
        s.setListener(new WlSurface.Listener() {
            @Override
            public void enter(WlSurface self, WlOutput output) {
                events.add("enter " + output.id());
            }

            @Override
            public void leave(WlSurface self, WlOutput output) {
                events.add("leave " + output.id());
            }
        });
    }

    /** A toplevel showing {@code content}, its wl_surface.enter and leave recorded in {@code events} from the start. */
    private static WlSurface mapTracked(TestClient c, TestClient.ShmBuffer content, String appId, List<String> events) throws Exception {
        WlSurface s = c.compositor.createSurface();
        trackOutputs(s, events);
        c.toplevel(s, appId, appId);
        s.attach(content.buffer, 0, 0);
        s.damageBuffer(0, 0, content.width, content.height);
        s.commit();
        c.display.roundtrip();
        return s;
    }

    /** Waits until the enter/leave events so far leave {@code s} on exactly the outputs {@code expected} (wl_output ids). */
    private static void awaitOnOutputs(TestClient c, List<String> events, Integer... expected) throws Exception {
        java.util.Set<Integer> want = java.util.Set.of(expected);
        long deadline = System.currentTimeMillis() + 5000;
        while (!currentOutputs(events).equals(want) && System.currentTimeMillis() < deadline) c.display.dispatch(50);
        assertEquals(want, currentOutputs(events), events.toString());
    }

    private static java.util.Set<Integer> currentOutputs(List<String> events) {
        java.util.Set<Integer> on = new java.util.HashSet<>();
        for (String e : events) {
            String[] parts = e.split(" ");
            int id = Integer.parseInt(parts[1]);
            if (parts[0].equals("enter")) assertTrue(on.add(id), "entered twice: " + events);
            else assertTrue(on.remove(id), "left without an enter: " + events);
        }
        return on;
    }

    @Test
    void theClientSeesTwoOutputsSideBySide() throws Exception {
        try (TestClient c = new TestClient(compositor)) {
            assertEquals(2, c.outputs.size());
            OutputEvents.xdgOutput(c, c.outputs.get(0));
            OutputEvents.xdgOutput(c, c.outputs.get(1));
            c.display.roundtrip();
            assertTrue(OutputEvents.of(c, c.outputs.get(1), 0).containsAll(List.of("geometry 640 0 0", "mode 640 480 60000", "scale 1", "name HEADLESS-2",
                    "xdg position 640 0", "xdg size 640 480")), c.outputEvents.toString());
            assertTrue(OutputEvents.of(c, c.outputs.get(0), 0).containsAll(List.of("geometry 0 0 0", "name HEADLESS-1", "xdg position 0 0")), c.outputEvents.toString());
        }
    }

    @Test
    void windowsOnEachOutputAreDrawnThereAndEnterIt() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(100, 80, RED);
             TestClient.ShmBuffer blue = c.new ShmBuffer(100, 80, BLUE); TestClient.ShmBuffer green = c.new ShmBuffer(100, 40, GREEN)) {
            List<String> leftOutputs = new ArrayList<>(), rightOutputs = new ArrayList<>(), acrossOutputs = new ArrayList<>();
            mapTracked(c, red, "test.left", leftOutputs);
            mapTracked(c, blue, "test.right", rightOutputs);
            control.ok("place test.left 100 100", "place test.right 700 200");
            int first = c.outputs.get(0).id(), second = c.outputs.get(1).id();
            awaitOnOutputs(c, leftOutputs, first);
            awaitOnOutputs(c, rightOutputs, second); // mapped on the first output, then moved: it left that one if it had entered it

            Thread.sleep(100); // past the next refresh
            List<Screenshot> shots = Screenshot.takeEach(compositor, compositor.screenshotPath(), "HEADLESS-1", "HEADLESS-2");
            Screenshot one = shots.get(0), two = shots.get(1);
            assertEquals(640, one.width());
            assertEquals(0, one.countNot(100, 100, 100, 80, RED & 0xffffff), "the red window on HEADLESS-1");
            assertEquals(BG, one.rgb(99, 100));
            assertEquals(0, one.countNot(0, 0, 640, 90, BG), "nothing else at the top of HEADLESS-1");
            assertEquals(0, two.countNot(60, 200, 100, 80, BLUE & 0xffffff), "the blue window at 700,200 is at 60,200 of HEADLESS-2");
            assertEquals(BG, two.rgb(59, 200));
            assertEquals(BG, two.rgb(160, 279));

            // a window across the border is on both, and drawn half on each
            mapTracked(c, green, "test.across", acrossOutputs);
            control.ok("place test.across 590 400");
            awaitOnOutputs(c, acrossOutputs, first, second);
            Thread.sleep(100);
            shots = Screenshot.takeEach(compositor, compositor.screenshotPath(), "HEADLESS-1", "HEADLESS-2");
            assertEquals(0, shots.get(0).countNot(590, 400, 50, 40, GREEN & 0xffffff), "the left half on HEADLESS-1");
            assertEquals(0, shots.get(1).countNot(0, 400, 50, 40, GREEN & 0xffffff), "the right half on HEADLESS-2");
            assertEquals(BG, shots.get(1).rgb(50, 400));
        }
    }

    @Test
    void thePointerCrossesToTheSecondOutputAndEntersTheWindowThere() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(100, 80, RED);
             TestClient.ShmBuffer blue = c.new ShmBuffer(100, 80, BLUE)) {
            SeatEvents seat = new SeatEvents(c);
            WlSurface left = c.window(red, "left", "test.pointer-left").surface();
            WlSurface right = c.window(blue, "right", "test.pointer-right").surface();
            control.ok("place test.pointer-left 500 300", "place test.pointer-right 650 300");
            control.ok("pointer-motion 550.5 310.25");
            seat.await("pointer.enter " + left.id() + " 50.5 10.25");
            control.ok("pointer-motion-relative 140 20"); // to 690.5,330.25: across the border
            seat.await("pointer.leave " + left.id());
            seat.await("pointer.enter " + right.id() + " 40.5 30.25");
            control.ok("pointer-motion 5000 310"); // past the right edge of the layout: kept on its last pixel
            seat.await(e -> e.startsWith("pointer.leave " + right.id()), "the pointer leaves the window on its way to the edge");
            control.ok("pointer-motion-relative -530.5 0.5"); // back from 1279.996 (the last pixel) to 749.5
            seat.await("pointer.enter " + right.id() + " 99.49609375 10.5");
        }
    }
}
