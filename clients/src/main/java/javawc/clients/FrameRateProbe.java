package javawc.clients;

import javawc.client.Display;
import javawc.client.protocol.WlCallback;
import javawc.client.protocol.WlShm;
import javawc.client.protocol.WlSurface;
import javawc.client.protocol.XdgSurface;

import java.io.IOException;
import java.util.Arrays;

/**
 * Measures frame-callback pacing: a small toplevel that commits a new frame on every
 * wl_surface.frame callback, as a game or video player would, for {@code --seconds S}.
 * Prints callbacks per second and the spread of the intervals between them, one line
 * "frame-rate: ..." on stdout. Runs against any compositor.
 */
public final class FrameRateProbe {
    private FrameRateProbe() {}

    public static void main(String[] args) throws IOException {
        int seconds = DemoArgs.parseOrExit("FrameRateProbe", args, DemoArgs.defaults("seconds", "5"), a -> a.integer("seconds", 1));
        try (Display display = Display.connect()) {
            DemoGlobals g = DemoGlobals.bind(display);
            WlSurface surface = g.compositor().createSurface();
            XdgSurface xdg = g.wmBase().getXdgSurface(surface);
            boolean[] configured = {false};
            xdg.setListener(new XdgSurface.Listener() {
                @Override
                public void configure(XdgSurface self, int serial) {
                    self.ackConfigure(serial);
                    configured[0] = true;
                }
            });
            xdg.getToplevel().setTitle("frame-rate-probe");
            surface.commit();
            while (!configured[0]) display.dispatch();
            try (ShmBufferPool pool = new ShmBufferPool(g.shm(), 64, 64, WlShm.Format.XRGB8888, 2)) {
                long[] times = new long[seconds * 1000];
                int[] count = {0};
                long end = System.nanoTime() + seconds * 1_000_000_000L;
                Runnable[] draw = new Runnable[1];
                draw[0] = () -> {
                    ShmBufferPool.Buffer b = pool.acquire();
                    if (b == null) throw new IllegalStateException("no free buffer: releases are late");
                    b.canvas().fill(0, 0, 64, 64, 0xff000000 | count[0] * 40503 & 0xffffff);
                    surface.attach(b.wlBuffer(), 0, 0);
                    surface.damageBuffer(0, 0, 64, 64);
                    surface.frame().setListener(new WlCallback.Listener() {
                        @Override
                        public void done(WlCallback self, int time) {
                            if (count[0] < times.length) times[count[0]] = System.nanoTime();
                            count[0]++;
                            if (System.nanoTime() < end) draw[0].run();
                        }
                    });
                    surface.commit();
                };
                draw[0].run();
                long start = System.nanoTime();
                while (System.nanoTime() < end) display.dispatch(100);
                report(times, Math.min(count[0], times.length), (System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static void report(long[] times, int n, double seconds) {
        if (n < 2) {
            System.out.printf("frame-rate: %d callbacks in %.1f s%n", n, seconds);
            return;
        }
        double[] ms = new double[n - 1];
        for (int i = 1; i < n; i++) ms[i - 1] = (times[i] - times[i - 1]) / 1e6;
        Arrays.sort(ms);
        System.out.printf("frame-rate: %.1f callbacks/s (%d in %.1f s); interval ms: median %.2f, p5 %.2f, p95 %.2f, max %.2f%n",
                n / seconds, n, seconds, ms[ms.length / 2], ms[ms.length * 5 / 100], ms[ms.length * 95 / 100], ms[ms.length - 1]);
    }
}
