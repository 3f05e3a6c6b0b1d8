package javawc.compositor;

import javawc.compositor.activation.ActivationProtocol;
import javawc.compositor.backend.Backend;
import javawc.compositor.backend.drm.DrmBackend;
import javawc.compositor.config.Config;
import javawc.compositor.config.ConfigException;
import javawc.compositor.core.CoreProtocols;
import javawc.compositor.core.Surface;
import javawc.compositor.cursor.CursorImages;
import javawc.compositor.datacontrol.DataControlProtocol;
import javawc.compositor.datadevice.DataDeviceProtocol;
import javawc.compositor.decoration.DecorationProtocol;
import javawc.compositor.core.ClientBuffer;
import javawc.compositor.dmabuf.DmabufProtocol;
import javawc.compositor.foreigntoplevel.ForeignToplevelProtocol;
import javawc.compositor.gammacontrol.GammaControlProtocol;
import javawc.compositor.fractionalscale.FractionalScaleProtocol;
import javawc.compositor.idle.IdleProtocol;
import javawc.compositor.input.ControlChannel;
import javawc.compositor.input.KeyBindings;
import javawc.compositor.input.LibinputDevices;
import javawc.compositor.launch.ChildProcesses;
import javawc.compositor.layershell.LayerShell;
import javawc.compositor.sessionlock.SessionLockProtocol;
import javawc.compositor.launch.LaunchEnvironment;
import javawc.compositor.output.Output;
import javawc.compositor.output.OutputProtocols;
import javawc.compositor.output.Outputs;
import javawc.compositor.pointerconstraints.PointerConstraintsProtocol;
import javawc.compositor.pointergestures.PointerGesturesProtocol;
import javawc.compositor.outputmanagement.OutputManagementProtocol;
import javawc.compositor.presentation.PresentationProtocol;
import javawc.compositor.primaryselection.PrimarySelectionProtocol;
import javawc.compositor.relativepointer.RelativePointerProtocol;
import javawc.compositor.render.Renderer;
import javawc.compositor.render.gles.GlesRenderer;
import javawc.compositor.render.gles.RenderTarget;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import javawc.compositor.scene.Scene;
import javawc.compositor.screencopy.ScreencopyProtocol;
import javawc.compositor.seat.Seat;
import javawc.compositor.seat.SeatProtocol;
import javawc.compositor.security.Privileges;
import javawc.compositor.selection.Selection;
import javawc.compositor.session.DeviceAccess;
import javawc.compositor.session.LibseatSession;
import javawc.compositor.session.Session;
import javawc.compositor.shm.ShmProtocol;
import javawc.compositor.shortcutsinhibit.ShortcutsInhibitProtocol;
import javawc.compositor.singlepixelbuffer.SinglePixelBufferProtocol;
import javawc.compositor.textinput.TextInputProtocol;
import javawc.compositor.viewporter.ViewporterProtocol;
import javawc.compositor.wm.WindowManager;
import javawc.compositor.virtualkeyboard.VirtualKeyboardProtocol;
import javawc.compositor.virtualpointer.VirtualPointerProtocol;
import javawc.compositor.xdg.XdgShell;
import javawc.compositor.xdgforeign.XdgForeignProtocol;
import javawc.compositor.xwayland.XwaylandProtocol;
import javawc.server.EventLoop;
import javawc.server.Server;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.util.List;

/**
 * Puts a compositor together, as tinywl does in one function: the server, a backend and its
 * outputs, the scene, a renderer, and the globals clients bind. Each frame the backend asks
 * for is the scene's damage rendered into the output, then frame callbacks.
 */
public final class Compositor implements Backend.FramePainter, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(Compositor.class);
    /** Every protocol area, in the order clients see their globals; each installs its own from the shared context. */
    private static final List<ProtocolContext.Protocol> PROTOCOLS = List.of(CoreProtocols::install, ShmProtocol::install, SeatProtocol::install,
            XdgShell::install, DataDeviceProtocol::install, PrimarySelectionProtocol::install, DataControlProtocol::install,
            OutputProtocols::install, DmabufProtocol::install, TextInputProtocol::install,
            ActivationProtocol::install, LayerShell::install, SessionLockProtocol::install, DecorationProtocol::install,
            XdgForeignProtocol::install, PresentationProtocol::install, ViewporterProtocol::install,
            FractionalScaleProtocol::install, SinglePixelBufferProtocol::install, RelativePointerProtocol::install,
            PointerConstraintsProtocol::install, VirtualPointerProtocol::install, VirtualKeyboardProtocol::install,
            ShortcutsInhibitProtocol::install, IdleProtocol::install, PointerGesturesProtocol::install,
            ForeignToplevelProtocol::install, ScreencopyProtocol::install, OutputManagementProtocol::install, GammaControlProtocol::install,
            XwaylandProtocol::install);

    private final Server server;
    private final Backend backend;
    private final Scene scene = new Scene();
    private final WindowManager windowManager = new WindowManager(scene);
    private final Renderer renderer;
    private final List<AutoCloseable> installed = new java.util.ArrayList<>(); // what the protocols must close, in install order
    private final Seat seat;
    private final Outputs outputs;
    private final ControlChannel control;
    private final LibinputDevices input;
    private final LibseatSession seatSession; // null: devices opened directly
    private final Session session;            // null: no VT to switch (headless, or not started from one)
    private final BindingActions bindingActions;
    private final Privileges privileges;
    private final LaunchEnvironment launchEnvironment = new LaunchEnvironment(); // what protocols add for the programs we start
    private final IdleHeapTrim heapTrim; // null: no timer for it

    public Compositor(EventLoop loop, Options options) throws IOException {
        this(loop, options, Config.none(), ProtocolContext.Policy.STRICT);
    }

    /**
     * A compositor set up by {@code config} (checked whole before any device is opened) with
     * {@code policy} (strict for every real session; the conformance host loosens it).
     */
    public Compositor(EventLoop loop, Options options, Config config, ProtocolContext.Policy policy) throws IOException {
        KeyBindings bindings = configuredBindings(config); // a bad binding ends the start before any device is opened
        Backends.Opened opened = Backends.open(options);
        this.seatSession = opened.seat();
        this.backend = opened.backend();
        try {
            checkOutputSettings(config);
        } catch (ConfigException e) {
            backend.close();
            if (seatSession != null) seatSession.close();
            throw new IOException("configuration: " + e.getMessage(), e);
        }
        DeviceAccess access = seatSession != null ? seatSession : DeviceAccess.DIRECT;
        try {
            this.renderer = Backends.createRenderer(options.renderer(), backend);
        } catch (IOException | RuntimeException e) {
            backend.close();
            if (seatSession != null) seatSession.close();
            throw e;
        }
        this.server = new Server(loop);
        seat = Seat.create(server, scene, config.keyboard().over(System.getenv()));
        outputs = new Outputs(backend, scene, () -> seat.pointer().outputsChanged());
        privileges = policy.everyPrivilege() ? Privileges.allowAll() : new Privileges(config.privileges(), (int) ProcessHandle.current().pid());
        ProtocolContext context = new ProtocolContext(server, scene, seat, outputs, backend, renderer, options, config,
                new Selection("clipboard"), new Selection("primary selection"), policy, privileges, launchEnvironment, windowManager);
        for (ProtocolContext.Protocol protocol : PROTOCOLS) {
            AutoCloseable installed = protocol.install(context);
            if (installed != null) this.installed.add(installed);
        }
        outputs.arrange(options.outputSpecs());
        applyOutputSettings(config);
        seat.pointer().useCursorImages(CursorImages.fromEnvironment(config.cursor().over(System.getenv()))); // after the outputs: their scale picks the size
        scene.setFrameRequest(backend::scheduleFrame);
        control = options.controlSocket() != null ? ControlChannel.open(options.controlSocket(), loop, seat, scene) : null;
        loop.post(renderer::bindToThread); // the loop's thread renders: the GL context is current there
        heapTrim = IdleHeapTrim.start(loop);
        backend.start(loop, this);
        input = options.useLibinput(backend instanceof DrmBackend) ? LibinputDevices.start(loop, seat, scene, access) : null;
        if (seatSession != null && backend instanceof DrmBackend drm) {
            seatSession.start(loop, new LibseatSession.Listener() {
                @Override
                public void disabled() {
                    drm.pause();
                    if (input != null) input.suspend();
                }

                @Override
                public void enabled() {
                    drm.resume();
                    if (input != null) input.resume();
                }
            });
            session = seatSession;
        } else {
            session = backend instanceof DrmBackend drm ? VtSession.start(loop, drm, input) : null;
        }
        bindingActions = new BindingActions(windowManager, session, config.terminal());
        if (bindings != null && seat.keyboard().available()) seat.keyboard().setBindings(bindings, bindingActions); // keysyms need a keymap
    }

    /**
     * Applies a configuration read again while running (scripts/ctl reload): its bindings, its
     * terminal and its outputs, after checking all of them, so a bad file changes nothing.
     * Returns what was applied; the keyboard, cursor, kiosk and autostart apply at the next start.
     */
    public String apply(Config config) throws ConfigException {
        KeyBindings bindings = seat.keyboard().available() ? KeyBindings.configured(config.bindings(), config.source()) : null;
        checkOutputSettings(config);
        if (bindings != null) seat.keyboard().replaceBindings(bindings);
        bindingActions.useTerminal(config.terminal());
        applyOutputSettings(config);
        String from = config.source() != null ? config.source().toString() : "the defaults (there is no configuration file)";
        LOG.info("configuration applied again: {}", from);
        return "bindings, terminal and outputs from " + from + " (keyboard, cursor, kiosk and autostart apply at the next start)";
    }

    /** The default bindings with the configuration's over them; null without libxkbcommon (no keyboard, no bindings). */
    private static KeyBindings configuredBindings(Config config) throws IOException {
        try {
            return KeyBindings.configured(config.bindings(), config.source());
        } catch (ConfigException e) {
            throw new IOException("configuration: " + e.getMessage(), e);
        } catch (LinkageError e) {
            LOG.warn("no key bindings: libxkbcommon cannot be loaded ({})", e.getMessage());
            return null;
        }
    }

    /** The [[output]] settings this backend cannot take end the start (or the reload) with the file's line. */
    private void checkOutputSettings(Config config) throws ConfigException {
        for (Config.OutputSettings o : config.outputs()) {
            if (o.mode() != null && backend instanceof DrmBackend) {
                throw new ConfigException(config.source(), o.line(), "output \"" + o.name() + "\": a DRM output's mode comes from the connector or --mode; changing it while running is not supported yet");
            }
        }
    }

    /** [[output]] settings; an output that is not there is logged (it may be plugged in later), the rest applied. */
    private void applyOutputSettings(Config config) {
        for (Config.OutputSettings o : config.outputs()) {
            if (backend.outputs().stream().noneMatch(out -> out.name().equals(o.name()))) {
                LOG.warn("{}:{}: there is no output {} (outputs: {})", config.source(), o.line(), o.name(), backend.outputs());
                continue;
            }
            if (o.mode() != null) {
                Output out = outputs.find(o.name());
                outputs.setMode(o.name(), Outputs.modeAsked(out, outputs.modes(out), o.mode().width(), o.mode().height(), o.mode().refreshMilliHz()));
            }
            if (o.scale() != null) outputs.setScale(o.name(), o.scale());
            if (o.transform() != null) outputs.setTransform(o.name(), javawc.compositor.output.OutputTransform.parse(o.transform()));
            if (o.x() != null) outputs.setPosition(o.name(), o.x(), o.y());
        }
    }

    /** What the quit bindings run: the same shutdown as SIGTERM (Main sets it). Until set, they do nothing. */
    public void onQuit(Runnable quit) {
        bindingActions.onQuit(quit);
    }

    /** Where the terminal and spawn bindings start programs (Main sets it; the children get WAYLAND_DISPLAY). */
    public void useChildProcesses(ChildProcesses children) {
        children.useLaunchEnvironment(launchEnvironment);
        bindingActions.useChildProcesses(children);
    }

    /** "NAME=value" for what the protocols set alike for every program we start (Xwayland's DISPLAY), printed at start-up. */
    public List<String> announcedEnvironment() {
        return launchEnvironment.announced();
    }

    /** The window actions, for the key bindings and anything else that manages windows. */
    public WindowManager windowManager() {
        return windowManager;
    }

    public Server server() {
        return server;
    }

    public Backend backend() {
        return backend;
    }

    public Scene scene() {
        return scene;
    }

    /** The outputs, and how to change their mode, position and scale while running. */
    public Outputs outputs() {
        return outputs;
    }

    public Seat seat() {
        return seat;
    }

    public Renderer renderer() {
        return renderer;
    }

    /** Who is offered the privileged globals, and which power each of those needs (--list-globals). */
    public Privileges privileges() {
        return privileges;
    }

    @Override
    public Region paint(Output output, int[] framebuffer, Region alsoRepaint) {
        Region damage = scene.takeDamage(output);
        for (Rect r : alsoRepaint.rects()) damage.add(output.toGlobal(r));
        if (damage.isEmpty()) return damage;
        renderer.render(scene, output, damage, framebuffer);
        return toPixels(output, damage);
    }

    /** Global damage as the framebuffer pixels that show it (rounded outwards at a fractional scale). */
    private static Region toPixels(Output output, Region global) {
        Region pixels = new Region();
        for (Rect r : global.rects()) pixels.add(output.toPixels(r));
        return pixels;
    }

    @Override
    public void draw(Output output, RenderTarget target, Region area) {
        if (!(renderer instanceof GlesRenderer gles)) throw new IllegalStateException("drawing into a GL target needs the GLES renderer");
        Region global = new Region();
        for (Rect r : area.rects()) global.add(output.toGlobal(r));
        gles.draw(scene, output, global, target);
    }

    @Override
    public ClientBuffer scanoutCandidate(Output output) {
        Surface s = scene.soleSurface(output);
        return s != null ? s.directBuffer() : null;
    }

    @Override
    public Region takeDamage(Output output) {
        return toPixels(output, scene.takeDamage(output));
    }

    @Override
    public void discardDamage(Output output) {
        scene.takeDamage(output);
    }

    @Override
    public void presented(Output output, long monotonicNanos, long refreshNanos, long sequence, int flags) {
        scene.framePresented(output, monotonicNanos, refreshNanos, sequence, flags);
        if (heapTrim != null) heapTrim.framePresented();
    }

    @Override
    public void close() {
        if (input != null) input.close();
        if (control != null) control.close();
        for (AutoCloseable c : installed.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", c, e.getMessage());
            }
        }
        if (heapTrim != null) heapTrim.close();
        server.close();
        seat.close();
        backend.close();
        renderer.close();
        if (seatSession != null) seatSession.close(); // after every device it opened was given back
    }
}
