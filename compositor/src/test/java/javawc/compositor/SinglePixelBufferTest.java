package javawc.compositor;

import javawc.client.protocol.WlBuffer;
import javawc.client.protocol.WlSurface;
import javawc.client.protocol.WpSinglePixelBufferManagerV1;
import javawc.client.protocol.WpViewporter;
import javawc.compositor.scene.Rect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * wp_single_pixel_buffer_manager_v1 in a whole compositor in this JVM (headless, software
 * renderer): a buffer is one pixel (a 1x1 surface without a viewport), a viewport's
 * destination makes it any size, and its 32-bit premultiplied channels become the 8-bit
 * pixel drawn, opaque or blended over what is below.
 */
class SinglePixelBufferTest {
    private static final int BACKGROUND = 0xff2b2b33; // the software renderer's

    private InProcessCompositor ip;
    private TestClient client;
    private WpSinglePixelBufferManagerV1 manager;
    private WpViewporter viewporter;

    @BeforeEach
    void start() throws Exception {
        ip = new InProcessCompositor("--backend", "headless", "--renderer", "software");
        client = ip.connect();
        manager = ExtraGlobals.bind(client, WpSinglePixelBufferManagerV1.NAME, WpSinglePixelBufferManagerV1.TYPE, 1);
        viewporter = ExtraGlobals.bind(client, WpViewporter.NAME, WpViewporter.TYPE, 1);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        ip.close();
    }

    private Rect show(WlBuffer buffer, int width, int height) throws Exception {
        WlSurface surface = client.compositor.createSurface();
        client.toplevel(surface, "one colour");
        if (width > 0) viewporter.getViewport(surface).setDestination(width, height);
        surface.attach(buffer, 0, 0);
        surface.damage(0, 0, Integer.MAX_VALUE, Integer.MAX_VALUE);
        surface.commit();
        client.display.roundtrip();
        return ip.onLoop(() -> ip.compositor.scene().toplevels().getFirst().surface().globalBounds());
    }

    private int[] screen() throws Exception {
        Thread.sleep(60); // past the next refresh
        return ip.onLoop(() -> ip.compositor.backend().capture(ip.compositor.scene().primaryOutput()));
    }

    @Test
    void withoutAViewportTheSurfaceIsOnePixel() throws Exception {
        Rect r = show(manager.createU32RgbaBuffer(0, -1, 0, -1), 0, 0);
        assertEquals(1, r.width());
        assertEquals(1, r.height());
        assertEquals(0xff00ff00, screen()[r.y() * 1280 + r.x()]);
    }

    @Test
    void aViewportFillsItsDestinationWithTheColour() throws Exception {
        Rect r = show(manager.createU32RgbaBuffer(-1, 0, 0, -1), 50, 40);
        assertEquals(50, r.width());
        assertEquals(40, r.height());
        int[] px = screen();
        for (int y = r.y(); y < r.bottom(); y++) for (int x = r.x(); x < r.right(); x++) assertEquals(0xffff0000, px[y * 1280 + x]);
        assertEquals(BACKGROUND, px[r.y() * 1280 + r.right()], "nothing beyond it");
    }

    @Test
    void aTranslucentColourIsBlendedPremultiplied() throws Exception {
        // half-transparent blue, premultiplied: blue 0x80000000 of alpha 0x80000000 (both 128 in 8 bits)
        Rect r = show(manager.createU32RgbaBuffer(0, 0, 0x80000000, 0x80000000), 10, 10);
        int p = screen()[(r.y() + 5) * 1280 + r.x() + 5];
        // over the background 0x2b2b33: each channel c * 127/255, plus 128 in blue
        assertEquals(0xff, p >>> 24);
        assertEquals(0x2b * 127 / 255.0, p >> 16 & 0xff, 1);
        assertEquals(0x2b * 127 / 255.0, p >> 8 & 0xff, 1);
        assertEquals(128 + 0x33 * 127 / 255.0, p & 0xff, 1);
    }
}
