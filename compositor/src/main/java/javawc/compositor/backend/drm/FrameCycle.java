package javawc.compositor.backend.drm;

import javawc.compositor.backend.Backend;
import javawc.compositor.backend.Backend.FramePainter;
import javawc.compositor.dmabuf.DmabufBuffer;
import javawc.os.LibC;
import javawc.os.NativeBuffer;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.server.EventLoop;
import javawc.server.LoopTimer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The heads' page-flip cycle, on the event loop: a frame is painted into the back buffer (or a
 * client's dma-buf is put on the primary plane, {@link ScanoutImports}) and flipped; the
 * flip-complete event, read from the DRM fd, is the output's clock: it sends frame callbacks.
 * The next frame is painted no earlier than a repaint window before the next expected vblank
 * (last flip + one refresh period), as weston does: late enough to catch the newest commits,
 * and it keeps drivers whose flips complete early (virtio-gpu has no real vblank) at the mode's
 * rate. A refused flip or a failed paint is tried again one refresh later ({@link FlipFaults}),
 * so a head never waits for a client's commit. {@link DrmBackend} lights the heads and decides
 * when a head stops (unplugged, VT switched away) and starts again.
 */
final class FrameCycle {
    private static final Logger LOG = LogManager.getLogger(DrmBackend.class); // the backend's log lines, as before the split
    private static final long REPAINT_WINDOW_NANOS = 7_000_000;

    private final KmsCommits kms;
    private final ScanoutImports imports;
    private final List<DrmHead> heads;  // the backend's: lit heads, in page-flip event index order
    private final NativeBuffer events = new NativeBuffer(1024);
    private final FlipFaults faults = new FlipFaults();
    private FramePainter painter;
    private boolean paused; // the VT is switched away: not master, no frames

    FrameCycle(KmsCommits kms, ScanoutImports imports, List<DrmHead> heads) {
        this.kms = kms;
        this.imports = imports;
        this.heads = heads;
    }

    /** Lights every head with its first frame and sets up its repaint timer. */
    void start(EventLoop loop, FramePainter framePainter) throws OsException {
        this.painter = framePainter;
        for (DrmHead h : heads) {
            h.scanout.paint(painter, true);
            h.scanout.flipping();
            kms.modeset(h, h.scanout.front());
            h.repaintTimer = new LoopTimer(loop, () -> {
                h.timerArmed = false;
                if (!paused) frame(h);
            });
        }
    }

    /** Null until {@link #start}. */
    FramePainter painter() {
        return painter;
    }

    boolean paused() {
        return paused;
    }

    /** The session went away: no frames on any head until {@link #resume}. */
    void pause() {
        paused = true;
        for (DrmHead h : heads) stop(h);
    }

    void resume() {
        paused = false;
    }

    /** A new frame on every head that shows one: now if it is in its repaint window, else when that opens. */
    void scheduleFrame() {
        for (DrmHead h : heads) {
            if (h.unplugged) continue;
            if (h.flipPending) h.frameWanted = true;
            else scheduleRepaint(h);
        }
    }

    /**
     * {@code h} was just lit by a modeset (its monitor back, the VT back): what it shows is an
     * old buffer of ours, and the modeset replaced any flip in flight, whose event may never come.
     */
    void relit(DrmHead h) {
        h.frameStale = true; // the next frame repaints everything
        h.flipPending = false;
        scheduleRepaint(h);
    }

    /** No more frames on {@code h} until it is {@link #relit}; a flip still in flight completes harmlessly. */
    void stop(DrmHead h) {
        h.frameWanted = false;
        if (h.timerArmed) {
            try {
                h.repaintTimer.disarm();
                h.timerArmed = false;
            } catch (OsException e) {
                LOG.warn("{}: cannot disarm the repaint timer: {}", h.output.name(), e.getMessage());
            }
        }
    }

    /** Paints now if the repaint window of the next vblank is open, else when it opens. */
    private void scheduleRepaint(DrmHead h) {
        if (paused || h.timerArmed) return;
        long due = h.lastFlipNanos + h.output.mode().frameNanos() - REPAINT_WINDOW_NANOS;
        if (System.nanoTime() >= due) {
            frame(h);
            return;
        }
        try {
            h.repaintTimer.armAt(due);
            h.timerArmed = true;
        } catch (OsException e) {
            LOG.error("cannot arm the repaint timer: {}", e.getMessage());
            frame(h);
        }
    }

    private void frame(DrmHead h) {
        // only a dma-buf can be put on a plane; an shm buffer is composited (one copy)
        if (!(painter.scanoutCandidate(h.output) instanceof DmabufBuffer candidate) || !scanOut(h, candidate)) composite(h);
    }

    /** Shows {@code b} itself on the primary plane; false when it cannot be (then we composite). */
    private boolean scanOut(DrmHead h, DmabufBuffer b) {
        if (b.width() != h.output.mode().width() || b.height() != h.output.mode().height()) return false;
        int fb = imports.framebuffer(b);
        if (fb == 0 || !kms.test(h, fb)) return false;
        try {
            kms.flip(h, fb);
        } catch (OsException e) {
            LOG.info("{}: the display refused {} ({}): compositing it", h.output.name(), b, e.getMessage());
            imports.markUnusable(b);
            return false;
        }
        painter.discardDamage(h.output); // nothing to draw: the buffer is the frame
        b.lock();
        h.directPending = b;
        if (h.direct == null && !h.frameStale) LOG.info("{}: scanning out {} directly, no copies", h.output.name(), b);
        h.frameStale = true;
        h.flipPending = true;
        h.stats.frame(true, System.nanoTime());
        return true;
    }

    private void composite(DrmHead h) {
        int fb;
        try {
            fb = h.scanout.paint(painter, h.frameStale);
        } catch (RuntimeException e) { // a renderer bug costs this frame, not the compositor
            faults.paintFailed(h, e);
            h.frameStale = true; // the next try repaints everything
            retryNextPeriod(h);
            return;
        }
        if (h.frameStale) LOG.info("{}: compositing again", h.output.name());
        h.frameStale = false;
        try {
            kms.flip(h, fb);
            faults.flipped(h);
            h.flipPending = true;
            h.scanout.flipping();
            h.stats.frame(false, System.nanoTime());
        } catch (OsException e) {
            // EBUSY, EACCES without DRM master, a connector going: the frame stays in the back
            // buffer and is offered again one refresh later, so the head never waits for a commit
            faults.flipRefused(h, e);
            retryNextPeriod(h);
        }
    }

    private void retryNextPeriod(DrmHead h) {
        h.lastFlipNanos = System.nanoTime();
        scheduleRepaint(h);
    }

    /** Reads the DRM fd's events: page flips completed. */
    void readEvents(OwnedFd drm) throws OsException {
        long n = LibC.read(drm.get(), events.address(), events.capacity());
        if (n < 0) {
            if (LibC.errno() == LibC.EAGAIN) return;
            throw OsException.last("read DRM events");
        }
        ByteBuffer b = events.buffer();
        for (int off = 0; off + 8 <= n; ) {
            int type = b.getInt(off), length = b.getInt(off + 4);
            if (length < 8) break;
            if (type == DrmDevice.EVENT_FLIP_COMPLETE && length >= 32) {
                int index = (int) b.getLong(off + 8);
                long nanos = Integer.toUnsignedLong(b.getInt(off + 16)) * 1_000_000_000L + b.getInt(off + 20) * 1000L;
                long sequence = Integer.toUnsignedLong(b.getInt(off + 24)); // drm_event_vblank: the CRTC's vblank count
                if (index >= 0 && index < heads.size()) flipped(heads.get(index), nanos, sequence);
            }
            off += length;
        }
    }

    /** A flip-complete event for {@code h} (from the DRM fd; tests deliver them as the kernel would). */
    void flipped(DrmHead h, long monotonicNanos, long sequence) {
        h.flipPending = false;
        // the kernel's flip-complete event says the frame is on screen (hardware completion); a driver
        // that counts vblanks stamps it with the vblank's time and count (hardware clock, at a
        // retrace); one that does not (virtio-gpu: sequence 0) completes flips on commit, at no retrace
        int flags = Backend.PRESENTED_HW_COMPLETION | (sequence != 0 ? Backend.PRESENTED_VSYNC | Backend.PRESENTED_HW_CLOCK : 0)
                | (h.directPending != null ? Backend.PRESENTED_ZERO_COPY : 0);
        // what was on screen until now is not: a client buffer there loses the lock its flip took
        if (h.direct != null) h.direct.unlock();
        h.direct = h.directPending;
        h.directPending = null;
        // a flip can complete before its vblank (virtio-gpu completes on commit): count it shown
        // no earlier than one period after the last, or frames would follow the driver, not the mode
        h.lastFlipNanos = Math.max(monotonicNanos, h.lastFlipNanos + h.output.mode().frameNanos());
        painter.presented(h.output, monotonicNanos, h.output.mode().frameNanos(), sequence, flags);
        if (h.frameWanted) {
            h.frameWanted = false;
            scheduleRepaint(h);
        }
    }

    /** Removes the heads' repaint timers from the loop and closes them. */
    void close() {
        for (DrmHead h : heads) {
            if (h.repaintTimer != null) h.repaintTimer.close();
        }
    }
}
