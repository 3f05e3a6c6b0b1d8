package javawc.compositor.xdg;

import javawc.compositor.core.Surface;
import javawc.compositor.scene.Scene;
import javawc.compositor.seat.Seat;
import javawc.os.OsException;
import javawc.server.GlobalRegistry;
import javawc.server.LoopTimer;
import javawc.server.Server;
import javawc.server.protocol.WlSurface;
import javawc.server.protocol.XdgPositioner;
import javawc.server.protocol.XdgSurface;
import javawc.server.protocol.XdgWmBase;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * xdg_wm_base (v5): makes xdg_surfaces and positioners, and pings each client on a timer.
 * A client that leaves a ping unanswered past the timeout is logged as unresponsive (a
 * desktop would grey its windows); it is not disconnected, because a busy client is not a
 * broken one.
 */
public final class XdgWmBaseGlobal implements XdgWmBase.Handler, AutoCloseable {
    public static final int VERSION = 5;
    private static final Logger LOG = LogManager.getLogger(XdgWmBaseGlobal.class);

    private final Server server;
    private final Scene scene;
    private final Seat seat;
    private final long pingTimeoutNanos;
    private final List<WmBase> bases = new ArrayList<>();
    private LoopTimer pingTimer;
    private boolean bufferBeforeFirstAck, kiosk;

    /** Per-binding state: the ping in flight and the xdg_surfaces made through it. */
    final class WmBase {
        final XdgWmBase resource;
        final List<XdgSurfaceRole> surfaces = new ArrayList<>();
        int pingSerial;
        long pingSentNanos;
        boolean unresponsive;

        WmBase(XdgWmBase resource) {
            this.resource = resource;
        }

        boolean acceptsBufferBeforeFirstAck() {
            return bufferBeforeFirstAck;
        }

        boolean kiosk() {
            return kiosk;
        }
    }

    /**
     * Accepts a buffer attached and committed before the first configure was acked (or even
     * sent), as if the latest configure had been acked, instead of the unconfigured_buffer error
     * the protocol asks for. Only for the conformance suite's host: wlcs before 1.7 makes its xdg
     * windows that way (Mir accepts them too); scripts/conformance runs the tests of that error
     * against the strict compositor. Real clients never get this leniency.
     */
    public void acceptBufferBeforeFirstAck() {
        bufferBeforeFirstAck = true;
    }

    /**
     * Kiosk mode, as cage has it: every toplevel without a parent is fullscreen on the first
     * output and stays so (no move, resize, maximize or minimize); dialogs (toplevels with a
     * parent) keep their own size, centred on that output. Set before clients connect.
     */
    public void setKiosk(boolean on) {
        kiosk = on;
    }

    public XdgWmBaseGlobal(GlobalRegistry registry, Server server, Scene scene, Seat seat, long pingIntervalMillis) throws OsException {
        this.server = server;
        this.scene = scene;
        this.seat = seat;
        seat.addFocusListener(XdgToplevelRole::keyboardFocusMoved); // the focused window is the activated one
        this.pingTimeoutNanos = pingIntervalMillis * 1_000_000L;
        registry.add(XdgWmBase.SPEC, VERSION, XdgWmBase::new, this::bound);
        if (pingIntervalMillis > 0) {
            pingTimer = LoopTimer.periodic(server.loop(), pingIntervalMillis * 1_000_000L, this::pingAll);
        }
    }

    private void bound(XdgWmBase r) {
        WmBase base = new WmBase(r);
        r.setHandler(this);
        bases.add(base);
        r.onDestroy(() -> bases.remove(base));
    }

    static WmBase of(XdgWmBase r, List<WmBase> bases) {
        for (WmBase b : bases) if (b.resource == r) return b;
        throw new IllegalStateException(r + " is not bound");
    }

    private void pingAll() {
        long now = System.nanoTime();
        for (WmBase b : List.copyOf(bases)) {
            if (b.pingSerial == 0) {
                b.pingSerial = server.nextSerial();
                b.pingSentNanos = now;
                b.resource.sendPing(b.pingSerial);
            } else if (!b.unresponsive && now - b.pingSentNanos > pingTimeoutNanos) {
                b.unresponsive = true;
                LOG.warn("{} does not answer xdg_wm_base.ping (serial {}) : unresponsive", b.resource.client(), b.pingSerial);
            }
        }
    }

    @Override
    public void pong(XdgWmBase self, int serial) {
        WmBase b = of(self, bases);
        if (serial != b.pingSerial) return; // a stale pong is harmless
        if (b.unresponsive) LOG.info("{} answers pings again", self.client());
        b.pingSerial = 0;
        b.unresponsive = false;
    }

    @Override
    public void destroy(XdgWmBase self) {
        WmBase b = of(self, bases);
        if (b.surfaces.stream().anyMatch(XdgSurfaceRole::isAlive)) {
            self.postError(XdgWmBase.Error.DEFUNCT_SURFACES, "xdg_wm_base destroyed while its xdg_surfaces exist");
        }
    }

    @Override
    public void createPositioner(XdgWmBase self, XdgPositioner id) {
        id.setHandler(new PositionerResource());
    }

    @Override
    public void getXdgSurface(XdgWmBase self, XdgSurface id, WlSurface wlSurface) {
        Surface surface = Surface.of(wlSurface);
        if (surface.hasBufferCommitted() || surface.hasBufferPending()) {
            self.postError(XdgWmBase.Error.INVALID_SURFACE_STATE, surface + " already has a buffer " + (surface.hasBufferCommitted() ? "committed" : "attached"));
            return;
        }
        WmBase base = of(self, bases);
        XdgSurfaceRole role = new XdgSurfaceRole(id, surface, base, scene, server, seat);
        if (surface.role() instanceof XdgSurfaceRole existing && existing.isAlive()) {
            self.postError(XdgWmBase.Error.ROLE, surface + " already has an xdg_surface");
            return;
        }
        if (!surface.setRole(role, self, XdgWmBase.Error.ROLE)) return;
        base.surfaces.add(role);
        id.onDestroy(() -> base.surfaces.remove(role));
    }

    @Override
    public void close() {
        if (pingTimer != null) pingTimer.close();
    }
}
