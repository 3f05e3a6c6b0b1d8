package javawc.compositor.output;

import javawc.compositor.backend.Backend;
import javawc.compositor.scene.Scene;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The outputs while running, and the one way to change them: mode, position, scale or transform of an
 * output named as wl_output.name says, or an output taken away and back as its monitor is
 * unplugged and plugged in ({@link #remove}, {@link #restore}). Each change is applied at once, on the event loop:
 * the backend resizes its buffers (mode), every client that bound the output hears
 * geometry, mode and scale again and its xdg_outputs the logical position and size, closed
 * by wl_output.done; outputs never given a position stay laid out left to right (a
 * wider or narrower output moves those right of it, and they are told too); the whole layout is repainted, windows left on no output come back to
 * the primary one, and the pointer stays on an output. A bad value throws
 * IllegalArgumentException with a message fit for a user, and changes nothing.
 */
public final class Outputs {
    private static final org.apache.logging.log4j.Logger LOG = org.apache.logging.log4j.LogManager.getLogger(Outputs.class);
    private final Backend backend;
    private final Scene scene;
    private XdgOutputManager xdgOutputs; // null until the protocol is installed (OutputProtocols)
    private final List<OutputGlobal> globals = new ArrayList<>();
    private final Set<Output> placed = Collections.newSetFromMap(new IdentityHashMap<>()); // given a position: never laid out again
    private final Runnable layoutChanged;
    private final List<Runnable> listeners = new ArrayList<>(1); // protocols that describe the outputs (output management)

    /** {@code layoutChanged} runs after every change (the pointer is kept on an output there). */
    public Outputs(Backend backend, Scene scene, Runnable layoutChanged) {
        this.backend = backend;
        this.scene = scene;
        this.layoutChanged = layoutChanged;
    }

    /** Where logical positions and sizes are announced (xdg_output) once that protocol is there. */
    void useXdgOutputs(XdgOutputManager xdgOutputs) {
        this.xdgOutputs = xdgOutputs;
    }

    /**
     * Applies --output scales, transforms and positions; the outputs without a position stay
     * laid out left to right in the backend's order (DRM: connector order) by {@link Outputs}.
     */
    public void arrange(List<OutputSpec> specs) {
        for (OutputSpec spec : specs) {
            if (backend.outputs().stream().noneMatch(o -> o.name().equals(spec.name()))) {
                LOG.warn("--output {}: there is no such output (outputs: {})", spec.name(), backend.outputs());
                continue;
            }
            if (spec.scale() != 0) setScale(spec.name(), spec.scale());
            if (spec.transform() != 0) setTransform(spec.name(), spec.transform());
            if (spec.placed()) setPosition(spec.name(), spec.x(), spec.y());
            if (spec.mode() != null && backend instanceof javawc.compositor.backend.drm.DrmBackend) LOG.warn("--output {}: the mode of a DRM output comes from --mode or the connector (switch it while running with wlr-randr or ctl)", spec.name());
        }
        for (Output o : backend.outputs()) {
            LOG.info("output {}: {} at {},{} scale {} transform {} (logical {}x{})", o.name(), o.mode(), o.x(), o.y(), o.exactScale(),
                    OutputTransform.name(o.transform()), o.logicalWidth(), o.logicalHeight());
        }
    }

    /** Adds an output the backend made, with its wl_output global, right of the others until placed. */
    public void add(OutputGlobal global) {
        globals.add(global);
        layOutUnplaced();
        scene.addOutput(global);
    }

    /**
     * Takes away an output the backend lost while running (its monitor unplugged): its wl_output
     * global is withdrawn and the scene forgets it, so windows on it come back to the others and
     * layer surfaces on it are closed; the unplaced outputs right of it move left. The last
     * output is kept (shown nowhere until its monitor is back) so that clients always have one:
     * false then, and for an output that is not ours.
     */
    public boolean remove(Output output) {
        OutputGlobal g = globalOf(output);
        if (g == null) return false;
        if (globals.size() == 1) {
            LOG.info("output {}: gone, but kept as the last output until it is back", output.name());
            return false;
        }
        globals.remove(g);
        for (OutputGlobal moved : layOutUnplaced()) tell(moved);
        scene.removeOutput(g);
        g.withdraw(); // after the layer surfaces' closed, as wlroots orders them
        LOG.info("output {}: gone; what was on it is on the other outputs now", output.name());
        announce();
        return true;
    }

    /** An output {@link #remove}d is back (its monitor plugged in again), with a new wl_output global, in the backend's order. */
    public void restore(OutputGlobal global) {
        List<Output> order = backend.outputs();
        int at = 0;
        while (at < globals.size() && order.indexOf(globals.get(at).output()) < order.indexOf(global.output())) at++;
        globals.add(at, global);
        scene.addOutput(global);
        LOG.info("output {}: back", global.output().name());
        changed(global);
    }

    public List<Output> all() {
        List<Output> list = new ArrayList<>(globals.size());
        for (OutputGlobal g : globals) list.add(g.output());
        return list;
    }

    /** The output called {@code name} (wl_output.name, e.g. HEADLESS-1 or HDMI-A-1). */
    public Output find(String name) {
        return global(name).output();
    }

    /**
     * Switches the output to {@code mode}, if the backend can (headless: any size; DRM: the
     * modes the connector offers, the refresh matched within a hertz).
     */
    public void setMode(String name, Output.Mode mode) {
        OutputGlobal g = global(name);
        Output.Mode before = g.output().mode();
        Output.Mode taken = backend.prepareMode(g.output(), mode);
        g.output().setMode(taken);
        if (!taken.equals(before)) LOG.info("output {}: mode {} (was {})", name, taken, before);
        changed(g);
    }

    /** Puts the output's top-left corner at (x, y) in the global space; from now on it stays there. */
    public void setPosition(String name, int x, int y) {
        OutputGlobal g = global(name);
        placed.add(g.output());
        g.output().setPosition(x, y);
        changed(g);
    }

    /**
     * Sets the output's scale: 1, 2, ... or fractional (1.5); kept to 1/120ths. Clients are
     * told the scale rounded up; the logical size is the mode divided by it, rounded.
     */
    public void setScale(String name, double scale) {
        OutputGlobal g = global(name);
        g.output().setScale(scale); // checked there
        changed(g);
    }

    /**
     * Turns the output's picture (wl_output.transform 0..7, see {@link OutputTransform#parse}):
     * for 90 and 270 the logical width and height trade places.
     */
    public void setTransform(String name, int transform) {
        OutputGlobal g = global(name);
        g.output().setTransform(transform);
        changed(g);
    }

    private void tell(OutputGlobal g) {
        if (xdgOutputs != null) xdgOutputs.changed(g.output());
        g.changed(); // wl_output.done last: it closes the xdg_output events too
    }

    /**
     * Lays the outputs nobody gave a position left to right at y 0, in the backend's order,
     * each right of every output before it; returns those that moved.
     */
    private List<OutputGlobal> layOutUnplaced() {
        List<OutputGlobal> moved = new ArrayList<>();
        int nextX = 0;
        for (OutputGlobal g : globals) {
            Output o = g.output();
            if (!placed.contains(o) && (o.x() != nextX || o.y() != 0)) {
                o.setPosition(nextX, 0);
                moved.add(g);
            }
            nextX = Math.max(nextX, o.x() + o.logicalWidth());
        }
        return moved;
    }

    /** The wl_output global of {@code output}, or null if it is not one of ours (for protocols that name outputs to clients). */
    public OutputGlobal globalOf(Output output) {
        for (OutputGlobal g : globals) if (g.output() == output) return g;
        return null;
    }

    private OutputGlobal global(String name) {
        for (OutputGlobal g : globals) if (g.output().name().equals(name)) return g;
        List<String> names = new ArrayList<>();
        for (OutputGlobal g : globals) names.add(g.output().name());
        throw new IllegalArgumentException("no output called '" + name + "' (there are: " + String.join(", ", names) + ")");
    }

    private void changed(OutputGlobal g) {
        List<OutputGlobal> moved = layOutUnplaced(); // a size change pushes the outputs right of it
        tell(g);
        for (OutputGlobal m : moved) if (m != g) tell(m);
        scene.outputsChanged();
        announce();
    }

    private void announce() {
        layoutChanged.run(); // the scene asked for a frame (once the backend runs)
        for (int i = 0; i < listeners.size(); i++) listeners.get(i).run();
    }

    /** Runs {@code listener} after every change of any output (mode, position, scale, transform, removed, back). */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** The modes {@code output} offers (headless takes any, and offers the usual sizes), its preferred one first. */
    public List<Output.Mode> modes(Output output) {
        return backend.modes(output);
    }

    /**
     * The mode a request for {@code width}x{@code height} at {@code refreshMilliHz} means (0: no
     * rate given): the rate named; else, for the current size, the current rate; else the
     * highest rate {@code offered} at that size (a monitor's 1024x768 may be 75 Hz only); else
     * 60 Hz (a headless output takes any). The configuration and scripts/ctl both ask this way.
     */
    public static Output.Mode modeAsked(Output output, List<Output.Mode> offered, int width, int height, int refreshMilliHz) {
        if (refreshMilliHz != 0) return new Output.Mode(width, height, refreshMilliHz);
        Output.Mode now = output.mode();
        if (now.width() == width && now.height() == height) return now;
        int best = 0;
        for (Output.Mode mode : offered) {
            if (mode.width() == width && mode.height() == height) best = Math.max(best, mode.refreshMilliHz());
        }
        return new Output.Mode(width, height, best != 0 ? best : 60_000);
    }

    /** Whether {@link #setMode} would take {@code mode} for {@code output}, without trying it. */
    public boolean takesMode(Output output, Output.Mode mode) {
        return backend.takesMode(output, mode);
    }
}
