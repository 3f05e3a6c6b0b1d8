package javawc.compositor;

import javawc.compositor.output.Output;
import javawc.compositor.render.gles.FramebufferTarget;
import javawc.compositor.render.gles.GlesRenderer;
import javawc.compositor.render.gles.RenderTarget;
import javawc.compositor.render.software.SoftwareRenderer;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The GLES renderer in a compositor in this JVM (Mesa's surfaceless EGL; these tests fail,
 * never skip, when it cannot start): textures are uploaded once and then only the rows that
 * changed, only damaged rectangles are drawn and read back, textures go with their surfaces,
 * and GL is used from the event loop thread only.
 */
class GlesRendererTest {
    private static final int RED = 0xffff0000, BLUE = 0xff0000ff, BG = SoftwareRenderer.BACKGROUND;
    private static final int W = 1280, H = 720;
    private InProcessCompositor c;
    private GlesRenderer gles;
    private Output output;

    @BeforeEach
    void start() throws Exception {
        c = new InProcessCompositor("--backend", "headless", "--renderer", "gles");
        gles = assertInstanceOf(GlesRenderer.class, c.compositor.renderer().active());
        output = c.compositor.backend().outputs().getFirst();
    }

    @AfterEach
    void stop() throws Exception {
        c.close();
    }

    /** Renders {@code damage} on the loop thread into a framebuffer that starts as {@code fill}. */
    private int[] render(Region damage, int fill) throws Exception {
        return c.onLoop(() -> {
            int[] fb = new int[W * H];
            Arrays.fill(fb, fill);
            gles.render(c.compositor.scene(), output, damage, fb);
            return fb;
        });
    }

    private static Region everything() {
        return new Region(new Rect(0, 0, W, H));
    }

    @Test
    void texturesAreUploadedOnceThenOnlyTheRowsThatChanged() throws Exception {
        try (TestClient client = c.connect(); TestClient.ShmBuffer b = client.new ShmBuffer(200, 100, RED)) {
            TestClient.Window w = client.window(b, "uploads");
            int x = (W - 200) / 2, y = (H - 100) / 2;
            int[] fb = render(everything(), 0);
            assertEquals(RED, fb[(y + 50) * W + x + 100]);
            long afterFirst = c.onLoop(gles::uploadedPixels);
            assertTrue(afterFirst >= 200 * 100, "the whole buffer once: " + afterFirst);
            render(everything(), 0);
            render(everything(), 0);
            assertEquals(afterFirst, c.onLoop(gles::uploadedPixels), "nothing changed: nothing uploaded");

            b.fill(50, 10, 10, 10, BLUE); // rows 10..19, damaged as such
            w.surface().attach(b.buffer, 0, 0);
            w.surface().damageBuffer(50, 10, 10, 10);
            w.surface().commit();
            client.display.roundtrip();
            fb = render(everything(), 0);
            assertEquals(BLUE, fb[(y + 15) * W + x + 55]);
            assertEquals(RED, fb[(y + 15) * W + x + 45]);
            assertEquals(afterFirst + 10 * 200, c.onLoop(gles::uploadedPixels), "ten whole rows of the texture");
        }
    }

    @Test
    void onlyTheDamagedRectanglesAreDrawnAndReadBack() throws Exception {
        try (TestClient client = c.connect(); TestClient.ShmBuffer b = client.new ShmBuffer(200, 100, RED)) {
            client.window(b, "damage");
            int x = (W - 200) / 2, y = (H - 100) / 2;
            Region damage = new Region(new Rect(x - 10, y - 10, 20, 20));
            damage.add(new Rect(0, 0, 5, 5));
            int sentinel = 0x12345678;
            int[] fb = render(damage, sentinel);
            assertEquals(BG, fb[(y - 5) * W + x - 5], "background where damaged");
            assertEquals(RED, fb[(y + 5) * W + x + 5], "the window where damaged");
            assertEquals(BG, fb[4 * W + 4]);
            assertEquals(sentinel, fb[(y + 10) * W + x + 10], "untouched outside the damage");
            assertEquals(sentinel, fb[5 * W + 5]);
            int touched = 0;
            for (int p : fb) if (p != sentinel) touched++;
            assertEquals(20 * 20 + 5 * 5, touched);
        }
    }

    @Test
    void aSurfacesTextureGoesWithIt() throws Exception {
        try (TestClient client = c.connect(); TestClient.ShmBuffer b = client.new ShmBuffer(64, 64, RED)) {
            TestClient.Window w = client.window(b, "going");
            render(everything(), 0);
            assertEquals(1, c.onLoop(gles::textureCount));
            w.toplevel().destroy();
            w.xdgSurface().destroy();
            w.surface().destroy();
            client.display.roundtrip();
            int[] fb = render(everything(), 0);
            assertEquals(BG, fb[H / 2 * W + W / 2]);
            assertEquals(0, c.onLoop(gles::textureCount));
        }
    }

    /**
     * A target whose GL channels are the pixel format's own (as a scanout buffer imported
     * through EGL is): drawn without read-back, then read whole, it holds the same picture as
     * the renderer's own framebuffer, translucent blending and the background included.
     */
    @Test
    void aTargetInTheFormatsChannelOrderGetsTheSamePicture() throws Exception {
        try (TestClient client = c.connect();
             TestClient.ShmBuffer opaque = client.new ShmBuffer(200, 100, 0xff336699);
             TestClient.ShmBuffer translucent = client.new ShmBuffer(100, 100, 0x80402000)) {
            client.window(opaque, "opaque");
            client.window(translucent, "translucent");
            int[] expected = render(everything(), 0);
            int[] got = c.onLoop(() -> {
                int[] pixels = new int[W * H];
                try (FormatOrderTarget target = new FormatOrderTarget(new FramebufferTarget(W, H))) {
                    gles.draw(c.compositor.scene(), output, everything(), target);
                    gles.readPixels(target, pixels);
                }
                return pixels;
            });
            assertEquals(BG, got[0]);
            assertNotEquals(BG, got[H / 2 * W + W / 2], "the windows are there");
            assertArrayEquals(expected, got);
        }
    }

    /** A framebuffer that says its channels are the format's own, like a KMS buffer imported through EGL. */
    private record FormatOrderTarget(FramebufferTarget fb) implements RenderTarget {
        @Override
        public int width() {
            return fb.width();
        }

        @Override
        public int height() {
            return fb.height();
        }

        @Override
        public boolean formatOrder() {
            return true;
        }

        @Override
        public void bind() {
            fb.bind();
        }

        @Override
        public void close() {
            fb.close();
        }
    }

    @Test
    void glCallsFromAnotherThreadFail() throws Exception {
        c.onLoop(() -> null); // the loop has started, and taken the context
        int[] fb = new int[W * H];
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> gles.render(c.compositor.scene(), output, everything(), fb));
        assertTrue(e.getMessage().contains("the context belongs to in-process-compositor"), e.getMessage());
    }
}
