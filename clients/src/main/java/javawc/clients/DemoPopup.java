package javawc.clients;

import javawc.client.Display;
import javawc.client.protocol.WlCallback;
import javawc.client.protocol.WlShm;
import javawc.client.protocol.WlSubsurface;
import javawc.client.protocol.WlSurface;
import javawc.client.protocol.XdgPopup;
import javawc.client.protocol.XdgPositioner;
import javawc.client.protocol.XdgSurface;
import javawc.client.protocol.XdgToplevel;
import javawc.os.OsException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SequencedMap;
import java.util.function.BooleanSupplier;

/**
 * Three solid surfaces in one window, for compositors' surface trees: a teal 400x300
 * toplevel, a magenta 100x80 desynchronized subsurface at (20,20) on it, and an orange
 * 120x60 xdg_popup placed by a positioner below and right of the toplevel's point (300,200),
 * free to slide or flip when the output's edge is near.
 * <p>
 * Options: {@code --frames N} (exit 0 after N frame callbacks of the toplevel) and
 * {@code --seconds S} (exit 0 after S seconds); 0, the default, runs until closed or killed.
 * stdout gets {@code demo-popup: mapped} once all three have committed their buffers.
 */
public final class DemoPopup {
    private static final Logger LOG = LogManager.getLogger(DemoPopup.class);
    private static final SequencedMap<String, String> DEFAULTS = DemoArgs.defaults("frames", "0", "seconds", "0");
    static final int TEAL = 0xff008080, MAGENTA = 0xffff00ff, ORANGE = 0xffff8000;
    static final int WIDTH = 400, HEIGHT = 300, SUB_X = 20, SUB_Y = 20, SUB_WIDTH = 100, SUB_HEIGHT = 80;
    static final int POPUP_WIDTH = 120, POPUP_HEIGHT = 60, ANCHOR_X = 300, ANCHOR_Y = 200;

    private record Options(int frames, int seconds) {
        static Options read(DemoArgs a) {
            return new Options(a.integer("frames", 0), a.integer("seconds", 0));
        }
    }

    private final Display display;
    private final DemoGlobals globals;
    private final Options options;
    private final List<ShmBufferPool> pools = new ArrayList<>();
    private boolean running = true, frameDone;
    private int frames;

    private DemoPopup(Display display, Options options) throws IOException {
        this.display = display;
        this.options = options;
        this.globals = DemoGlobals.bind(display);
        if (globals.subcompositor() == null) throw new IOException("the compositor has no wl_subcompositor");
    }

    public static void main(String[] args) {
        Options options = DemoArgs.parseOrExit("demo-popup", args, DEFAULTS, Options::read);
        try (Display display = Display.connect()) {
            new DemoPopup(display, options).run();
        } catch (IOException e) {
            LOG.error("demo-popup: {}", e.getMessage());
            System.exit(1);
        }
    }

    /** An xdg_surface whose latest configure has been acked; size is the popup's, when given. */
    private static final class Configurable {
        boolean configured;
        int width, height;

        XdgSurface.Listener listener() {
            return new XdgSurface.Listener() {
                @Override
                public void configure(XdgSurface self, int serial) {
                    self.ackConfigure(serial);
                    configured = true;
                }
            };
        }
    }

    private void run() throws IOException {
        long deadline = options.seconds() > 0 ? System.nanoTime() + options.seconds() * 1_000_000_000L : Long.MAX_VALUE;

        WlSurface parent = globals.compositor().createSurface();
        Configurable parentState = new Configurable();
        XdgSurface parentXdg = globals.wmBase().getXdgSurface(parent).setListener(parentState.listener());
        XdgToplevel toplevel = parentXdg.getToplevel().setListener(new XdgToplevel.Listener() {
            @Override
            public void close(XdgToplevel self) {
                running = false;
            }
        });
        toplevel.setTitle("demo-popup");
        toplevel.setAppId("javawc.demo-popup");
        // the subsurface's position is parent state: set before the parent's first buffer so both arrive together
        WlSurface child = globals.compositor().createSurface();
        WlSubsurface subsurface = globals.subcompositor().getSubsurface(child, parent);
        subsurface.setPosition(SUB_X, SUB_Y);
        subsurface.setDesync();
        parent.commit(); // no buffer: asks for the first configure
        if (!waitFor(() -> parentState.configured, deadline)) return;
        paint(parent, WIDTH, HEIGHT, TEAL);
        paint(child, SUB_WIDTH, SUB_HEIGHT, MAGENTA); // desync: applies now, shown with its mapped parent

        // a popup's parent must be mapped first, which the commit above did
        WlSurface popupSurface = globals.compositor().createSurface();
        Configurable popupState = new Configurable();
        XdgSurface popupXdg = globals.wmBase().getXdgSurface(popupSurface).setListener(popupState.listener());
        XdgPositioner positioner = globals.wmBase().createPositioner();
        positioner.setSize(POPUP_WIDTH, POPUP_HEIGHT);
        positioner.setAnchorRect(ANCHOR_X, ANCHOR_Y, 1, 1);
        positioner.setAnchor(XdgPositioner.Anchor.BOTTOM_RIGHT);
        positioner.setGravity(XdgPositioner.Gravity.BOTTOM_RIGHT);
        positioner.setConstraintAdjustment(XdgPositioner.ConstraintAdjustment.SLIDE_X | XdgPositioner.ConstraintAdjustment.SLIDE_Y
                | XdgPositioner.ConstraintAdjustment.FLIP_X | XdgPositioner.ConstraintAdjustment.FLIP_Y);
        XdgPopup popup = popupXdg.getPopup(parentXdg, positioner).setListener(new XdgPopup.Listener() {
            @Override
            public void configure(XdgPopup self, int x, int y, int width, int height) {
                LOG.debug("popup at {},{} size {}x{}", x, y, width, height);
                popupState.width = width;
                popupState.height = height;
            }

            @Override
            public void popupDone(XdgPopup self) {
                LOG.info("the compositor dismissed the popup"); // it stays unmapped; the rest goes on
            }
        });
        positioner.destroy(); // the popup has copied what it says
        popupSurface.commit();
        if (!waitFor(() -> popupState.configured, deadline)) return;
        paint(popupSurface, popupState.width > 0 ? popupState.width : POPUP_WIDTH, popupState.height > 0 ? popupState.height : POPUP_HEIGHT, ORANGE);
        display.roundtrip(); // the compositor has taken all three commits without a protocol error
        System.out.println("demo-popup: mapped");

        while (running && System.nanoTime() < deadline) {
            requestFrame(parent);
            if (!waitFor(() -> frameDone, deadline)) break;
            frames++;
            if (options.frames() > 0 && frames >= options.frames()) break;
        }
        LOG.info("{} frames", frames);
        popup.destroy(); // roles before their surfaces, children before parents
        popupXdg.destroy();
        popupSurface.destroy();
        subsurface.destroy();
        child.destroy();
        toplevel.destroy();
        parentXdg.destroy();
        parent.destroy();
        pools.forEach(ShmBufferPool::close);
        display.flush();
    }

    /** A commit with a frame callback and nothing new: the callback still paces us at the output's rate. */
    private void requestFrame(WlSurface surface) {
        frameDone = false;
        surface.frame().setListener(new WlCallback.Listener() {
            @Override
            public void done(WlCallback self, int time) {
                frameDone = true;
            }
        });
        surface.commit();
    }

    /** Fills one buffer with one colour and commits it: the surface shows it until it closes. */
    private void paint(WlSurface surface, int width, int height, int argb) throws OsException {
        ShmBufferPool pool = new ShmBufferPool(globals.shm(), width, height, WlShm.Format.ARGB8888, 1);
        pools.add(pool);
        ShmBufferPool.Buffer buffer = pool.acquire();
        buffer.canvas().fill(0, 0, width, height, argb);
        surface.attach(buffer.wlBuffer(), 0, 0);
        DemoGlobals.damage(surface, 0, 0, width, height);
        surface.commit();
    }

    /** Dispatches until {@code condition} holds; false when closed or out of time first. */
    private boolean waitFor(BooleanSupplier condition, long deadline) throws IOException {
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (!running || left <= 0) return false;
            display.dispatch(deadline == Long.MAX_VALUE ? -1 : (int) Math.min(Integer.MAX_VALUE, Math.max(1, left / 1_000_000)));
        }
        return true;
    }
}
