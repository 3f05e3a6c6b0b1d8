package javawc.clients;

import javawc.client.Display;
import javawc.client.protocol.WlBuffer;
import javawc.client.protocol.WlCallback;
import javawc.client.protocol.WlRegion;
import javawc.client.protocol.WlRegistry;
import javawc.client.protocol.WlSurface;
import javawc.client.protocol.XdgSurface;
import javawc.client.protocol.XdgToplevel;
import javawc.client.protocol.ZwpLinuxBufferParamsV1;
import javawc.client.protocol.ZwpLinuxDmabufFeedbackV1;
import javawc.client.protocol.ZwpLinuxDmabufV1;
import javawc.os.Descriptors;
import javawc.os.Drm;
import javawc.os.LibC;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SequencedMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An animated full-screen xdg toplevel in dma-bufs: two dumb buffers on the compositor's DRM
 * device, drawn by the CPU and shared through zwp_linux_dmabuf_v1 (version 4), redrawn on
 * every frame callback into whichever buffer the compositor has released. The picture is
 * {@link DmabufDemoPattern}: cyan, magenta / orange, grey quadrants above a navy band with a
 * moving lime bar; a test can check it at fixed fractions of the screen (see there).
 * <p>
 * Steps: the default feedback gives the main device, the format table and the tranches; the
 * demo needs XRGB8888 with the LINEAR modifier (the only layout a dumb buffer promises). The
 * device node is the entry of {@code /dev/dri} with the main device's number (a render node
 * leads to its primary node: dumb buffers need one), or {@code --device PATH}. Each buffer is
 * CREATE_DUMB, mapped through the device fd, exported with PRIME_HANDLE_TO_FD, and becomes a
 * wl_buffer with zwp_linux_buffer_params_v1 add + create_immed and one roundtrip, so that a
 * compositor's failed event is seen before the buffers are used ({@code --create}: create,
 * then the created or failed event). CPU writes are bracketed by DMA_BUF_IOCTL_SYNC.
 * <p>
 * Options: {@code --width W --height H} (the size when the compositor leaves it to us),
 * {@code --frames N} (exit after N frame callbacks; 0 runs until closed or killed),
 * {@code --title T}, {@code --app-id A}, {@code --device PATH|auto}, {@code --create}.
 * stdout gets {@code demo-dmabuf: frame N} every 60 frames and {@code demo-dmabuf: done N
 * frames} at exit; errors go to the log (stderr), one line each. Exit status: 0 done; 1 an
 * error (protocol error, failed system call, the compositor refused a buffer); 2 bad options;
 * 3 something needed is missing (linux-dmabuf v4, XRGB8888 linear, a usable device node).
 */
public final class DemoDmabuf implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(DemoDmabuf.class);
    private static final String PROGRAM = "demo-dmabuf";
    private static final SequencedMap<String, String> DEFAULTS = DemoArgs.defaults(
            "width", "1280", "height", "800", "frames", "0", "title", PROGRAM, "app-id", "javawc.demo-dmabuf", "device", "auto");
    private static final List<String> FLAGS = List.of("create");
    private static final int REPORT_EVERY = 60, BUFFERS = 2, DMABUF_VERSION = 4;
    static final int EXIT_ERROR = 1, EXIT_UNSUPPORTED = 3;
    private static final String REFUSED = "the compositor could not use our dma-buf (" + ZwpLinuxBufferParamsV1.NAME + ".failed)";

    /** The compositor or this machine lacks what the demo needs: exit status 3. */
    static final class Unsupported extends IOException {
        Unsupported(String message) {
            super(message);
        }
    }

    /** A dumb buffer, its wl_buffer, and whether the compositor holds it. */
    private static final class Slot {
        final DumbDmabuf dumb;
        ZwpLinuxBufferParamsV1 params; // kept: create_immed's failed event arrives on it
        WlBuffer wlBuffer;
        boolean busy, painted, failed;

        Slot(DumbDmabuf dumb) {
            this.dumb = dumb;
        }
    }

    private record Options(int width, int height, int frames, String title, String appId, String device, boolean create) {
        static Options read(DemoArgs a) {
            return new Options(a.integer("width", 1), a.integer("height", 1), a.integer("frames", 0), a.string("title"),
                    a.string("app-id"), a.string("device"), a.flag("create"));
        }
    }

    private final Display display;
    private final Options options;
    private final DemoGlobals globals;
    private final ZwpLinuxDmabufV1 dmabuf;
    private final OwnedFd device;
    private final AtomicInteger frames = new AtomicInteger(); // also read by the shutdown hook
    private final AtomicBoolean reported = new AtomicBoolean();
    private WlSurface surface;
    private XdgSurface xdgSurface;
    private XdgToplevel toplevel;
    private List<Slot> slots = List.of();
    private int proposedWidth, proposedHeight; // xdg_toplevel.configure, applied by the xdg_surface.configure that follows
    private int width, height;
    private int previousBarX = -1; // -1: the next frame is the first at this size and damages everything
    private boolean configured, frameDue, running = true;

    private DemoDmabuf(Display display, Options options) throws IOException {
        this.display = display;
        this.options = options;
        this.globals = DemoGlobals.bind(display);
        this.dmabuf = bindDmabuf(display);
        DmabufFeedback feedback = defaultFeedback(display, dmabuf);
        DmabufFeedback.Tranche tranche = feedback.find(Drm.FORMAT_XRGB8888, Drm.MOD_LINEAR);
        if (tranche == null) {
            throw new Unsupported("the compositor does not offer XRGB8888 with the LINEAR modifier, which dumb buffers need (its table: "
                    + summary(feedback.table()) + ")");
        }
        long main = feedback.mainDevice();
        LOG.info("main device {}; XRGB8888 linear in tranche {} of {} (target device {}{})", DmabufFeedback.describeDevice(main),
                feedback.tranches().indexOf(tranche) + 1, feedback.tranches().size(),
                DmabufFeedback.describeDevice(tranche.targetDevice()), tranche.scanout() ? ", scanout" : "");
        boolean auto = options.device().equals("auto");
        Path node;
        try {
            node = auto ? DrmNodes.primaryNodeFor(main) : Path.of(options.device());
        } catch (IOException e) {
            throw new Unsupported(e.getMessage());
        }
        this.device = open(node, auto ? -1 : main);
    }

    public static void main(String[] args) {
        Options options = DemoArgs.parseOrExit(PROGRAM, args, DEFAULTS, FLAGS, Options::read);
        int status = 0;
        try (Display display = Display.connect(); DemoDmabuf demo = new DemoDmabuf(display, options)) {
            Runtime.getRuntime().addShutdownHook(new Thread(demo::reportDone)); // killed: still say how far we got
            demo.run();
        } catch (Unsupported e) {
            LOG.error("{}: {}", PROGRAM, e.getMessage());
            status = EXIT_UNSUPPORTED;
        } catch (IOException e) {
            LOG.error("{}: {}", PROGRAM, e.getMessage());
            status = EXIT_ERROR;
        }
        if (status != 0) System.exit(status); // after everything above was closed
    }

    /** zwp_linux_dmabuf_v1 at version 4, from a registry of our own (DemoGlobals keeps its own). */
    private static ZwpLinuxDmabufV1 bindDmabuf(Display display) throws IOException {
        ZwpLinuxDmabufV1[] bound = {null};
        int[] offered = {0};
        display.wlDisplay().getRegistry().setListener(new WlRegistry.Listener() {
            @Override
            public void global(WlRegistry registry, int name, String interfaceName, int version) {
                if (!interfaceName.equals(ZwpLinuxDmabufV1.NAME) || bound[0] != null) return;
                offered[0] = Math.max(offered[0], version);
                if (version >= DMABUF_VERSION) bound[0] = registry.bind(name, ZwpLinuxDmabufV1.TYPE, DMABUF_VERSION);
            }
        });
        display.roundtrip();
        if (bound[0] != null) return bound[0];
        throw new Unsupported(offered[0] == 0
                ? "the compositor does not advertise " + ZwpLinuxDmabufV1.NAME + " (javawc does only on a DRM device, not headless)"
                : "the compositor has " + ZwpLinuxDmabufV1.NAME + " version " + offered[0] + "; version " + DMABUF_VERSION + " (feedback) is needed");
    }

    /** Everything the default feedback says, up to its first done. */
    private static DmabufFeedback defaultFeedback(Display display, ZwpLinuxDmabufV1 dmabuf) throws IOException {
        DmabufFeedback feedback = new DmabufFeedback();
        ZwpLinuxDmabufFeedbackV1 proxy = dmabuf.getDefaultFeedback().setListener(feedback);
        while (!feedback.done() && feedback.problem() == null) display.dispatch();
        proxy.destroy(); // later changes do not interest a demo
        feedback.check();
        return feedback;
    }

    /** Opens the device read-write; warns when it is not {@code expected}, a dev_t (-1: no check). */
    private static OwnedFd open(Path node, long expected) throws IOException {
        OwnedFd fd;
        try {
            fd = Descriptors.open(node.toString(), LibC.O_RDWR, 0);
        } catch (OsException e) {
            throw new Unsupported(e.getMessage() + (e.errno() == LibC.EACCES ? " (is this user in the video or render group?)" : ""));
        }
        if (expected >= 0) {
            long dev = Drm.deviceNumber(node.toString());
            if (!DrmNodes.sameDevice(dev, expected, DrmNodes.SYS_DEV_CHAR)) {
                LOG.warn("{} ({}) is not the compositor's main device {}: it must import from another device, which may fail",
                        node, DmabufFeedback.describeDevice(dev), DmabufFeedback.describeDevice(expected));
            }
        }
        LOG.info("allocating on {}", node);
        return fd;
    }

    private void run() throws IOException {
        surface = globals.compositor().createSurface();
        xdgSurface = globals.wmBase().getXdgSurface(surface).setListener(new XdgSurface.Listener() {
            @Override
            public void configure(XdgSurface self, int serial) {
                self.ackConfigure(serial);
                // 0 leaves the size to us; the new size is drawn by the next frame, which commits it
                width = proposedWidth > 0 ? proposedWidth : options.width();
                height = proposedHeight > 0 ? proposedHeight : options.height();
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
        toplevel.setFullscreen(null); // on the output the compositor picks
        surface.commit(); // no buffer yet: this asks for the first configure
        while (running) {
            display.dispatch();
            for (Slot s : slots) {
                if (s.failed) throw new IOException(REFUSED);
            }
            if (frameDue && running) drawFrame();
        }
        reportDone();
        closeSlots(slots);
        slots = List.of();
        toplevel.destroy(); // role object first, as xdg-shell requires
        xdgSurface.destroy();
        surface.destroy();
        dmabuf.destroy();
        display.flush();
    }

    private void drawFrame() throws IOException {
        List<Slot> old = null;
        if (slots.isEmpty() || slots.getFirst().dumb.width() != width || slots.getFirst().dumb.height() != height) {
            old = slots;
            slots = allocate(width, height);
            previousBarX = -1;
            setOpaqueRegion();
        }
        Slot slot = slots.stream().filter(s -> !s.busy).findFirst().orElse(null);
        if (slot == null) return; // both on screen: still due, drawn once a release arrives
        frameDue = false;
        int barX = DmabufDemoPattern.barX(frames.get(), width);
        slot.dumb.beginWrite();
        try {
            // a buffer last drawn two frames ago differs from this frame only in the band
            if (slot.painted) DmabufDemoPattern.drawBand(slot.dumb.canvas(), barX);
            else DmabufDemoPattern.drawAll(slot.dumb.canvas(), barX);
            slot.painted = true;
        } finally {
            slot.dumb.endWrite();
        }
        slot.busy = true;
        surface.attach(slot.wlBuffer, 0, 0);
        if (previousBarX < 0) {
            DemoGlobals.damage(surface, 0, 0, width, height);
        } else if (previousBarX != barX) {
            int top = DmabufDemoPattern.bandTop(height), barWidth = DmabufDemoPattern.barWidth(width);
            DemoGlobals.damage(surface, previousBarX, top, barWidth, height - top);
            DemoGlobals.damage(surface, barX, top, barWidth, height - top);
        }
        previousBarX = barX;
        surface.frame().setListener(new WlCallback.Listener() {
            @Override
            public void done(WlCallback self, int time) {
                frameDone();
            }
        });
        surface.commit();
        if (old != null) closeSlots(old); // no longer attached once the commit is processed; the compositor keeps its import
    }

    /** {@code BUFFERS} dumb buffers of this size, each a wl_buffer. */
    private List<Slot> allocate(int w, int h) throws IOException {
        List<Slot> made = new ArrayList<>(BUFFERS);
        try {
            for (int i = 0; i < BUFFERS; i++) {
                Slot slot = new Slot(DumbDmabuf.allocate(device, w, h));
                made.add(slot);
                share(slot, w, h);
            }
            if (!options.create()) {
                // a compositor may answer create_immed with failed rather than an error; using such a buffer is undefined
                display.roundtrip();
                if (made.stream().anyMatch(s -> s.failed)) throw new IOException(REFUSED);
            }
        } catch (IOException | RuntimeException e) {
            closeSlots(made);
            throw e;
        }
        LOG.info("{} buffers of {}x{}, pitch {}, via {}", BUFFERS, w, h, made.getFirst().dumb.pitch(),
                options.create() ? "create" : "create_immed");
        return made;
    }

    /** Makes the slot's wl_buffer from its dma-buf: one plane, linear XRGB8888. */
    private void share(Slot slot, int w, int h) throws IOException {
        ZwpLinuxBufferParamsV1 params = dmabuf.createParams();
        slot.params = params;
        boolean[] answered = {false};
        params.setListener(new ZwpLinuxBufferParamsV1.Listener() {
            @Override
            public void created(ZwpLinuxBufferParamsV1 self, WlBuffer buffer) {
                slot.wlBuffer = buffer;
                answered[0] = true;
            }

            @Override
            public void failed(ZwpLinuxBufferParamsV1 self) {
                slot.failed = true;
                answered[0] = true;
            }
        });
        params.add(slot.dumb.dmabuf(), 0, 0, slot.dumb.pitch(), (int) (Drm.MOD_LINEAR >>> 32), (int) Drm.MOD_LINEAR);
        if (options.create()) {
            params.create(w, h, Drm.FORMAT_XRGB8888, 0);
            while (!answered[0]) display.dispatch();
            params.destroy(); // used up; create_immed's are kept, their failed event may still come
            if (slot.failed) throw new IOException(REFUSED);
        } else {
            slot.wlBuffer = params.createImmed(w, h, Drm.FORMAT_XRGB8888, 0); // a failure comes later: failed, or a protocol error
        }
        slot.wlBuffer.setListener(new WlBuffer.Listener() {
            @Override
            public void release(WlBuffer self) {
                slot.busy = false;
            }
        });
    }

    /** Destroys the slots' protocol objects and frees their buffers. */
    private static void closeSlots(List<Slot> list) throws OsException {
        for (Slot s : list) {
            if (s.wlBuffer != null && !s.wlBuffer.isDestroyed()) s.wlBuffer.destroy();
            if (s.params != null && !s.params.isDestroyed()) s.params.destroy();
        }
        freeBuffers(list);
    }

    /** Closes every slot's dumb buffer, going on past failures; throws the first. */
    private static void freeBuffers(List<Slot> list) throws OsException {
        OsException first = null;
        for (Slot s : list) {
            try {
                s.dumb.close();
            } catch (OsException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }

    private void frameDone() {
        int n = frames.incrementAndGet();
        if (n % REPORT_EVERY == 0) System.out.println(PROGRAM + ": frame " + n);
        if (options.frames() > 0 && n >= options.frames()) running = false;
        else frameDue = true;
    }

    /** Everything is opaque: the compositor need not draw what is below us. */
    private void setOpaqueRegion() {
        WlRegion region = globals.compositor().createRegion();
        region.add(0, 0, width, height);
        surface.setOpaqueRegion(region);
        region.destroy(); // the surface keeps a copy of the region's content
    }

    /** The table's distinct entries, a dozen at most, for an error message. */
    private static String summary(List<DmabufFeedback.FormatModifier> table) {
        List<String> distinct = table.stream().map(Object::toString).distinct().toList();
        String shown = String.join(", ", distinct.subList(0, Math.min(12, distinct.size())));
        return distinct.isEmpty() ? "empty" : distinct.size() > 12 ? shown + ", ..." : shown;
    }

    private void reportDone() {
        if (!reported.getAndSet(true)) System.out.println(PROGRAM + ": done " + frames.get() + " frames");
    }

    /**
     * Frees what the kernel holds for us whatever happened (the protocol objects went with the
     * connection if it failed): the buffers' mappings, dma-bufs and GEM handles, then the device.
     */
    @Override
    public void close() throws OsException {
        List<Slot> left = slots;
        slots = List.of();
        try {
            freeBuffers(left);
        } finally {
            device.close();
        }
    }
}
