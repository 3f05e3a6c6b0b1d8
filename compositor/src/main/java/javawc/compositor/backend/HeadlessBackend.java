package javawc.compositor.backend;

import javawc.compositor.core.ClientBuffer;
import javawc.compositor.output.Output;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import javawc.os.OsException;
import javawc.server.EventLoop;
import javawc.server.LoopTimer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.List;

/**
 * Virtual outputs in memory, with one refresh clock from a timerfd: frames fall on a fixed
 * grid of the fastest output's period, and only when something asked for one, so an idle
 * compositor wakes up for nothing. Works anywhere; the screenshot shows what monitors would.
 *
 * <p>When one opaque client buffer alone makes up an output's frame (a fullscreen window with
 * nothing over it), the output "shows" that buffer as a display would scan it out: nothing is
 * composited nor copied, the buffer stays locked until another frame replaces it, and the
 * framebuffer is only brought up to date when someone reads it ({@link #capture}).
 */
public final class HeadlessBackend implements Backend {
    private static final Logger LOG = LogManager.getLogger(HeadlessBackend.class);

    private final List<Output> outputs;
    private final int[][] framebuffers; // one per output, in the same order
    private final int[] frameFlags; // scratch: each output's presentation flags in one tick
    private final ClientBuffer[] shown; // per output: the client buffer it shows as it is (its framebuffer is stale), or null
    private final List<Output.Mode> startModes; // each output's first mode: its preferred one
    private LoopTimer timer;
    private FramePainter painter;
    private long epoch, armedFor, period;
    private boolean armed;

    /** One output, HEADLESS-1, at (0, 0). */
    public HeadlessBackend(Output.Mode mode) {
        this(List.of(new Output("HEADLESS-1", "javawc", "headless", 0, 0, mode, 0, 0)));
    }

    /** These outputs (the caller places them). */
    public HeadlessBackend(List<Output> outputs) {
        if (outputs.isEmpty()) throw new IllegalArgumentException("the headless backend needs an output");
        this.outputs = List.copyOf(outputs);
        framebuffers = new int[outputs.size()][];
        shown = new ClientBuffer[outputs.size()];
        frameFlags = new int[outputs.size()];
        startModes = outputs.stream().map(Output::mode).toList();
        for (int i = 0; i < outputs.size(); i++) framebuffers[i] = new int[outputs.get(i).mode().width() * outputs.get(i).mode().height()];
    }

    /** {@code n} outputs HEADLESS-1..n of {@code mode}, all at (0, 0) until placed. */
    public static HeadlessBackend withOutputs(int n, Output.Mode mode) {
        List<Output> list = new java.util.ArrayList<>();
        for (int i = 1; i <= n; i++) list.add(new Output("HEADLESS-" + i, "javawc", "headless", 0, 0, mode, 0, 0));
        return new HeadlessBackend(list);
    }

    @Override
    public String name() {
        return "headless";
    }

    @Override
    public List<Output> outputs() {
        return outputs;
    }

    @Override
    public Output.Mode prepareMode(Output output, Output.Mode mode) {
        int i = outputs.indexOf(output);
        if (i < 0) throw new IllegalArgumentException("not an output of this backend: " + output.name());
        if (framebuffers[i].length != mode.width() * mode.height()) framebuffers[i] = new int[mode.width() * mode.height()];
        show(i, null); // a buffer of the old size cannot be the new frame; the next one composites all of it
        return mode;
    }

    /**
     * Sizes offered to output configuration tools (wlr-randr) after the output's first mode (its
     * preferred one); any other size is taken as a custom mode.
     */
    private static final int[][] USUAL_SIZES = {{3840, 2160}, {2560, 1440}, {1920, 1080}, {1600, 900}, {1280, 720}, {1024, 768}, {800, 600}, {640, 480}};

    @Override
    public java.util.List<Output.Mode> modes(Output output) {
        Output.Mode start = startModes.get(outputs.indexOf(output));
        java.util.List<Output.Mode> modes = new java.util.ArrayList<>();
        modes.add(start);
        for (int[] size : USUAL_SIZES) {
            Output.Mode m = new Output.Mode(size[0], size[1], start.refreshMilliHz());
            if (!m.equals(start)) modes.add(m);
        }
        return modes;
    }

    @Override
    public boolean takesMode(Output output, Output.Mode mode) {
        return outputs.contains(output); // a headless framebuffer can have any size
    }

    @Override
    public void start(EventLoop loop, FramePainter framePainter) throws OsException {
        this.painter = framePainter;
        timer = new LoopTimer(loop, this::tick);
        epoch = System.nanoTime();
        scheduleFrame();
    }

    @Override
    public void scheduleFrame() {
        if (armed || timer == null) return;
        period = Long.MAX_VALUE;
        for (int i = 0; i < outputs.size(); i++) period = Math.min(period, outputs.get(i).mode().frameNanos());
        long now = System.nanoTime(); // CLOCK_MONOTONIC, as the timerfd's
        long next = epoch + ((now - epoch) / period + 1) * period;
        try {
            timer.armAt(next);
            armed = true;
            armedFor = next;
        } catch (OsException e) {
            LOG.error("cannot arm the refresh timer: {}", e.getMessage());
        }
    }

    private void tick() {
        armed = false;
        int[] flags = frameFlags;
        for (int i = 0; i < outputs.size(); i++) flags[i] = frame(i);
        // shown at the tick of our own clock: its time, its period, its tick count; no hardware, no retrace
        long sequence = (armedFor - epoch) / period;
        for (int i = 0; i < outputs.size(); i++) painter.presented(outputs.get(i), armedFor, period, sequence, flags[i]);
    }

    /** Makes output {@code i}'s frame: shows a client buffer as it is when one makes up all of it, else composites. */
    private int frame(int i) {
        Output output = outputs.get(i);
        ClientBuffer candidate = painter.scanoutCandidate(output);
        if (candidate != null && candidate.width() == output.mode().width() && candidate.height() == output.mode().height()) {
            painter.discardDamage(output); // nothing to draw: the buffer is the frame
            if (shown[i] == null) LOG.debug("{}: showing {} as it is, no copies", output.name(), candidate);
            candidate.lock();
            show(i, candidate);
            return PRESENTED_ZERO_COPY;
        }
        composite(i);
        return 0;
    }

    /** Composites output {@code i} into its framebuffer: all of it if it showed a client buffer until now. */
    private void composite(int i) {
        Output output = outputs.get(i);
        if (shown[i] == null) {
            painter.paint(output, framebuffers[i]);
            return;
        }
        painter.paint(output, framebuffers[i], new Region(new Rect(0, 0, output.mode().width(), output.mode().height())));
        show(i, null);
    }

    /** Output {@code i} shows {@code buffer} (locked by the caller) from now on, or its framebuffer (null); the one before is let go. */
    private void show(int i, ClientBuffer buffer) {
        ClientBuffer before = shown[i];
        shown[i] = buffer;
        if (before != null) before.unlock();
    }

    @Override
    public int[] capture(Output which) {
        int i = outputs.indexOf(which);
        // include what is waiting for the next tick, and everything if the output shows a client buffer
        if (painter != null && (armed || shown[i] != null)) composite(i);
        return framebuffers[i].clone();
    }

    @Override
    public void close() {
        for (int i = 0; i < shown.length; i++) show(i, null);
        if (timer != null) timer.close();
    }
}
