package javawc.compositor;

import javawc.compositor.backend.Backend;
import javawc.compositor.backend.HeadlessBackend;
import javawc.compositor.backend.drm.DrmBackend;
import javawc.compositor.config.Config;
import javawc.compositor.config.ConfigException;
import javawc.compositor.core.CompositorGlobal;
import javawc.compositor.core.SubcompositorGlobal;
import javawc.compositor.core.Surface;
import javawc.compositor.cursor.CursorImages;
import javawc.compositor.datacontrol.DataControlManagerGlobal;
import javawc.compositor.datadevice.DataDeviceManagerGlobal;
import javawc.compositor.dmabuf.DmabufBuffer;
import javawc.compositor.input.ControlChannel;
import javawc.compositor.input.KeyBindings;
import javawc.compositor.input.KeyCombo;
import javawc.compositor.launch.ChildProcesses;
import javawc.compositor.launch.TerminalCommand;
import javawc.compositor.input.LibinputDevices;
import javawc.compositor.session.DeviceAccess;
import javawc.compositor.session.LibseatSession;
import javawc.compositor.session.Session;
import javawc.compositor.dmabuf.DmabufSupport;
import javawc.compositor.dmabuf.LinuxDmabufGlobal;
import javawc.compositor.output.Output;
import javawc.compositor.output.OutputGlobal;
import javawc.compositor.output.OutputSpec;
import javawc.compositor.output.Outputs;
import javawc.compositor.output.XdgOutputManager;
import javawc.compositor.primaryselection.PrimarySelectionManagerGlobal;
import javawc.compositor.render.Renderer;
import javawc.compositor.render.gles.GlesException;
import javawc.compositor.render.gles.GlesRenderer;
import javawc.compositor.render.gles.RenderTarget;
import javawc.compositor.render.software.SoftwareRenderer;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import javawc.compositor.scene.Scene;
import javawc.compositor.seat.Keyboard;
import javawc.compositor.seat.Seat;
import javawc.compositor.seat.SeatGlobal;
import javawc.compositor.selection.Selection;
import javawc.compositor.shm.ShmGlobal;
import javawc.compositor.wm.ManagedWindow;
import javawc.compositor.wm.WindowManager;
import javawc.compositor.xdg.XdgWmBaseGlobal;
import javawc.os.Drm;
import javawc.os.LibC;
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
    static final long PING_INTERVAL_MS = 5000;
    /** The dma-buf formats the GLES renderer may sample (single-plane, 8 bits a channel), as far as EGL imports them. */
    private static final int[] DMABUF_FORMATS = {Drm.FORMAT_XRGB8888, Drm.FORMAT_ARGB8888, Drm.FORMAT_XBGR8888, Drm.FORMAT_ABGR8888};

    private final Server server;
    private final Backend backend;
    private final Scene scene = new Scene();
    private final WindowManager windowManager = new WindowManager(scene);
    private final Renderer renderer;
    private final XdgWmBaseGlobal xdgWmBase;
    private final LinuxDmabufGlobal linuxDmabuf;
    private final Seat seat;
    private final Outputs outputs;
    private final ControlChannel control;
    private final LibinputDevices input;
    private final LibseatSession seatSession; // null: devices opened directly
    private final Session session;            // null: no VT to switch (headless, or not started from one)
    private Runnable quit;
    private ChildProcesses children; // null: the terminal binding starts nothing
    private List<String> terminal;   // the configuration's terminal command; null: $TERMINAL, foot or weston-terminal

    public Compositor(EventLoop loop, Options options) throws IOException {
        this(loop, options, Config.none());
    }

    /** A compositor set up by {@code config} (its keyboard and cursor; the rest is read by Main and the window manager). */
    public Compositor(EventLoop loop, Options options, Config config) throws IOException {
        KeyBindings bindings = configuredBindings(config); // a bad binding ends the start before any device is opened
        LibseatSession opened = openSeatSession(options);
        Backend made;
        try {
            made = createBackend(options, opened != null ? opened : DeviceAccess.DIRECT);
        } catch (IOException | RuntimeException e) {
            if (opened != null) opened.close();
            if (opened == null || !options.session().equals("auto")) throw e;
            // a seat without a manager behind it (libseat's builtin backend as a user) opens nothing
            LOG.info("the DRM device cannot be had through libseat ({}): opening devices directly", e.getMessage());
            opened = null;
            made = createBackend(options, DeviceAccess.DIRECT);
        }
        if (opened != null && !(made instanceof DrmBackend)) { // --backend auto fell back to headless: no seat needed
            opened.close();
            opened = null;
        }
        this.seatSession = opened;
        this.backend = made;
        try {
            checkOutputSettings(config);
        } catch (ConfigException e) {
            backend.close();
            if (seatSession != null) seatSession.close();
            throw new IOException("configuration: " + e.getMessage(), e);
        }
        DeviceAccess access = seatSession != null ? seatSession : DeviceAccess.DIRECT;
        try {
            this.renderer = createRenderer(options.renderer(), backend);
        } catch (IOException | RuntimeException e) {
            backend.close();
            if (seatSession != null) seatSession.close();
            throw e;
        }
        this.server = new Server(loop);
        var globals = server.globals();
        new CompositorGlobal(globals, scene);
        new SubcompositorGlobal(globals);
        new ShmGlobal(globals);
        seat = Seat.create(server, scene, config.keyboard().over(System.getenv()));
        new SeatGlobal(globals, seat);
        xdgWmBase = new XdgWmBaseGlobal(globals, server, scene, seat, PING_INTERVAL_MS);
        xdgWmBase.setKiosk(options.kiosk() || Boolean.TRUE.equals(config.kiosk()));
        Selection clipboard = new Selection("clipboard"), primary = new Selection("primary selection");
        new DataDeviceManagerGlobal(globals, seat, scene, clipboard);
        new PrimarySelectionManagerGlobal(globals, seat, primary);
        if (options.dataControl()) new DataControlManagerGlobal(globals, seat, clipboard, primary);
        outputs = new Outputs(backend, scene, new XdgOutputManager(globals), () -> seat.pointer().outputsChanged());
        for (Output output : backend.outputs()) outputs.add(new OutputGlobal(globals, output));
        arrangeOutputs(options.outputSpecs());
        applyOutputSettings(config);
        terminal = config.terminal();
        seat.pointer().useCursorImages(CursorImages.fromEnvironment(config.cursor().over(System.getenv()))); // after the outputs: their scale picks the size
        DmabufSupport dmabuf = backend.dmabufSupport(renderer instanceof GlesRenderer g ? g.dmabufFormats(DMABUF_FORMATS) : List.of());
        linuxDmabuf = dmabuf != null ? new LinuxDmabufGlobal(globals, dmabuf) : null;
        scene.setFrameRequest(backend::scheduleFrame);
        control = options.controlSocket() != null ? ControlChannel.open(options.controlSocket(), loop, seat, scene) : null;
        loop.post(renderer::bindToThread); // the loop's thread renders: the GL context is current there
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
        if (bindings != null && seat.keyboard().available()) { // the bindings act on keysyms: they need a keymap
            seat.keyboard().setBindings(bindings, new Keyboard.BindingHandler() {
                @Override
                public boolean run(KeyBindings.Action action, KeyCombo pressed) {
                    return keyBinding(action, pressed);
                }

                @Override
                public void modifiersReleased() {
                    windowManager.endCycle();
                }
            });
        }
    }

    /**
     * Applies --output scales, transforms and positions; the outputs without a position stay
     * laid out left to right in the backend's order (DRM: connector order) by {@link Outputs}.
     */
    private void arrangeOutputs(List<OutputSpec> specs) {
        for (OutputSpec spec : specs) {
            if (backend.outputs().stream().noneMatch(o -> o.name().equals(spec.name()))) {
                LOG.warn("--output {}: there is no such output (outputs: {})", spec.name(), backend.outputs());
                continue;
            }
            if (spec.scale() != 0) outputs.setScale(spec.name(), spec.scale());
            if (spec.transform() != 0) outputs.setTransform(spec.name(), spec.transform());
            if (spec.placed()) outputs.setPosition(spec.name(), spec.x(), spec.y());
            if (spec.mode() != null && backend instanceof DrmBackend) LOG.warn("--output {}: the mode of a DRM output comes from --mode or the connector", spec.name());
        }
        for (Output o : backend.outputs()) {
            LOG.info("output {}: {} at {},{} scale {} transform {} (logical {}x{})", o.name(), o.mode(), o.x(), o.y(), o.exactScale(),
                    javawc.compositor.output.OutputTransform.name(o.transform()), o.logicalWidth(), o.logicalHeight());
        }
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
        terminal = config.terminal();
        applyOutputSettings(config);
        LOG.info("configuration {} applied again", config.source());
        return "bindings, terminal and outputs from " + config.source() + " (keyboard, cursor, kiosk and autostart apply at the next start)";
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
            if (o.mode() != null) outputs.setMode(o.name(), new Output.Mode(o.mode().width(), o.mode().height(), o.mode().refreshMilliHz() != 0 ? o.mode().refreshMilliHz() : 60_000));
            if (o.scale() != null) outputs.setScale(o.name(), o.scale());
            if (o.transform() != null) outputs.setTransform(o.name(), javawc.compositor.output.OutputTransform.parse(o.transform()));
            if (o.x() != null) outputs.setPosition(o.name(), o.x(), o.y());
        }
    }

    /** What the quit bindings run: the same shutdown as SIGTERM (Main sets it). Until set, they do nothing. */
    public void onQuit(Runnable quit) {
        this.quit = quit;
    }

    /** Where the terminal binding starts its program (Main sets it; the children get WAYLAND_DISPLAY). */
    public void useChildProcesses(ChildProcesses children) {
        this.children = children;
    }

    /** The window actions, for the key bindings and anything else that manages windows. */
    public WindowManager windowManager() {
        return windowManager;
    }

    /** Carries out a key binding; false leaves the key to the focused client. */
    private boolean keyBinding(KeyBindings.Action action, KeyCombo pressed) {
        ManagedWindow focused = windowManager.focused();
        LOG.debug("{}: {} (focused window: {})", pressed, action, focused == null ? "none" : focused.title());
        switch (action) {
            case KeyBindings.Quit q -> {
                if (quit == null) return false;
                LOG.info("{}: quitting", pressed);
                quit.run();
            }
            case KeyBindings.SwitchVt s -> {
                return session != null && session.switchTo(s.number()); // no VT: the key goes to the client
            }
            case KeyBindings.LaunchTerminal t -> launchTerminal();
            case KeyBindings.CycleFocus c -> windowManager.cycle();
            case KeyBindings.CloseWindow c -> {
                if (focused != null) windowManager.close(focused);
            }
            case KeyBindings.ToggleMaximized m -> {
                if (focused != null) windowManager.toggleMaximized(focused);
            }
            case KeyBindings.ToggleFullscreen f -> {
                if (focused != null) windowManager.toggleFullscreen(focused);
            }
            case KeyBindings.Minimize m -> {
                if (focused != null) windowManager.minimize(focused);
            }
            case KeyBindings.MoveToNextOutput m -> {
                if (focused != null) windowManager.moveToNextOutput(focused);
            }
            case KeyBindings.Spawn sp -> spawn(sp.argv());
        }
        return true; // bound: the key is the compositor's even when there was nothing to act on
    }

    private void launchTerminal() {
        if (children == null) {
            LOG.warn("the terminal binding cannot start anything here (no child processes)");
            return;
        }
        List<String> command = terminal != null ? terminal : TerminalCommand.find(System.getenv());
        if (command.isEmpty()) {
            LOG.warn("no terminal to start: set $TERMINAL, or install foot or weston-terminal");
            return;
        }
        spawn(command);
    }

    private void spawn(List<String> command) {
        if (children == null) {
            LOG.warn("a binding cannot start {} here (no child processes)", command);
            return;
        }
        try {
            children.spawn(command);
        } catch (IOException e) {
            LOG.warn("{}", e.getMessage());
        }
    }

    /**
     * --session: libseat when asked for; with auto, when not root and the DRM backend may run,
     * libseat if a seat manager hands over the seat, else (logged why) devices opened directly.
     */
    private static LibseatSession openSeatSession(Options options) throws IOException {
        if (options.session().equals("direct") || options.backend().equals("headless")) return null;
        if (options.session().equals("libseat")) {
            try {
                return LibseatSession.open();
            } catch (IOException e) {
                throw new IOException("--session libseat: " + e.getMessage(), e);
            }
        }
        if (LibC.getuid() == 0) return null; // root opens what it needs itself
        if (options.backend().equals("auto") && !java.nio.file.Files.exists(java.nio.file.Path.of(options.drmDevice()))) return null;
        try {
            return LibseatSession.open();
        } catch (IOException e) {
            LOG.info("no seat manager ({}): opening devices directly", e.getMessage());
            return null;
        }
    }

    private static Backend createBackend(Options options, DeviceAccess access) throws IOException {
        Output.Mode mode = new Output.Mode(options.width(), options.height(), options.refreshMilliHz());
        return switch (options.backend()) {
            case "headless" -> headless(options, mode);
            case "drm" -> DrmBackend.open(options.drmDevice(), options.mode(), access);
            default -> {
                if (!java.nio.file.Files.exists(java.nio.file.Path.of(options.drmDevice()))) {
                    LOG.info("no DRM device at {}: running headless", options.drmDevice());
                    yield headless(options, mode);
                }
                try {
                    yield DrmBackend.open(options.drmDevice(), options.mode(), access);
                } catch (IOException e) {
                    LOG.warn("not using {}: {}; running headless", options.drmDevice(), e.getMessage());
                    yield headless(options, mode);
                }
            }
        };
    }

    /** The headless outputs: one per --output, else --outputs N of --width, --height and --refresh. */
    private static HeadlessBackend headless(Options options, Output.Mode mode) {
        if (options.outputSpecs().isEmpty()) return HeadlessBackend.withOutputs(options.outputCount(), mode);
        List<Output> list = new java.util.ArrayList<>();
        for (OutputSpec spec : options.outputSpecs()) list.add(new Output(spec.name(), "javawc", "headless", 0, 0, spec.mode() != null ? spec.mode() : mode, 0, 0));
        return new HeadlessBackend(list);
    }

    /**
     * --renderer: gles fails loudly when it cannot start; auto takes GLES when it starts on a
     * GPU, else software, saying why (GL on a CPU rasterizer composites slower than software).
     * On a DRM device GLES runs on EGL's GBM platform and draws into the scanout buffers; when
     * that cannot be had (the log says why), on the surfaceless platform, read back into the
     * dumb buffers.
     */
    private static Renderer createRenderer(String which, Backend backend) throws IOException {
        if (which.equals("software")) return new SoftwareRenderer();
        if (backend instanceof DrmBackend drm) {
            try {
                GlesRenderer gles = drm.openGles();
                if (which.equals("auto") && gles.rendersOnCpu()) {
                    LOG.info("GLES on GBM renders on the CPU here ({}): using the faster software renderer (--renderer gles forces GLES)", gles.description());
                    drm.dropGles();
                    return new SoftwareRenderer();
                }
                drm.scanOutWith(gles);
                LOG.info("GLES renderer on GBM (gbm backend {}), drawing into the scanout buffers: {}", drm.gbmBackend(), gles.description());
                return gles;
            } catch (GlesException e) {
                drm.dropGles();
                LOG.info("GLES on GBM unavailable ({}): trying surfaceless EGL, read back into dumb buffers", e.getMessage());
            }
        }
        try {
            GlesRenderer gles = GlesRenderer.surfaceless();
            if (which.equals("auto") && gles.rendersOnCpu()) {
                LOG.info("GLES renders on the CPU here ({}): using the faster software renderer (--renderer gles forces GLES)", gles.description());
                gles.close();
                return new SoftwareRenderer();
            }
            LOG.info("GLES renderer on {}", gles.description());
            return gles;
        } catch (GlesException e) {
            if (which.equals("gles")) throw new IOException("cannot use the GLES renderer: " + e.getMessage());
            LOG.info("GLES renderer unavailable ({}): using the software renderer", e.getMessage());
            return new SoftwareRenderer();
        }
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

    public XdgWmBaseGlobal xdgShell() {
        return xdgWmBase;
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
    public DmabufBuffer scanoutCandidate(Output output) {
        Surface s = scene.soleSurface(output);
        return s != null && s.directBuffer() instanceof DmabufBuffer b ? b : null;
    }

    @Override
    public Region takeDamage(Output output) {
        return toPixels(output, scene.takeDamage(output));
    }

    @Override
    public void presented(Output output, long monotonicNanos) {
        scene.framePresented(output, monotonicNanos);
    }

    @Override
    public void close() {
        if (input != null) input.close();
        if (control != null) control.close();
        xdgWmBase.close();
        if (linuxDmabuf != null) linuxDmabuf.close();
        server.close();
        seat.close();
        backend.close();
        renderer.close();
        if (seatSession != null) seatSession.close(); // after every device it opened was given back
    }
}
