package javawc.compositor.backend.drm;

import javawc.compositor.render.CopyCounter;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Per-head frame figures, logged every few seconds while frames are shown: how many frames,
 * how many were a client buffer scanned out directly, and how many bytes were copied out of
 * client buffers for them ({@link CopyCounter}); a fully direct stretch copies nothing.
 */
final class FrameStats {
    private static final Logger LOG = LogManager.getLogger(FrameStats.class);
    private static final long PERIOD_NANOS = 5_000_000_000L;

    private final String output;
    private long periodStart = -1, copiedMark = CopyCounter.total(), copied, copiedDirect;
    private int frames, direct;

    FrameStats(String output) {
        this.output = output;
    }

    /** A frame went to the display; {@code directly}: a client buffer, no compositing. */
    void frame(boolean directly, long nowNanos) {
        long total = CopyCounter.total(), bytes = total - copiedMark;
        copiedMark = total;
        if (periodStart < 0) periodStart = nowNanos;
        frames++;
        copied += bytes;
        if (directly) {
            direct++;
            copiedDirect += bytes;
        }
        if (nowNanos - periodStart >= PERIOD_NANOS) {
            LOG.info("{}: {} frames in {} s, {} scanned out directly ({} bytes copied from client buffers for those), {} bytes copied in all",
                    output, frames, String.format("%.1f", (nowNanos - periodStart) / 1e9), direct, copiedDirect, copied);
            periodStart = nowNanos;
            frames = direct = 0;
            copied = copiedDirect = 0;
        }
    }
}
