package javawc.compositor.backend;

import javawc.compositor.output.Output;
import javawc.os.Descriptors;
import javawc.os.Epoll;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.server.EventLoop;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.List;

/**
 * One virtual output in memory, with a refresh clock from a timerfd: frames fall on a fixed
 * grid of the mode's period, and only when something asked for one, so an idle compositor
 * wakes up for nothing. Works anywhere; the screenshot shows what a monitor would.
 */
public final class HeadlessBackend implements Backend {
    private static final Logger LOG = LogManager.getLogger(HeadlessBackend.class);

    private final Output output;
    private final int[] framebuffer;
    private OwnedFd timer;
    private EventLoop.Source timerSource;
    private FramePainter painter;
    private long epoch;
    private boolean armed;

    public HeadlessBackend(Output.Mode mode) {
        output = new Output("HEADLESS-1", "javawc", "headless", 0, 0, mode, 0, 0);
        framebuffer = new int[mode.width() * mode.height()];
    }

    @Override
    public String name() {
        return "headless";
    }

    @Override
    public List<Output> outputs() {
        return List.of(output);
    }

    @Override
    public void start(EventLoop loop, FramePainter framePainter) throws OsException {
        this.painter = framePainter;
        timer = Descriptors.timerFd();
        timerSource = loop.add(timer.get(), Epoll.IN, events -> tick());
        epoch = System.nanoTime();
        scheduleFrame();
    }

    @Override
    public void scheduleFrame() {
        if (armed || timer == null) return;
        long period = output.mode().frameNanos();
        long now = System.nanoTime();
        long next = epoch + ((now - epoch) / period + 1) * period;
        try {
            Descriptors.armTimerAbsolute(timer, next);
            armed = true;
        } catch (OsException e) {
            LOG.error("cannot arm the refresh timer: {}", e.getMessage());
        }
    }

    private void tick() throws OsException {
        if (Descriptors.readCounter(timer) == 0) return;
        armed = false;
        painter.paint(output, framebuffer);
        painter.presented(output, System.nanoTime());
    }

    @Override
    public int[] capture(Output which) {
        if (armed && painter != null) painter.paint(output, framebuffer); // include what is waiting for the next tick
        return framebuffer.clone();
    }

    @Override
    public void close() {
        if (timerSource != null) timerSource.remove();
        if (timer != null) timer.close();
    }
}
