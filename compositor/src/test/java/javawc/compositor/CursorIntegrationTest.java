package javawc.compositor;

import javawc.client.protocol.WlSurface;
import javawc.client.protocol.XdgToplevel;
import javawc.compositor.render.software.SoftwareRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static javawc.compositor.TestCursorTheme.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The compositor's own cursor on screen, in the real compositor: drawn at the pointer minus its
 * hotspot over the background with no client at all, and over a window until its client sets a
 * cursor; a client's cursor replaces it and a null one hides it; move and resize grabs show
 * their shapes; without any theme the built-in arrow. Most tests use {@link TestCursorTheme} (the
 * default of {@link CompositorProcess#startWithControl}), so the pixels are known exactly.
 */
@ParameterizedClass(name = "{0} renderer")
@ValueSource(strings = {"software", "gles"})
class CursorIntegrationTest {
    /** Every test runs with both renderers; gles fails (never skips) when EGL cannot start. */
    @Parameter
    String renderer;

    private static final int RED = 0xffff0000, GREEN = 0xff00ff00;
    private static final int BG = SoftwareRenderer.BACKGROUND & 0xffffff;
    private static final int WIDTH = 1280, HEIGHT = 720; // the headless output
    private CompositorProcess compositor;
    private ControlClient control;

    private void start(Map<String, String> env) throws Exception {
        compositor = CompositorProcess.startWithControl(env, "--backend", "headless", "--renderer", renderer);
        control = compositor.control();
    }

    @AfterEach
    void stop() throws Exception {
        if (control != null) control.close();
        if (compositor != null) compositor.close();
    }

    private Screenshot screenshot() throws Exception {
        Thread.sleep(100); // past the next refresh
        return Screenshot.take(compositor, compositor.screenshotPath());
    }

    /** Asserts the test arrow's 8x6 rectangle with its hotspot at (x, y), in {@code argb}. */
    private static void assertCursorAt(Screenshot s, int x, int y, int argb, String what) {
        int left = x - HOT_X, top = y - HOT_Y;
        assertEquals(0, s.countNot(left, top, ARROW_WIDTH, ARROW_HEIGHT, argb & 0xffffff), what + ": the whole image at the pointer minus the hotspot");
        assertEquals(argb & 0xffffff, s.rgb(x, y), what);
    }

    @Test
    void withNoClientTheArrowFollowsThePointerOverTheBackground() throws Exception {
        start(Map.of());
        assertEquals(0, screenshot().countNot(0, 0, WIDTH, HEIGHT, BG), "no pointer device has moved yet: nothing drawn");

        control.ok("pointer-motion 100.5 50.75");
        Screenshot s = screenshot();
        assertCursorAt(s, 100, 50, ARROW, "the size-24 image, not the size-48 one");
        assertEquals(BG, s.rgb(100 - HOT_X - 1, 50), "left of the image");
        assertEquals(BG, s.rgb(100 - HOT_X + ARROW_WIDTH, 50), "right of the image");
        assertEquals(BG, s.rgb(100, 50 - HOT_Y - 1), "above the image");
        assertEquals(BG, s.rgb(100, 50 - HOT_Y + ARROW_HEIGHT), "below the image");
        assertEquals(ARROW_WIDTH * ARROW_HEIGHT, s.countNot(0, 0, WIDTH, HEIGHT, BG), "nothing drawn anywhere else");

        control.ok("pointer-motion 700 400");
        s = screenshot();
        assertCursorAt(s, 700, 400, ARROW, "moved");
        assertEquals(0, s.countNot(100 - HOT_X, 50 - HOT_Y, ARROW_WIDTH, ARROW_HEIGHT, BG), "the old place repainted");
        assertEquals(ARROW_WIDTH * ARROW_HEIGHT, s.countNot(0, 0, WIDTH, HEIGHT, BG));

        control.ok("pointer-motion 0 0"); // the hotspot's offset puts part of the image off the output
        s = screenshot();
        assertEquals(ARROW & 0xffffff, s.rgb(0, 0));
        assertEquals(0, s.countNot(0, 0, ARROW_WIDTH - HOT_X, ARROW_HEIGHT - HOT_Y, ARROW & 0xffffff));
        assertEquals((ARROW_WIDTH - HOT_X) * (ARROW_HEIGHT - HOT_Y), s.countNot(0, 0, WIDTH, HEIGHT, BG));
        assertTrue(compositor.stderr().contains("pointer: cursor theme \"" + NAME + "\" at size 24"), compositor.stderr());
    }

    @Test
    void aClientCursorReplacesTheArrowAndANullOneHidesIt() throws Exception {
        start(Map.of());
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(200, 100, RED);
             TestClient.ShmBuffer green = c.new ShmBuffer(4, 4, GREEN)) {
            SeatEvents seat = new SeatEvents(c);
            TestClient.Window w = c.window(red, "cursor", "test.cursor");
            control.ok("place test.cursor 300 300", "pointer-motion 350 350");
            seat.await("pointer.enter " + w.surface().id() + " 50.0 50.0");
            assertCursorAt(screenshot(), 350, 350, ARROW, "over a window whose client set no cursor");

            WlSurface cursor = c.compositor.createSurface();
            cursor.attach(green.buffer, 0, 0);
            cursor.damageBuffer(0, 0, 4, 4);
            cursor.commit();
            seat.pointer.setCursor(seat.pointerEnterSerial, cursor, 0, 0);
            c.display.roundtrip();
            Screenshot s = screenshot();
            assertEquals(0, s.countNot(350, 350, 4, 4, GREEN & 0xffffff), "the client's cursor");
            assertEquals(0, s.countNot(300, 300, 200, 50, RED & 0xffffff), "above the pointer: the arrow is gone");
            assertEquals(RED & 0xffffff, s.rgb(348, 350), "left of the pointer: the arrow is gone");
            assertEquals(16, s.countNot(300, 300, 200, 100, RED & 0xffffff), "only the client's cursor on the window");

            cursor.destroy();
            c.display.roundtrip();
            assertEquals(0, screenshot().countNot(300, 300, 200, 100, RED & 0xffffff), "its surface destroyed: no cursor, not the arrow");

            seat.pointer.setCursor(seat.pointerEnterSerial, null, 0, 0);
            c.display.roundtrip();
            assertEquals(0, screenshot().countNot(300, 300, 200, 100, RED & 0xffffff), "a null cursor hides the pointer");
            control.ok("pointer-motion 360 360");
            assertEquals(0, screenshot().countNot(300, 300, 200, 100, RED & 0xffffff), "and it stays hidden as the pointer moves");

            control.ok("pointer-motion 800 600");
            seat.await("pointer.leave " + w.surface().id());
            assertCursorAt(screenshot(), 800, 600, ARROW, "off the window: the arrow again");

            control.ok("pointer-motion 400 320");
            seat.await("pointer.enter " + w.surface().id() + " 100.0 20.0");
            Screenshot back = screenshot();
            assertCursorAt(back, 400, 320, ARROW, "back on the window: the arrow until the client sets a cursor for this enter");
            assertEquals(0, back.countNot(800 - HOT_X, 600 - HOT_Y, ARROW_WIDTH, ARROW_HEIGHT, BG));
        }
    }

    @Test
    void moveAndResizeGrabsShowTheirShapes() throws Exception {
        start(Map.of());
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(200, 100, RED)) {
            c.autoAck = true;
            SeatEvents seat = new SeatEvents(c);
            TestClient.Window w = c.window(red, "grabs", "test.grabs");
            control.ok("place test.grabs 100 100", "pointer-motion 150 150", "pointer-button BTN_LEFT press");
            seat.await("pointer.button 272 1");
            w.toplevel().move(seat.seat, seat.buttonSerial);
            c.display.roundtrip();
            seat.await("pointer.leave " + w.surface().id());
            control.ok("pointer-motion 170 160");
            assertCursorAt(screenshot(), 170, 160, MOVE, "moving: the grabbing hand");
            control.ok("pointer-button BTN_LEFT release");
            seat.await("pointer.enter " + w.surface().id() + " 50.0 50.0");
            assertCursorAt(screenshot(), 170, 160, ARROW, "the move over: the arrow again");

            control.ok("pointer-motion 121 111", "pointer-button BTN_LEFT press");
            seat.await("pointer.button 272 1");
            w.toplevel().resize(seat.seat, seat.buttonSerial, XdgToplevel.ResizeEdge.TOP_LEFT);
            c.display.roundtrip();
            control.ok("pointer-motion 101 91");
            assertCursorAt(screenshot(), 101, 91, RESIZE_TOP_LEFT, "resizing by the top-left corner: its X name found");
            control.ok("pointer-button BTN_LEFT release");
            c.display.roundtrip();
            assertCursorAt(screenshot(), 101, 91, ARROW, "the resize over");
        }
    }

    @Test
    void withoutAnyThemeTheBuiltInArrowIsDrawn(@org.junit.jupiter.api.io.TempDir Path empty) throws Exception {
        start(Map.of("XCURSOR_PATH", empty.toString(), "XCURSOR_THEME", "none-such"));
        control.ok("pointer-motion 500 300");
        Screenshot s = screenshot();
        assertEquals(0x000000, s.rgb(500, 300), "the tip, black, at the pointer (hotspot 0, 0)");
        assertEquals(0x000000, s.rgb(500, 310), "the left edge's outline");
        assertEquals(0xffffff, s.rgb(502, 310), "white inside");
        assertEquals(BG, s.rgb(499, 300), "nothing left of the tip");
        assertEquals(BG, s.rgb(510, 302), "nothing right of the diagonal");
        assertEquals(0, s.countNot(0, 0, 500, HEIGHT, BG), "nothing anywhere else");
        assertTrue(compositor.stderr().contains("pointer: no cursor theme found"), compositor.stderr());
    }

    @Test
    void withTheMachinesThemeAPointerIsDrawnAtThePointer() throws Exception {
        // empty means unset: the machine's themes and icon directories (scripts/test installs Debian's adwaita-icon-theme)
        start(Map.of("XCURSOR_PATH", "", "XCURSOR_THEME", "", "XCURSOR_SIZE", ""));
        control.ok("pointer-motion 640 360");
        Screenshot s = screenshot();
        int drawn = s.countNot(640 - 64, 360 - 64, 128, 128, BG);
        assertTrue(drawn >= 20, "a cursor around the pointer: " + drawn + " pixels drawn; " + compositor.stderr());
        assertEquals(drawn, s.countNot(0, 0, WIDTH, HEIGHT, BG), "and nowhere else");
        assertTrue(compositor.stderr().contains("pointer: "), compositor.stderr());
    }
}
