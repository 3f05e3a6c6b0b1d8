package javawc.clients;

import javawc.client.Display;
import javawc.client.protocol.WlCallback;
import javawc.client.protocol.WlRegion;
import javawc.client.protocol.WlShm;
import javawc.client.protocol.WlSurface;
import javawc.client.protocol.XdgSurface;
import javawc.client.protocol.XdgToplevel;
import javawc.os.OsException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.SequencedMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An animated xdg toplevel in wl_shm memory ({@link ShmDemoPattern}), redrawn on every frame
 * callback into one of two buffers, damaging only the bar's old and new places.
 * <p>
 * Options: {@code --width W --height H} (the size it picks when the compositor leaves it the
 * choice), {@code --frames N} (exit 0 after N frame callbacks; 0 runs until closed or killed),
 * {@code --title T}, {@code --app-id A}. stdout gets {@code demo-shm: frame N} every 60 frames
 * and {@code demo-shm: done N frames} at exit; diagnostics go to the log (stderr).
 */
public final class DemoShm {
    private static final Logger LOG = LogManager.getLogger(DemoShm.class);
    private static final SequencedMap<String, String> DEFAULTS = DemoArgs.defaults(
            "width", "320", "height", "240", "frames", "0", "title", "demo-shm", "app-id", "javawc.demo-shm");
    private static final int REPORT_EVERY = 60;

    private final Display display;
    private final DemoGlobals globals;
    private final int ownWidth, ownHeight, maxFrames;
    private final WlSurface surface;
    private final XdgSurface xdgSurface;
    private final XdgToplevel toplevel;
    private final AtomicInteger frames = new AtomicInteger(); // also read by the shutdown hook
    private final AtomicBoolean reported = new AtomicBoolean();
    private final Set<ShmBufferPool.Buffer> painted = new HashSet<>(); // buffers of the pool holding a whole picture
    private ShmBufferPool pool;
    private int proposedWidth, proposedHeight; // xdg_toplevel.configure, applied by the xdg_surface.configure that follows
    private int width, height;
    private int previousBarX = -1; // -1: the next frame is the first at this size and damages everything
    private boolean configured, frameDue, running = true;

    private record Options(int width, int height, int frames, String title, String appId) {
        static Options read(DemoArgs a) {
            return new Options(a.integer("width", 1), a.integer("height", 1), a.integer("frames", 0), a.string("title"), a.string("app-id"));
        }
    }

    private DemoShm(Display display, Options options) throws IOException {
        this.display = display;
        this.ownWidth = options.width();
        this.ownHeight = options.height();
        this.maxFrames = options.frames();
        this.globals = DemoGlobals.bind(display);
        surface = globals.compositor().createSurface();
        xdgSurface = globals.wmBase().getXdgSurface(surface).setListener(new XdgSurface.Listener() {
            @Override
            public void configure(XdgSurface self, int serial) {
                self.ackConfigure(serial);
                // 0 leaves the size to us; the new size is drawn by the next frame, which commits it
                width = proposedWidth > 0 ? proposedWidth : ownWidth;
                height = proposedHeight > 0 ? proposedHeight : ownHeight;
                LOG.debug("configure {}: {}x{}", serial, width, height);
                if (!configured) frameDue = configured = true; // the first frame; then frame callbacks pace us
            }
        });
        toplevel = xdgSurface.getToplevel().setListener(new XdgToplevel.Listener() {
            @Override
            public void configure(XdgToplevel self, int w, int h, ByteBuffer states) {
                proposedWidth = w;
                proposedHeight = h;
            }

            @Override
            public void close(XdgToplevel self) {
                LOG.info("the compositor asked us to close");
                running = false;
            }
        });
        toplevel.setTitle(options.title());
        toplevel.setAppId(options.appId());
    }

    public static void main(String[] args) {
        Options options = DemoArgs.parseOrExit("demo-shm", args, DEFAULTS, Options::read);
        try (Display display = Display.connect()) {
            DemoShm demo = new DemoShm(display, options);
            Runtime.getRuntime().addShutdownHook(new Thread(demo::reportDone)); // killed: still say how far we got
            demo.run();
        } catch (IOException e) {
            LOG.error("demo-shm: {}", e.getMessage());
            System.exit(1);
        }
    }

    private void run() throws IOException {
        surface.commit(); // no buffer yet: this asks for the first configure
        while (running) {
            display.dispatch();
            if (frameDue) drawFrame();
        }
        reportDone();
        if (pool != null) pool.close();
        toplevel.destroy(); // role object first, as xdg-shell requires
        xdgSurface.destroy();
        surface.destroy();
        display.flush();
    }

    private void drawFrame() throws OsException {
        ShmBufferPool old = null;
        if (pool == null || pool.width() != width || pool.height() != height) {
            old = pool;
            pool = new ShmBufferPool(globals.shm(), width, height, WlShm.Format.ARGB8888, 2);
            painted.clear();
            previousBarX = -1;
            setOpaqueRegion();
        }
        ShmBufferPool.Buffer buffer = pool.acquire();
        if (buffer == null) return; // both on screen: still due, drawn once a release arrives
        frameDue = false;
        int barX = ShmDemoPattern.barX(frames.get(), width);
        // a buffer last drawn two frames ago differs from this frame only in the band
        if (painted.add(buffer)) ShmDemoPattern.drawAll(buffer.canvas(), barX);
        else ShmDemoPattern.drawBand(buffer.canvas(), barX);
        surface.attach(buffer.wlBuffer(), 0, 0);
        if (previousBarX < 0) {
            DemoGlobals.damage(surface, 0, 0, width, height);
        } else if (previousBarX != barX) {
            int top = ShmDemoPattern.bandTop(height);
            DemoGlobals.damage(surface, previousBarX, top, ShmDemoPattern.BAR_WIDTH, height - top);
            DemoGlobals.damage(surface, barX, top, ShmDemoPattern.BAR_WIDTH, height - top);
        }
        previousBarX = barX;
        surface.frame().setListener(new WlCallback.Listener() {
            @Override
            public void done(WlCallback self, int time) {
                frameDone();
            }
        });
        surface.commit();
        if (old != null) old.close(); // its buffers are no longer attached once the commit is processed
    }

    private void frameDone() {
        int n = frames.incrementAndGet();
        if (n % REPORT_EVERY == 0) System.out.println("demo-shm: frame " + n);
        if (maxFrames > 0 && n >= maxFrames) running = false;
        else frameDue = true;
    }

    /** Everything is opaque: the compositor need not draw what is below us. */
    private void setOpaqueRegion() {
        WlRegion region = globals.compositor().createRegion();
        region.add(0, 0, width, height);
        surface.setOpaqueRegion(region);
        region.destroy(); // the surface keeps a copy of the region's content
    }

    private void reportDone() {
        if (!reported.getAndSet(true)) System.out.println("demo-shm: done " + frames.get() + " frames");
    }
}
