package javawc.compositor;

import javawc.client.protocol.WlRegion;
import javawc.client.protocol.WlSubsurface;
import javawc.client.protocol.WlSurface;
import javawc.compositor.render.software.SoftwareRenderer;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * wl_pointer against the real compositor, driven through the control channel: focus follows
 * input regions and subsurfaces, coordinates are surface-local, held buttons keep the focus,
 * scrolls carry their source and wheel clicks, and the cursor a client sets is drawn.
 */
@ParameterizedClass(name = "{0} renderer")
@ValueSource(strings = {"software", "gles"})
class PointerIntegrationTest {
    /** Every test runs with both renderers; gles fails (never skips) when EGL cannot start. */
    @Parameter
    String renderer;

    private static final int RED = 0xffff0000, BLUE = 0xff0000ff, GREEN = 0xff00ff00;
    private static final int BG = SoftwareRenderer.BACKGROUND & 0xffffff;
    private static CompositorProcess compositor;
    private static ControlClient control;

    @BeforeParameterizedClassInvocation
    static void start(String renderer) throws Exception {
        compositor = CompositorProcess.startWithControl("--backend", "headless", "--renderer", renderer);
        control = compositor.control();
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        if (control != null) control.close();
        if (compositor != null) compositor.close();
    }

    @Test
    void focusFollowsInputRegionsAndSubsurfacesWithSurfaceLocalCoordinates() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(200, 100, RED);
             TestClient.ShmBuffer blue = c.new ShmBuffer(50, 50, BLUE)) {
            SeatEvents seat = new SeatEvents(c);
            WlSurface main = c.compositor.createSurface();
            c.toplevel(main, "regions", "test.regions");
            WlRegion leftHalf = c.compositor.createRegion();
            leftHalf.add(0, 0, 100, 100);
            main.setInputRegion(leftHalf); // the right half of the main surface takes no input
            WlSurface child = c.compositor.createSurface();
            WlSubsurface sub = c.subcompositor.getSubsurface(child, main);
            sub.setPosition(150, 20); // in the right half: (250, 120) to (300, 170) once placed
            child.attach(blue.buffer, 0, 0);
            child.commit();
            main.attach(red.buffer, 0, 0);
            main.commit();
            c.display.roundtrip();
            control.ok("place test.regions 100 100");

            control.ok("pointer-motion 120.5 130.25");
            seat.await("pointer.enter " + main.id() + " 20.5 30.25");
            seat.await("pointer.frame");
            control.ok("pointer-motion 180 130");
            seat.await("pointer.motion 80.0 30.0");
            control.ok("pointer-motion 260 130"); // outside the main input region, over the subsurface
            seat.await("pointer.leave " + main.id());
            seat.await("pointer.enter " + child.id() + " 10.0 10.0");
            control.ok("pointer-button BTN_LEFT press", "pointer-button 272 release");
            seat.await("pointer.button 272 1");
            seat.await("pointer.button 272 0");
            control.ok("pointer-motion 260 180"); // below the subsurface, still outside the input region: nothing
            seat.await("pointer.leave " + child.id());
            assertFalse(seat.pending().stream().anyMatch(e -> e.startsWith("pointer.enter")), seat.events.toString());
        }
    }

    @Test
    void aSurfaceDestroyedUnderThePointerIsLeftBeforeTheSurfaceBelowIsEntered() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(200, 100, RED);
             TestClient.ShmBuffer blue = c.new ShmBuffer(50, 50, BLUE)) {
            SeatEvents seat = new SeatEvents(c);
            WlSurface main = c.compositor.createSurface();
            c.toplevel(main, "destroyed", "test.destroyed");
            WlSurface child = c.compositor.createSurface();
            WlSubsurface sub = c.subcompositor.getSubsurface(child, main);
            sub.setPosition(20, 20);
            child.attach(blue.buffer, 0, 0);
            child.commit();
            main.attach(red.buffer, 0, 0);
            main.commit();
            c.display.roundtrip();
            control.ok("place test.destroyed 100 100", "pointer-motion 130 130");
            seat.await("pointer.enter " + child.id() + " 10.0 10.0");
            // sent together, so the compositor takes both in one turn: the scene is looked at again only
            // after the wl_surface is gone, and the leave has to go out while its id is still valid
            sub.destroy();
            child.destroy();
            seat.await("pointer.leave nil"); // the client destroyed its proxy: the leave names a zombie
            seat.await("pointer.enter " + main.id() + " 30.0 30.0");
        }
    }

    @Test
    void aHeldButtonKeepsTheFocusAndAWindowMappedUnderThePointerGetsIt() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(200, 100, RED)) {
            SeatEvents seat = new SeatEvents(c);
            control.ok("pointer-motion 50 50");
            TestClient.Window w = c.window(red, "under", "test.under");
            control.ok("place test.under 0 0"); // now under the pointer, which did not move
            seat.await("pointer.enter " + w.surface().id() + " 50.0 50.0");
            control.ok("pointer-button BTN_LEFT press", "pointer-motion 700 500");
            seat.await("pointer.button 272 1");
            seat.await("pointer.motion 700.0 500.0"); // far outside, still ours while the button is held
            control.ok("pointer-button BTN_LEFT release");
            seat.await("pointer.button 272 0");
            seat.await("pointer.leave " + w.surface().id());
        }
    }

    @Test
    void scrollsCarryTheirSourceAndWheelClicks() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(200, 100, RED)) {
            SeatEvents seat = new SeatEvents(c);
            TestClient.Window w = c.window(red, "scroll", "test.scroll");
            control.ok("place test.scroll 300 300", "pointer-motion 310 310");
            seat.await("pointer.enter " + w.surface().id() + " 10.0 10.0");
            seat.skipAll();
            control.ok("axis vertical 15");
            assertEquals(java.util.List.of("pointer.axis_source 0", "pointer.axis_value120 0 120", "pointer.axis 0 15.0", "pointer.frame"),
                    awaitFrame(seat));
            control.ok("axis horizontal -7.5 finger");
            assertEquals(java.util.List.of("pointer.axis_source 1", "pointer.axis 1 -7.5", "pointer.frame"), awaitFrame(seat));
            control.ok("axis horizontal 0 finger");
            assertEquals(java.util.List.of("pointer.axis_source 1", "pointer.axis_stop 1", "pointer.frame"), awaitFrame(seat));
        }
    }

    /** The events up to and including the next wl_pointer.frame. */
    private static java.util.List<String> awaitFrame(SeatEvents seat) throws Exception {
        int from = seat.events.size();
        seat.await("pointer.frame");
        return java.util.List.copyOf(seat.events.subList(from, seat.events.size()));
    }

    @Test
    void theCursorIsDrawnAtThePointerMinusItsHotspotOnlyForTheLatestEnterSerial() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(200, 100, RED);
             TestClient.ShmBuffer green = c.new ShmBuffer(8, 8, GREEN)) {
            SeatEvents seat = new SeatEvents(c);
            TestClient.Window w = c.window(red, "cursor", "test.cursor");
            control.ok("place test.cursor 250 150", "pointer-motion 300.75 200.25");
            seat.await("pointer.enter " + w.surface().id() + " 50.75 50.25");
            WlSurface cursor = c.compositor.createSurface();
            cursor.attach(green.buffer, 0, 0);
            cursor.damageBuffer(0, 0, 8, 8);
            cursor.commit();
            seat.pointer.setCursor(seat.pointerEnterSerial + 1000, cursor, 2, 3);
            c.display.roundtrip();
            assertEquals(TestCursorTheme.ARROW & 0xffffff, screenshot().rgb(300, 200),
                    "a set_cursor with another serial is ignored: the compositor's arrow stays");

            seat.pointer.setCursor(seat.pointerEnterSerial, cursor, 2, 3);
            c.display.roundtrip();
            Screenshot s = screenshot();
            assertEquals(GREEN & 0xffffff, s.rgb(298, 197), "top-left corner at the pointer minus the hotspot");
            assertEquals(GREEN & 0xffffff, s.rgb(305, 204));
            assertEquals(RED & 0xffffff, s.rgb(306, 205));
            assertEquals(RED & 0xffffff, s.rgb(297, 196));

            control.ok("pointer-motion 400 220");
            s = screenshot();
            assertEquals(RED & 0xffffff, s.rgb(300, 200), "the old place is repainted");
            assertEquals(GREEN & 0xffffff, s.rgb(398, 217));

            control.ok("pointer-motion 900 600"); // off the window: the client's cursor goes with its focus
            seat.await("pointer.leave " + w.surface().id());
            s = screenshot();
            assertEquals(RED & 0xffffff, s.rgb(398, 217));
            assertEquals(BG, s.rgb(898, 597));
            assertEquals(TestCursorTheme.ARROW & 0xffffff, s.rgb(900, 600), "over the background, the compositor's arrow");
        }
    }

    private static Screenshot screenshot() throws Exception {
        Thread.sleep(100); // past the next refresh
        return Screenshot.take(compositor, compositor.screenshotPath());
    }
}
