package javawc.compositor;

import javawc.compositor.core.Surface;
import javawc.compositor.output.Output;
import javawc.compositor.render.Renderer;
import javawc.compositor.render.gles.GlesRenderer;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;

import org.lwjgl.opengles.GLES20;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * scripts/bench-render: milliseconds per frame of each renderer on a fully damaged 1280x720
 * output showing several overlapping translucent windows. A compositor runs in this JVM (its
 * event loop on its own thread, which is where the renderer runs), a client maps the windows,
 * then the whole output is rendered again and again on the loop thread, timed around
 * {@link Renderer#render} alone. Two cases: contents unchanged between frames, and every
 * window's contents changed before each frame (what a GPU renderer must upload again; the
 * copy out of client memory at commit is the same for both renderers and not counted); for
 * GLES also the drawing alone, without the read-back into the int[] framebuffer.
 *
 * <p>Arguments: renderers to measure (default software gles), then optionally
 * {@code --frames N} (default 300) and {@code --windows N} (default 6).
 */
public final class RenderBench {
    private RenderBench() {}

    public static void main(String[] args) throws Exception {
        List<String> renderers = new ArrayList<>();
        int frames = 300, windows = 6;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--frames" -> frames = Integer.parseInt(args[++i]);
                case "--windows" -> windows = Integer.parseInt(args[++i]);
                default -> renderers.add(args[i]);
            }
        }
        if (renderers.isEmpty()) renderers = List.of("software", "gles");
        System.out.printf("full-damage 1280x720 frames, %d overlapping translucent windows, %d frames each (after 30 to warm up)%n", windows, frames);
        System.out.printf("%-9s %-18s %9s %9s %9s%n", "renderer", "contents", "median", "p95", "mean");
        for (String r : renderers) bench(r, frames, windows);
    }

    private static void bench(String renderer, int frames, int windows) throws Exception {
        List<TestClient.ShmBuffer> buffers = new ArrayList<>();
        try (InProcessCompositor c = new InProcessCompositor("--backend", "headless", "--renderer", renderer);
             TestClient client = c.connect()) {
            for (int i = 0; i < windows; i++) {
                int alpha = 120 + 20 * i, shade = 40 * i;
                TestClient.ShmBuffer b = client.new ShmBuffer(640, 420, 0);
                b.paint((x, y) -> premultiplied(alpha, (x + shade) & 0xff, (y + 2 * shade) & 0xff, (x + y) / 4 & 0xff));
                buffers.add(b);
                client.window(b, "bench " + i);
            }
            print(renderer, "unchanged", c.onLoop(() -> renderFrames(c.compositor, frames, false, false)));
            print(renderer, "changed each frame", c.onLoop(() -> renderFrames(c.compositor, frames, true, false)));
            if (c.compositor.renderer().active() instanceof GlesRenderer) {
                print(renderer, "no read-back", c.onLoop(() -> renderFrames(c.compositor, frames, false, true)));
            }
        } finally {
            buffers.forEach(TestClient.ShmBuffer::close);
        }
    }

    private static void print(String renderer, String contents, double[] ms) {
        Arrays.sort(ms);
        double mean = Arrays.stream(ms).average().orElse(0);
        System.out.printf("%-9s %-18s %6.2f ms %6.2f ms %6.2f ms%n", renderer, contents, ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1], mean);
    }

    /**
     * On the loop thread: renders the whole output {@code frames} times (after 30 untimed), in
     * milliseconds each. {@code drawOnly}: GLES draws into its framebuffer and waits for GL to
     * finish, without reading the pixels back (what a scanout target will need).
     */
    private static double[] renderFrames(Compositor compositor, int frames, boolean changing, boolean drawOnly) {
        Output output = compositor.backend().outputs().getFirst();
        Rect all = new Rect(output.x(), output.y(), output.mode().width(), output.mode().height());
        int[] framebuffer = new int[output.mode().width() * output.mode().height()];
        Renderer renderer = compositor.renderer();
        List<Surface> surfaces = new ArrayList<>();
        compositor.scene().forEachVisibleSurface((s, x, y) -> surfaces.add(s));
        double[] ms = new double[frames];
        for (int i = -30; i < frames; i++) {
            if (changing) for (Surface s : surfaces) s.texture().changed(new Region(new Rect(0, 0, s.texture().width(), s.texture().height())));
            long start = System.nanoTime();
            if (drawOnly && renderer.active() instanceof GlesRenderer gles) {
                gles.draw(compositor.scene(), output, new Region(all), gles.target(output));
                GLES20.glFinish();
            } else {
                renderer.render(compositor.scene(), output, new Region(all), framebuffer);
            }
            long end = System.nanoTime();
            if (i >= 0) ms[i] = (end - start) / 1e6;
        }
        return ms;
    }

    private static int premultiplied(int a, int r, int g, int b) {
        return a << 24 | r * a / 255 << 16 | g * a / 255 << 8 | b * a / 255;
    }
}
