package javawc.compositor;

import javawc.compositor.output.Output;
import javawc.compositor.render.FallbackRenderer;
import javawc.compositor.render.Renderer;
import javawc.compositor.render.gles.GlesRenderer;
import javawc.compositor.render.software.SoftwareRenderer;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import javawc.compositor.scene.Scene;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The GLES renderer losing its context (docs/ROBUSTNESS.md, fault injection): the software
 * renderer takes over, repaints the whole output and keeps drawing; the compositor and its
 * clients carry on. Injected twice: a renderer failing as a lost context makes GL fail, and
 * the real GLES renderer (Mesa, surfaceless) whose EGL context and display are torn down behind
 * its back, as a GPU reset or a vanished device leaves them.
 */
class GlesFallbackTest {
    private static final int RED = 0xffff0000;

    @Test
    void aFailingGpuFrameHandsOverToSoftwareForGood() {
        int[] calls = {0};
        Renderer lost = new Renderer() {
            @Override
            public String name() {
                return "GLES (injected)";
            }

            @Override
            public void render(Scene scene, Output output, Region damage, int[] target) {
                if (++calls[0] == 2) throw new IllegalStateException("GL error 0x507 while drawing (context lost)");
                Arrays.fill(target, 0xff123456);
            }
        };
        FallbackRenderer r = new FallbackRenderer(lost, SoftwareRenderer::new);
        Scene scene = new Scene();
        Output output = new Output("FAKE-1", "javawc", "fake", 0, 0, new Output.Mode(64, 48, 60_000), 0, 0);
        int[] fb = new int[64 * 48];
        r.render(scene, output, new Region(new Rect(0, 0, 64, 48)), fb);
        assertFalse(r.fellBack());
        assertEquals(0xff123456, fb[0]);
        r.render(scene, output, new Region(new Rect(0, 0, 1, 1)), fb); // fails on the GPU: damage was one pixel
        assertTrue(r.fellBack());
        assertTrue(Arrays.stream(fb).allMatch(p -> p == SoftwareRenderer.BACKGROUND), "the whole output repainted by software, not just the damage");
        r.render(scene, output, new Region(new Rect(0, 0, 64, 48)), fb);
        assertEquals(2, calls[0], "the failed renderer is not asked again");
        assertInstanceOf(SoftwareRenderer.class, r.active());
    }

    @Test
    void theRealGlesRendererLosingItsContextLeavesTheCompositorDrawing() throws Exception {
        try (InProcessCompositor c = new InProcessCompositor("--backend", "headless", "--renderer", "gles", "--width", "320", "--height", "240")) {
            FallbackRenderer fallback = assertInstanceOf(FallbackRenderer.class, c.compositor.renderer());
            GlesRenderer gles = assertInstanceOf(GlesRenderer.class, fallback.active());
            try (TestClient client = c.connect(); TestClient.ShmBuffer red = client.new ShmBuffer(100, 80, RED)) {
                client.window(red, "before");
                c.onLoop(() -> {
                    gles.close(); // the EGL context and display gone, as after a GPU reset
                    return null;
                });
                TestClient.ShmBuffer again = client.new ShmBuffer(100, 80, RED);
                TestClient.Window w = client.window(again, "after"); // commits, frames, callbacks: all go on
                client.display.roundtrip();
                Output output = c.compositor.backend().outputs().getFirst();
                int[] pixels = c.onLoop(() -> c.compositor.backend().capture(output));
                assertTrue(fallback.fellBack(), "the software renderer took over");
                assertTrue(Arrays.stream(pixels).anyMatch(p -> (p & 0xffffff) == (RED & 0xffffff)), "the windows are drawn");
                assertNotNull(w);
                again.close();
            }
        }
    }
}
