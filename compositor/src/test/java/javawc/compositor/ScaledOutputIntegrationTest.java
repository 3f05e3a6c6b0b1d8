package javawc.compositor;

import javawc.client.protocol.WlSurface;
import javawc.compositor.render.software.SoftwareRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Outputs with a scale: what clients are told (wl_output.scale, xdg_output's logical size)
 * and where their pixels land, at scale 2 (a buffer_scale-2 client pixel for pixel) and 1.5
 * (each logical pixel 1.5 output pixels, sampled nearest), and turned 90 degrees.
 */
@ParameterizedClass(name = "{0} renderer")
@ValueSource(strings = {"software", "gles"})
class ScaledOutputIntegrationTest {
    @Parameter
    String renderer;

    private static final int BG = SoftwareRenderer.BACKGROUND & 0xffffff;
    private static final int RED = 0xffff0000, BLUE = 0xff0000ff;

    /** A distinct opaque colour for every buffer pixel, so a shifted or skipped texel shows. */
    private static int pattern(int x, int y) {
        return 0xff000000 | (x * 5 & 0xff) << 16 | (y * 7 & 0xff) << 8 | (x + y & 1) * 0xff;
    }

    /** A toplevel showing {@code content} with {@code bufferScale}, placed at (x, y). */
    private static WlSurface show(TestClient c, ControlClient control, TestClient.ShmBuffer content, int bufferScale, String appId, int x, int y) throws Exception {
        WlSurface s = c.compositor.createSurface();
        c.toplevel(s, appId, appId);
        s.setBufferScale(bufferScale);
        s.attach(content.buffer, 0, 0);
        s.damageBuffer(0, 0, content.width, content.height);
        s.commit();
        c.display.roundtrip();
        control.ok("place " + appId + " " + x + " " + y);
        Thread.sleep(100); // past the next refresh
        return s;
    }

    @Test
    void scaleTwoHalvesTheLogicalSizeAndDrawsBufferScaleTwoPixelForPixel() throws Exception {
        try (CompositorProcess compositor = CompositorProcess.startWithControl("--backend", "headless", "--renderer", renderer, "--output", "HEADLESS-1:1280x720,scale=2");
             ControlClient control = compositor.control(); TestClient c = new TestClient(compositor);
             TestClient.ShmBuffer fine = c.new ShmBuffer(200, 200, 0); TestClient.ShmBuffer coarse = c.new ShmBuffer(50, 50, 0)) {
            OutputEvents.xdgOutput(c, c.output);
            c.display.roundtrip();
            assertTrue(OutputEvents.of(c, c.output, 0).containsAll(List.of("mode 1280 720 60000", "scale 2", "xdg position 0 0", "xdg size 640 360")),
                    c.outputEvents.toString());

            fine.paint(ScaledOutputIntegrationTest::pattern);
            coarse.paint(ScaledOutputIntegrationTest::pattern);
            show(c, control, fine, 2, "test.fine", 50, 40);        // 100x100 logical: output pixels 100..299, 80..279
            show(c, control, coarse, 1, "test.coarse", 400, 40);   // 50x50 logical, each texel 2x2 output pixels from 800,80
            Screenshot s = Screenshot.take(compositor, compositor.screenshotPath());
            assertEquals(1280, s.width());
            int wrong = 0;
            for (int y = 0; y < 200; y++) for (int x = 0; x < 200; x++) if (s.rgb(100 + x, 80 + y) != (pattern(x, y) & 0xffffff)) wrong++;
            assertEquals(0, wrong, "buffer_scale 2 on a scale-2 output lands pixel for pixel");
            assertEquals(BG, s.rgb(99, 80));
            assertEquals(BG, s.rgb(300, 279));
            wrong = 0;
            for (int y = 0; y < 100; y++) for (int x = 0; x < 100; x++) if (s.rgb(800 + x, 80 + y) != (pattern(x / 2, y / 2) & 0xffffff)) wrong++;
            assertEquals(0, wrong, "buffer_scale 1 on a scale-2 output: each texel 2x2");
        }
    }

    @Test
    void scaleOneAndAHalfAdvertisesTwoAndScalesByOneAndAHalf() throws Exception {
        try (CompositorProcess compositor = CompositorProcess.startWithControl("--backend", "headless", "--renderer", renderer, "--output", "HEADLESS-1:1200x900@30,scale=1.5");
             ControlClient control = compositor.control(); TestClient c = new TestClient(compositor);
             TestClient.ShmBuffer halves = c.new ShmBuffer(100, 100, RED)) {
            SeatEvents seat = new SeatEvents(c);
            OutputEvents.xdgOutput(c, c.output);
            c.display.roundtrip();
            assertTrue(OutputEvents.of(c, c.output, 0).containsAll(List.of("mode 1200 900 30000", "scale 2", "xdg size 800 600")), c.outputEvents.toString());

            halves.fill(50, 0, 50, 100, BLUE);
            WlSurface s = show(c, control, halves, 1, "test.halves", 100, 100); // logical 100..200: output pixels 150..299
            Screenshot shot = Screenshot.take(compositor, compositor.screenshotPath());
            assertEquals(1200, shot.width());
            assertEquals(0, shot.countNot(150, 150, 75, 150, RED & 0xffffff), "the red half: logical 100..149, pixels 150..224");
            assertEquals(0, shot.countNot(225, 150, 75, 150, BLUE & 0xffffff), "the blue half: logical 150..199, pixels 225..299");
            assertEquals(BG, shot.rgb(149, 200));
            assertEquals(BG, shot.rgb(300, 200));
            assertEquals(BG, shot.rgb(200, 149));
            assertEquals(BG, shot.rgb(200, 300));

            control.ok("pointer-motion 790 150"); // the pointer moves in logical units: the layout is 800 wide
            control.ok("pointer-motion 120 130");
            seat.await("pointer.enter " + s.id() + " 20.0 30.0");
        }
    }

    @Test
    void aTurnedOutputShowsTheLayoutUprightAndSwapsItsLogicalSize() throws Exception {
        try (CompositorProcess compositor = CompositorProcess.startWithControl("--backend", "headless", "--renderer", renderer, "--output", "HEADLESS-1:640x480,transform=90");
             ControlClient control = compositor.control(); TestClient c = new TestClient(compositor);
             TestClient.ShmBuffer halves = c.new ShmBuffer(100, 80, RED)) {
            SeatEvents seat = new SeatEvents(c);
            OutputEvents.xdgOutput(c, c.output);
            c.display.roundtrip();
            assertTrue(OutputEvents.of(c, c.output, 0).containsAll(List.of("geometry 0 0 1", "mode 640 480 60000", "xdg size 480 640")), c.outputEvents.toString());

            halves.fill(50, 0, 50, 80, BLUE);
            WlSurface s = show(c, control, halves, 1, "test.turned", 10, 20);
            // turned 90 degrees counter-clockwise: logical (x, y) is framebuffer pixel (y, 479 - x)
            Screenshot shot = Screenshot.take(compositor, compositor.screenshotPath());
            assertEquals(640, shot.width());
            assertEquals(0, shot.countNot(20, 420, 80, 50, RED & 0xffffff), "the red half, logical x 10..59, at the bottom");
            assertEquals(0, shot.countNot(20, 370, 80, 50, BLUE & 0xffffff), "the blue half, logical x 60..109, above it");
            assertEquals(BG, shot.rgb(19, 400));
            assertEquals(BG, shot.rgb(100, 400));
            assertEquals(BG, shot.rgb(50, 369));
            assertEquals(BG, shot.rgb(50, 470));

            control.ok("pointer-motion 15 25");
            seat.await("pointer.enter " + s.id() + " 5.0 5.0");
        }
    }
}
