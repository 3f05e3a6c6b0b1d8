package javawc.compositor;

import javawc.client.Display;
import javawc.compositor.core.Surface;
import javawc.compositor.output.Output;
import javawc.compositor.render.Renderer;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import javawc.os.OwnedFd;
import javawc.os.UnixSockets;
import javawc.server.EventLoop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * scripts/bench-render: milliseconds per frame of each renderer on a fully damaged 1280x720
 * output showing several overlapping translucent windows. A compositor runs in this JVM (its
 * event loop on its own thread, which is where the renderer runs), a client maps the windows,
 * then the whole output is rendered again and again on the loop thread, timed around
 * {@link Renderer#render} alone. Two cases: contents unchanged between frames, and every
 * window's contents changed before each frame (what a GPU renderer must upload again; the
 * copy out of client memory at commit is the same for both renderers and not counted).
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
        Options options = Options.parse(List.of("--backend", "headless", "--renderer", renderer));
        EventLoop loop = new EventLoop();
        Compositor compositor = new Compositor(loop, options);
        Thread thread = new Thread(() -> {
            try {
                loop.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "bench-loop");
        thread.start();
        List<TestClient.ShmBuffer> buffers = new ArrayList<>();
        OwnedFd[] pair = UnixSockets.pair();
        loop.post(() -> {
            try {
                compositor.server().addClient(pair[0]);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (TestClient client = new TestClient(Display.fromSocket(pair[1]))) {
            for (int i = 0; i < windows; i++) {
                int alpha = 120 + 20 * i, shade = 40 * i;
                TestClient.ShmBuffer b = client.new ShmBuffer(640, 420, 0);
                b.paint((x, y) -> premultiplied(alpha, (x + shade) & 0xff, (y + 2 * shade) & 0xff, (x + y) / 4 & 0xff));
                buffers.add(b);
                client.window(b, "bench " + i);
            }
            for (boolean changing : new boolean[] {false, true}) {
                double[] ms = onLoop(loop, () -> renderFrames(compositor, frames, changing)).get();
                Arrays.sort(ms);
                double mean = Arrays.stream(ms).average().orElse(0);
                System.out.printf("%-9s %-18s %6.2f ms %6.2f ms %6.2f ms%n", renderer, changing ? "changed each frame" : "unchanged",
                        ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1], mean);
            }
        } finally {
            onLoop(loop, () -> {
                compositor.close();
                loop.stop();
                return null;
            }).get();
            thread.join();
            loop.close();
            buffers.forEach(TestClient.ShmBuffer::close);
        }
    }

    /** On the loop thread: renders the whole output {@code frames} times (after 30 untimed), in milliseconds each. */
    private static double[] renderFrames(Compositor compositor, int frames, boolean changing) {
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
            renderer.render(compositor.scene(), output, new Region(all), framebuffer);
            long end = System.nanoTime();
            if (i >= 0) ms[i] = (end - start) / 1e6;
        }
        return ms;
    }

    private static <T> CompletableFuture<T> onLoop(EventLoop loop, java.util.concurrent.Callable<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        loop.post(() -> {
            try {
                f.complete(task.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    private static int premultiplied(int a, int r, int g, int b) {
        return a << 24 | r * a / 255 << 16 | g * a / 255 << 8 | b * a / 255;
    }
}
