package javawc.compositor;

import javawc.client.protocol.WlShm;
import javawc.client.protocol.WlSubsurface;
import javawc.client.protocol.WlSurface;
import javawc.client.protocol.WpSinglePixelBufferManagerV1;
import javawc.client.protocol.WpViewport;
import javawc.client.protocol.WpViewporter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The GLES and software renderers draw the same scene alike: two compositors, one with each
 * renderer, get the same windows from the same client code (opaque and translucent windows
 * overlapping, buffer scale 2, 90° and flipped-270° transforms, subsurfaces, viewports and a
 * single-pixel buffer, a cursor), and
 * their screenshots differ by at most a small rounding difference per channel.
 */
class RendererComparisonIntegrationTest {
    /** GL blends 8-bit channels with its own rounding; the software renderer rounds exactly. */
    private static final int TOLERANCE = 2;

    @Test
    void glesMatchesSoftwareOnAlphaScaleTransformsSubsurfacesAndCursor() throws Exception {
        Screenshot software = renderScene("software"), gles = renderScene("gles");
        int max = 0, differing = 0, maxX = -1, maxY = -1;
        for (int y = 0; y < 720; y++) {
            for (int x = 0; x < 1280; x++) {
                int a = software.rgb(x, y), b = gles.rgb(x, y), d = 0;
                for (int shift = 0; shift < 24; shift += 8) d = Math.max(d, Math.abs((a >> shift & 0xff) - (b >> shift & 0xff)));
                if (d > 0) differing++;
                if (d > max) {
                    max = d;
                    maxX = x;
                    maxY = y;
                }
            }
        }
        System.out.printf("renderer comparison: max channel difference %d (at %d,%d), %d of %d pixels differ%n", max, maxX, maxY, differing, 1280 * 720);
        int at = maxX < 0 ? 0 : software.rgb(maxX, maxY), other = maxX < 0 ? 0 : gles.rgb(maxX, maxY);
        assertTrue(max <= TOLERANCE, "max channel difference " + max + " at (" + maxX + "," + maxY + "): software "
                + Integer.toHexString(at) + ", gles " + Integer.toHexString(other));
        assertNotEquals(software.rgb(10, 10), software.rgb(500, 300), "the scene is drawn");
        // the viewport window's first pixel: centre (0.5, 0.5) / 3 + source (7, 5) is texel (7, 5)
        assertEquals(noise(7 * 7, 5 + 1), software.rgb(60, 480), "the viewport crops and scales");
        assertEquals(0x00ff00, gles.rgb(420, 349), "the cursor's green bottom rows at the pointer (420, 330) minus its hotspot (4, 4)");
    }

    /** Builds the scene in a compositor with {@code renderer} and takes its screenshot. */
    private static Screenshot renderScene(String renderer) throws Exception {
        try (CompositorProcess c = CompositorProcess.startWithControl("--backend", "headless", "--renderer", renderer);
             ControlClient control = c.control(); TestClient client = new TestClient(c)) {
            List<TestClient.ShmBuffer> buffers = new ArrayList<>();
            try {
                SeatEvents seat = new SeatEvents(client);
                // an opaque (XRGB) window with a pattern whose every pixel differs from its neighbours
                TestClient.ShmBuffer back = buffer(client, buffers, 400, 300, WlShm.Format.XRGB8888, (x, y) -> 0xff000000 | noise(x, y));
                TestClient.Window w1 = client.window(back, "back", "test.back");
                control.ok("place test.back 100 100");

                // a translucent window over it: premultiplied colours, alpha rising from left to right
                TestClient.ShmBuffer glass = buffer(client, buffers, 300, 200, WlShm.Format.ARGB8888, (x, y) -> premultiplied(x * 255 / 299, noise(x + 7, y + 3)));
                client.window(glass, "glass", "test.glass");
                control.ok("place test.glass 300 250");

                // a window at buffer scale 2: every surface pixel shows one texel of its 2x2 block
                WlSurface scaled = client.compositor.createSurface();
                client.toplevel(scaled, "scaled", "test.scaled");
                scaled.setBufferScale(2);
                attach(scaled, buffer(client, buffers, 160, 120, WlShm.Format.ARGB8888, (x, y) -> premultiplied(200, noise(x, y))));
                control.ok("place test.scaled 700 60");

                // a window drawn rotated by 90°, with a translucent subsurface at scale 2, flipped and rotated by 270°
                WlSurface rotated = client.compositor.createSurface();
                client.toplevel(rotated, "rotated", "test.rotated");
                rotated.setBufferTransform(1);
                WlSurface child = client.compositor.createSurface();
                WlSubsurface sub = client.subcompositor.getSubsurface(child, rotated);
                sub.setPosition(-30, 40);
                sub.setDesync();
                child.setBufferScale(2);
                child.setBufferTransform(7);
                attach(child, buffer(client, buffers, 100, 60, WlShm.Format.ARGB8888, (x, y) -> premultiplied(90 + x, noise(y, x))));
                attach(rotated, buffer(client, buffers, 150, 90, WlShm.Format.ARGB8888, (x, y) -> noise(x * 3, y) | 0xff000000));
                control.ok("place test.rotated 720 330");

                // an opaque subsurface partly outside its parent, below a 180° one
                WlSurface side = client.compositor.createSurface();
                client.subcompositor.getSubsurface(side, w1.surface()).setPosition(350, -20);
                attach(side, buffer(client, buffers, 90, 70, WlShm.Format.XRGB8888, (x, y) -> noise(y, x + 11)));
                WlSurface flipped = client.compositor.createSurface();
                client.subcompositor.getSubsurface(flipped, w1.surface()).setPosition(-40, 200);
                flipped.setBufferTransform(2);
                attach(flipped, buffer(client, buffers, 80, 80, WlShm.Format.ARGB8888, (x, y) -> premultiplied(128, noise(x + 1, y + 2))));
                w1.surface().commit();
                client.display.roundtrip();

                // a window through a viewport (cropped, scaled up by 3), with a subsurface at buffer scale 2 turned by 90°
                // whose viewport scales by 8/3, and a translucent single-pixel buffer scaled to 40x20; the factors keep
                // every pixel centre off texel edges, where float and double arithmetic could pick neighbouring texels
                WpViewporter viewporter = ExtraGlobals.bind(client, WpViewporter.NAME, WpViewporter.TYPE, 1);
                WpSinglePixelBufferManagerV1 pixels = ExtraGlobals.bind(client, WpSinglePixelBufferManagerV1.NAME, WpSinglePixelBufferManagerV1.TYPE, 1);
                WlSurface viewported = client.compositor.createSurface();
                client.toplevel(viewported, "viewport", "test.viewport");
                WpViewport crop = viewporter.getViewport(viewported);
                crop.setSource(7 * 256, 5 * 256, 20 * 256, 10 * 256);
                crop.setDestination(60, 30);
                WlSurface turned = client.compositor.createSurface();
                client.subcompositor.getSubsurface(turned, viewported).setPosition(70, 0);
                turned.setBufferScale(2);
                turned.setBufferTransform(1);
                WpViewport turnedCrop = viewporter.getViewport(turned);
                turnedCrop.setSource(256, 2 * 256, 9 * 256, 12 * 256);
                turnedCrop.setDestination(24, 32);
                attach(turned, buffer(client, buffers, 30, 24, WlShm.Format.ARGB8888, (x, y) -> premultiplied(220, noise(x + 3, y * 5))));
                WlSurface tint = client.compositor.createSurface();
                client.subcompositor.getSubsurface(tint, viewported).setPosition(10, 15);
                viewporter.getViewport(tint).setDestination(40, 20);
                tint.attach(pixels.createU32RgbaBuffer(0x30000000, 0x60000000, 0x10000000, 0x80000000), 0, 0);
                tint.damage(0, 0, 40, 20);
                tint.commit();
                attach(viewported, buffer(client, buffers, 60, 40, WlShm.Format.XRGB8888, (x, y) -> 0xff000000 | noise(x * 7, y + 1)));
                control.ok("place test.viewport 60 480");

                // a translucent cursor over the glass window
                control.ok("pointer-motion 420.5 330.5");
                seat.awaitPrefix("pointer.enter");
                WlSurface cursor = client.compositor.createSurface();
                attach(cursor, buffer(client, buffers, 24, 24, WlShm.Format.ARGB8888, (x, y) -> y >= 22 ? 0xff00ff00 : premultiplied(x * 10, noise(x, y + 5))));
                seat.pointer.setCursor(seat.pointerEnterSerial, cursor, 4, 4);
                client.display.roundtrip();
                Thread.sleep(150); // past the next refresh
                return Screenshot.take(c, c.screenshotPath());
            } finally {
                buffers.forEach(TestClient.ShmBuffer::close);
            }
        }
    }

    private static TestClient.ShmBuffer buffer(TestClient c, List<TestClient.ShmBuffer> all, int w, int h, int format,
                                               java.util.function.IntBinaryOperator pixels) throws Exception {
        TestClient.ShmBuffer b = c.new ShmBuffer(w, h, 0, format);
        b.paint(pixels);
        all.add(b);
        return b;
    }

    private static void attach(WlSurface s, TestClient.ShmBuffer b) throws Exception {
        s.attach(b.buffer, 0, 0);
        s.damageBuffer(0, 0, b.width, b.height);
        s.commit();
        b.client().display.roundtrip();
    }

    /** An RGB colour that changes from each pixel to the next. */
    private static int noise(int x, int y) {
        int h = x * 0x9e3779b1 ^ y * 0x85ebca6b;
        h ^= h >>> 15;
        h *= 0x2c1b3c6d;
        h ^= h >>> 12;
        return h & 0xffffff;
    }

    /** {@code rgb} at alpha {@code a}, premultiplied. */
    private static int premultiplied(int a, int rgb) {
        int r = (rgb >> 16 & 0xff) * a / 255, g = (rgb >> 8 & 0xff) * a / 255, b = (rgb & 0xff) * a / 255;
        return a << 24 | r << 16 | g << 8 | b;
    }
}
