package javawc.compositor.backend.drm;

import javawc.compositor.backend.Backend;
import javawc.compositor.dmabuf.DmabufSupport;
import javawc.compositor.output.ModeText;
import javawc.compositor.output.Output;
import javawc.compositor.render.gles.GlesException;
import javawc.compositor.session.DeviceAccess;
import javawc.compositor.render.gles.GlesRenderer;
import javawc.os.Drm;
import javawc.os.Epoll;
import javawc.os.LibC;
import javawc.os.OsException;
import javawc.server.EventLoop;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KMS on a DRM device, with atomic commits where the driver offers them, else legacy SETCRTC
 * and PAGE_FLIP (JAVAWC_DRM_LEGACY=1 forces legacy): each connected connector gets a CRTC,
 * its preferred mode (or --mode; while running any mode the connector reports, {@link ModeSwitch}),
 * and two buffers ({@link HeadScanout}): dumb buffers the
 * software renderer's frames are copied into, or, once {@link #scanOutWith} is given a GLES
 * renderer on this device's GBM ({@link #openGles}), GBM buffers it draws into. The heads'
 * {@link FrameCycle} paints and flips their frames (or puts one opaque client dma-buf covering
 * a whole output on the primary plane instead), timed by the flip-complete events. The CRTCs
 * are put back as we found them on close.
 * Hotplug events make it re-read the connectors: a lit head whose connector went away stops
 * painting until the connector comes back with its mode, and its output is gone meanwhile
 * ({@link Backend.OutputPresence}). While the VT is switched away
 * ({@link #pause}) it is not DRM master and paints nothing; {@link #resume} takes the device back.
 */
public final class DrmBackend implements Backend {
    private static final Logger LOG = LogManager.getLogger(DrmBackend.class);

    private final DrmDevice device;
    private final KmsCommits kms;
    private final ScanoutImports imports;
    private final List<DrmHead> heads = new ArrayList<>();
    private final FrameCycle frames;
    private EventLoop.Source source;
    private VirtualTerminal vt;
    private HotplugMonitor hotplug;
    private Map<Integer, DrmDevice.Connector> connectors = new LinkedHashMap<>(); // as last read, by id
    private OutputPresence presence; // told of heads whose connector went away and came back; null until set
    private DrmGamma gamma;   // made when first asked for
    private GbmDevice gbm;
    private GlesRenderer gles;    // on gbm, drawing into the heads' buffers: closed before gbm
    /** A head's buffers for a mode switch, of the kind it has; tests give fakes. */
    ModeSwitch.ScanoutMaker scanouts = this::makeScanout;

    private DrmBackend(DrmDevice device) {
        this(device, KmsCommits.choose(device), new ScanoutImports(device));
    }

    /** Also for tests of the frame cycle's faults, with a fake {@link KmsCommits} and no device. */
    DrmBackend(DrmDevice device, KmsCommits kms, ScanoutImports imports) {
        this.device = device;
        this.kms = kms;
        this.imports = imports;
        this.frames = new FrameCycle(kms, imports, heads);
    }

    /** The lit heads; tests add theirs here. */
    List<DrmHead> heads() {
        return heads;
    }

    /**
     * Opens {@code path} through {@code access}, lights every connected connector. {@code modeSpec}
     * is a {@link ModeText} (--mode, checked when the options were read), or null.
     */
    public static DrmBackend open(String path, String modeSpec, DeviceAccess access) throws IOException {
        ModeText wanted = modeSpec == null ? null : ModeText.parse(modeSpec);
        DrmDevice device = DrmDevice.open(path, access);
        DrmBackend backend = new DrmBackend(device);
        try {
            backend.discover(wanted);
        } catch (IOException e) {
            backend.close();
            throw e;
        }
        return backend;
    }

    private void discover(ModeText wanted) throws IOException {
        DrmDevice.Resources res = device.resources();
        List<Integer> usedCrtcs = new ArrayList<>();
        int x = 0;
        for (int connectorId : res.connectors()) {
            DrmDevice.Connector c = device.connector(connectorId);
            connectors.put(connectorId, c);
            if (!c.connected() || c.modes().length == 0) {
                LOG.info("{}: {}", c.name(), c.connected() ? "connected but reports no modes" : "disconnected");
                continue;
            }
            byte[] mode = DrmModes.pick(c.modes(), wanted);
            if (mode == null) throw new IOException(c.name() + " has no mode " + wanted + "; it offers " + DrmModes.describe(c.modes()));
            int crtc = pickCrtc(c, res, usedCrtcs);
            if (crtc == 0) {
                LOG.warn("{}: no free CRTC, left dark", c.name());
                continue;
            }
            usedCrtcs.add(crtc);
            Output.Mode m = DrmModes.toMode(mode);
            Output output = new Output(c.name(), "javawc", device.path, c.mmWidth(), c.mmHeight(), m, x, 0);
            x += m.width();
            DrmHead h = new DrmHead(heads.size(), output, connectorId, crtc, mode, device.crtc(crtc));
            heads.add(h);
            h.scanout = new DumbScanout(device, output);
            LOG.info("{}: {} on CRTC {}", c.name(), m, crtc);
        }
        if (heads.isEmpty()) throw new IOException(device.path + " has no connected display");
    }

    private int pickCrtc(DrmDevice.Connector c, DrmDevice.Resources res, List<Integer> used) throws OsException {
        // prefer the CRTC the connector's encoder already drives (no flicker), else any it can use
        if (c.encoderId() != 0) {
            int current = device.encoder(c.encoderId()).crtc();
            if (current != 0 && !used.contains(current)) return current;
        }
        for (int enc : c.encoders()) {
            int possible = device.encoder(enc).possibleCrtcs();
            for (int i = 0; i < res.crtcs().length; i++) {
                if ((possible & 1 << i) != 0 && !used.contains(res.crtcs()[i])) return res.crtcs()[i];
            }
        }
        return 0;
    }

    /**
     * A GLES renderer on EGL's GBM platform for this device (the GBM device is made on first
     * use), or the reason it cannot be had. It is ours until {@link #scanOutWith} or
     * {@link #dropGles}: nothing draws into our buffers with it yet.
     */
    public GlesRenderer openGles() throws GlesException {
        if (gles != null) return gles;
        try {
            if (gbm == null) gbm = GbmDevice.create(device);
        } catch (GbmDevice.GbmException e) {
            throw new GlesException(e.getMessage());
        }
        gles = GlesRenderer.onGbm(gbm.pointer());
        return gles;
    }

    /** Backend name of the GBM device {@link #openGles} made ("drm" for Mesa's), or null. */
    public String gbmBackend() {
        return gbm == null ? null : gbm.backendName();
    }

    /**
     * Every head draws with {@code gles} (from {@link #openGles}) into GBM buffers from now on,
     * instead of copying the software renderer's frames into dumb buffers; before {@link #start}.
     * If a head's buffers cannot be made, the renderer and the GBM device are dropped, the heads
     * keep their dumb buffers, and the exception says why.
     */
    public void scanOutWith(GlesRenderer renderer) throws GlesException {
        if (renderer != gles || gles == null) throw new IllegalArgumentException("not this backend's GBM renderer");
        if (frames.painter() != null) throw new IllegalStateException("already started");
        List<HeadScanout> made = new ArrayList<>();
        try {
            for (DrmHead h : heads) {
                made.add(new GbmScanout(gbm, gles, h.output));
            }
        } catch (GlesException | RuntimeException e) {
            for (HeadScanout s : made) s.close();
            dropGles();
            throw e;
        } finally {
            if (gles != null) gles.releaseThread(); // the event loop's thread draws
        }
        for (int i = 0; i < heads.size(); i++) {
            DrmHead h = heads.get(i);
            h.scanout.close();
            h.scanout = made.get(i);
            LOG.info("{}: {}", h.output.name(), h.scanout.describe());
        }
    }

    /** Closes what {@link #openGles} made, when the compositor does not use it. */
    public void dropGles() {
        if (gles != null) gles.close();
        gles = null;
        if (gbm != null) gbm.close();
        gbm = null;
    }

    @Override
    public String name() {
        return "drm (" + device.path + ", " + kms.name() + ")";
    }

    /**
     * Clients allocate on this device. We composite linear XRGB8888 and ARGB8888 from a CPU copy,
     * and whatever else the renderer imports itself; the linear pairs the primary planes can
     * show are offered for scanout (an ARGB buffer is scanned out only when its surface says it
     * is opaque).
     */
    @Override
    public DmabufSupport dmabufSupport(List<DmabufSupport.FormatModifier> rendererImports) {
        try {
            List<DmabufSupport.FormatModifier> formats = new ArrayList<>(), scanout = new ArrayList<>();
            int[] planeFormats = kms.scanoutFormats();
            for (int f : new int[] {Drm.FORMAT_XRGB8888, Drm.FORMAT_ARGB8888}) {
                var pair = new DmabufSupport.FormatModifier(f, Drm.MOD_LINEAR);
                formats.add(pair);
                if (java.util.Arrays.stream(planeFormats).anyMatch(p -> p == f)) scanout.add(pair);
            }
            for (var pair : rendererImports) if (!formats.contains(pair)) formats.add(pair);
            return new DmabufSupport(Drm.deviceNumber(device.fd), formats, scanout);
        } catch (OsException e) {
            LOG.warn("{}: no linux-dmabuf: {}", device.path, e.getMessage());
            return null;
        }
    }

    @Override
    public List<Output> outputs() {
        return heads.stream().map(h -> h.output).toList();
    }

    /** Every mode the head's connector reports, its preferred one first, and the mode lit in any case. */
    @Override
    public List<Output.Mode> modes(Output output) {
        DrmHead h = head(output);
        DrmDevice.Connector c = connectors.get(h.connector);
        List<Output.Mode> modes = new ArrayList<>(c == null ? List.of() : DrmModes.list(c.modes()));
        if (!modes.contains(output.mode())) modes.add(output.mode()); // the monitor may have dropped it meanwhile
        return modes;
    }

    @Override
    public boolean takesMode(Output output, Output.Mode mode) {
        DrmHead h = head(output);
        DrmDevice.Connector c = connectors.get(h.connector);
        return !h.unplugged && c != null && DrmModes.match(c.modes(), mode) != null;
    }

    /** Switches the head to its connector's mode nearest {@code mode} ({@link ModeSwitch}), on the event loop. */
    @Override
    public Output.Mode prepareMode(Output output, Output.Mode mode) {
        DrmHead h = head(output);
        if (frames.painter() == null) throw new IllegalArgumentException(output.name() + " is not lit yet");
        if (frames.paused()) throw new IllegalArgumentException("the session's VT is switched away: no modesets until it is back");
        if (h.unplugged) throw new IllegalArgumentException(output.name() + " is unplugged");
        DrmDevice.Connector c = connectors.get(h.connector);
        byte[] next = c == null ? null : DrmModes.match(c.modes(), mode);
        if (next == null) throw new IllegalArgumentException(output.name() + " has no mode " + mode + "; it offers " + (c == null ? "none" : DrmModes.describe(c.modes())));
        if (java.util.Arrays.equals(next, h.mode)) return DrmModes.toMode(next);
        return ModeSwitch.apply(kms, h, next, scanouts);
    }

    private HeadScanout makeScanout(DrmHead h, int width, int height) throws Exception {
        return h.scanout instanceof GbmScanout ? new GbmScanout(gbm, gles, h.output, width, height) : new DumbScanout(device, h.output, width, height);
    }

    private DrmHead head(Output output) {
        for (DrmHead h : heads) if (h.output == output) return h;
        throw new IllegalArgumentException("not an output of this backend: " + output.name());
    }

    @Override
    public void start(EventLoop loop, FramePainter framePainter) throws OsException {
        // a seat manager owns the VT (graphics mode, switching); else we take ours ourselves
        if (!device.access.managesDrmMaster()) vt = VirtualTerminal.takeOver();
        source = loop.add(device.fd.get(), Epoll.IN, events -> frames.readEvents(device.fd));
        hotplug = HotplugMonitor.start(loop, device, this::connectorsChanged);
        frames.start(loop, framePainter);
    }

    /** The heads' page-flip cycle; tests start it and deliver its flip events. */
    FrameCycle frames() {
        return frames;
    }

    @Override
    public void scheduleFrame() {
        frames.scheduleFrame();
    }

    /** After a hotplug event: logs what changed, parks heads whose connector left, relights returning ones. */
    private void connectorsChanged() {
        if (frames.paused()) return; // not master: nothing could be lit; resume() reads them again
        Map<Integer, DrmDevice.Connector> now = new LinkedHashMap<>();
        try {
            for (int id : device.resources().connectors()) now.put(id, device.connector(id));
        } catch (OsException e) {
            LOG.warn("hotplug: cannot re-read the connectors: {}", e.getMessage());
            return;
        }
        connectorsAre(now);
    }

    /** The connectors as just read: logs changes, parks heads whose connector left, relights returning ones. */
    void connectorsAre(Map<Integer, DrmDevice.Connector> now) {
        for (var old : connectors.values()) {
            if (!now.containsKey(old.id())) LOG.info("{}: {}", old.name(), ConnectorChange.describe(old, null));
        }
        for (var c : now.values()) {
            String change = ConnectorChange.describe(connectors.get(c.id()), c);
            if (change != null) LOG.info("{}: {}", c.name(), change);
        }
        connectors = now;
        for (DrmHead h : heads) {
            DrmDevice.Connector c = now.get(h.connector);
            boolean present = c != null && c.connected();
            if (!present && !h.unplugged) park(h);
            else if (present && h.unplugged) relight(h, c);
        }
    }

    /** Stops the frame cycle of a head whose connector went away; a flip still in flight completes harmlessly. */
    private void park(DrmHead h) {
        h.unplugged = true;
        frames.stop(h);
        LOG.warn("{}: its connector is gone; no more frames on it until it comes back", h.output.name());
        if (presence != null) presence.gone(h.output);
    }

    /** The VT our console runs on, when we were started from one (it is switched back to text mode on close); else null. */
    public VirtualTerminal virtualTerminal() {
        return vt;
    }

    /**
     * The session is going away (a VT switch): no more frames, and DRM master goes to whoever
     * comes next. A flip in flight completes harmlessly; frame callbacks wait until {@link #resume}.
     */
    public void pause() {
        if (frames.paused()) return;
        frames.pause();
        if (device.access.managesDrmMaster()) LOG.info("{}: paused", device.path); // the seat manager drops master
        else if (LibC.ioctl(device.fd.get(), DrmDevice.DROP_MASTER, 0) < 0) LOG.warn("{}: DROP_MASTER failed: {}", device.path, LibC.describe(LibC.errno()));
        else LOG.info("{}: paused, DRM master dropped", device.path);
    }

    /**
     * The session is back: DRM master again, the connectors read again (they may have changed
     * meanwhile), each head lit with a modeset and then repainted whole. False (logged) when
     * the device cannot be taken back yet.
     */
    public boolean resume() {
        if (!frames.paused()) return true;
        if (!device.access.managesDrmMaster() && LibC.ioctl(device.fd.get(), DrmDevice.SET_MASTER, 0) < 0) {
            LOG.error("{}: cannot become DRM master again ({}): another process holds it", device.path, LibC.describe(LibC.errno()));
            return false;
        }
        frames.resume();
        connectorsChanged();
        for (DrmHead h : heads) {
            if (h.unplugged) continue;
            if (h.direct != null) { // the modeset below takes a client buffer off the screen
                h.direct.unlock();
                h.direct = null;
            }
            try {
                kms.modeset(h, h.scanout.front());
            } catch (OsException e) {
                LOG.error("{}: modeset after the VT switch failed: {}", h.output.name(), e.getMessage());
                continue;
            }
            frames.relit(h);
        }
        LOG.info("{}: resumed, DRM master again", device.path);
        return true;
    }

    private void relight(DrmHead h, DrmDevice.Connector c) {
        if (!ConnectorChange.offers(c, h.mode)) {
            LOG.warn("{}: back, but without mode {}; left dark", h.output.name(), h.output.mode());
            return;
        }
        try {
            kms.modeset(h, h.scanout.front());
        } catch (OsException e) {
            LOG.warn("{}: back, but lighting it failed: {}", h.output.name(), e.getMessage());
            return;
        }
        h.unplugged = false;
        LOG.info("{}: back, lit again at {}", h.output.name(), h.output.mode());
        frames.relit(h);
        if (presence != null) presence.back(h.output);
    }

    @Override
    public void setOutputPresence(OutputPresence presence) {
        this.presence = presence;
    }

    /** The heads' CRTC gamma tables, if any head has one. */
    @Override
    public javawc.compositor.backend.GammaTables gammaTables() {
        if (gamma == null) gamma = new DrmGamma(device, heads);
        for (DrmHead h : heads) if (gamma.size(h.output) > 0) return gamma;
        return null;
    }

    @Override
    public int[] capture(Output output) {
        for (DrmHead h : heads) {
            if (h.output != output) continue;
            int[] pixels = h.scanout.capture(frames.painter(), h.frameStale); // a client buffer on screen: composite the same picture
            h.frameStale = false;
            return pixels;
        }
        throw new IllegalArgumentException("not our output: " + output);
    }

    @Override
    public void close() {
        if (hotplug != null) hotplug.close();
        if (source != null) source.remove();
        frames.close();
        for (DrmHead h : heads) {
            try {
                if (!frames.paused()) kms.restore(h); // else the VT is someone else's now: the CRTC is not ours to set
            } catch (OsException e) {
                LOG.warn("{}: could not restore the previous CRTC configuration: {}", h.output.name(), e.getMessage());
            }
            if (h.scanout != null) h.scanout.close();
        }
        if (imports != null) imports.close(); // after the restore: removing a framebuffer on screen would turn the CRTC off
        dropGles();      // EGL's display lives on the GBM device, which lives on the DRM fd
        if (device != null) device.close();
        if (vt != null) vt.close();
    }
}
