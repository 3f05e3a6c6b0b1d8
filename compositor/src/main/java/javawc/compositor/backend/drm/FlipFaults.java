package javawc.compositor.backend.drm;

import javawc.os.LibC;
import javawc.os.OsException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What went wrong in a head's frame cycle, said once rather than sixty times a second: the
 * first refused flip or failed paint is logged with what it likely means, then every 600th
 * (ten seconds at 60 Hz) with the count, and the recovery with how many frames it cost.
 */
final class FlipFaults {
    private static final Logger LOG = LogManager.getLogger(DrmBackend.class);
    private static final int LOG_EVERY = 600;
    private static final int EBUSY = 16, ENODEV = 19;

    private final Map<DrmHead, int[]> failing = new IdentityHashMap<>(); // head -> {consecutive failures}

    void flipRefused(DrmHead h, OsException e) {
        int n = count(h);
        if (n == 1 || n % LOG_EVERY == 0) {
            LOG.warn("{}: page flip refused ({}{}); trying again every refresh{}", h.output.name(), e.getMessage(), meaning(e.errno()),
                    n > 1 ? " (" + n + " refused in a row)" : "");
        }
    }

    void paintFailed(DrmHead h, RuntimeException e) {
        int n = count(h);
        if (n == 1) LOG.error("{}: painting a frame failed; trying again next refresh", h.output.name(), e);
        else if (n % LOG_EVERY == 0) LOG.error("{}: painting has failed {} times in a row: {}", h.output.name(), n, e.toString());
    }

    /** A flip went through: if frames had failed, say that they work again. */
    void flipped(DrmHead h) {
        if (failing.isEmpty()) return;
        int[] n = failing.remove(h);
        if (n != null) LOG.info("{}: frames flip again after {} failed", h.output.name(), n[0]);
    }

    /** Failures in a row on {@code h} so far (0 when it flips). */
    int failures(DrmHead h) {
        int[] n = failing.get(h);
        return n == null ? 0 : n[0];
    }

    private int count(DrmHead h) {
        return ++failing.computeIfAbsent(h, k -> new int[1])[0];
    }

    private static String meaning(int errno) {
        return switch (errno) {
            case EBUSY -> ": the CRTC is still busy with the last one";
            case LibC.EACCES, LibC.EPERM -> ": we are not DRM master now, another process took the display";
            case ENODEV, LibC.ENOENT, LibC.EINVAL -> ": the CRTC, connector or framebuffer is not usable (a monitor unplugged?)";
            default -> "";
        };
    }
}
