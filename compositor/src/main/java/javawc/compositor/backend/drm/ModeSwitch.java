package javawc.compositor.backend.drm;

import javawc.compositor.output.Output;
import javawc.os.OsException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Switching a lit head to another mode of its connector while running: buffers of the new
 * size are made first, then one blocking modeset (atomic with ALLOW_MODESET, or legacy
 * SETCRTC) lights them; only once the new mode is on screen are the old buffers released,
 * and a client buffer that was scanned out is handed back. A refused modeset puts the old
 * mode back (atomic: the kernel changed nothing; legacy: SETCRTC with the old mode and
 * buffer), frees the new buffers and throws IllegalArgumentException with the driver's
 * reason. The caller (the backend, on the event loop) tells the output its new mode.
 */
final class ModeSwitch {
    private static final Logger LOG = LogManager.getLogger(ModeSwitch.class);

    /** Makes a head's buffers of a given size, of the kind it has now (dumb or GBM). */
    interface ScanoutMaker {
        HeadScanout make(DrmHead head, int width, int height) throws Exception;
    }

    private ModeSwitch() {}

    /** Lights {@code next} (a drm_mode_modeinfo of the head's connector) on {@code h}; returns it as the output's mode. */
    static Output.Mode apply(KmsCommits kms, DrmHead h, byte[] next, ScanoutMaker maker) {
        Output.Mode target = DrmModes.toMode(next);
        HeadScanout fresh;
        try {
            fresh = maker.make(h, DrmModes.width(next), DrmModes.height(next));
        } catch (Exception e) {
            throw new IllegalArgumentException(h.output.name() + ": no buffers for " + target + ": " + e.getMessage(), e);
        }
        byte[] old = h.mode;
        h.mode = next;
        long start = System.nanoTime();
        try {
            kms.modeset(h, fresh.front());
        } catch (OsException e) {
            h.mode = old;
            String back = rollBack(kms, h);
            fresh.close(); // after the old buffer is lit again: a framebuffer removed while shown turns the CRTC off
            LOG.warn("{}: switching to {} failed ({}); {}", h.output.name(), target, e.getMessage(), back);
            throw new IllegalArgumentException(h.output.name() + ": the display refused " + target + " (" + e.getMessage() + "); " + back, e);
        }
        HeadScanout previous = h.scanout;
        h.scanout = fresh;
        // a client buffer shown until now is off the screen; one whose flip was in flight was
        // shown and replaced before the blocking modeset returned (its event still comes, harmlessly)
        if (h.direct != null) h.direct.unlock();
        if (h.directPending != null) h.directPending.unlock();
        h.direct = h.directPending = null;
        previous.close();
        h.frameStale = true; // the new buffers hold nothing yet: the next frame paints everything
        LOG.info("{}: switched to {} ({}) in {} ms", h.output.name(), target, kms.name(), (System.nanoTime() - start) / 1_000_000);
        return target;
    }

    /** After a refused modeset: the old mode and buffer lit again where the refusal may have left the head dark. */
    private static String rollBack(KmsCommits kms, DrmHead h) {
        if (kms.failedModesetChangesNothing()) return "still at " + DrmModes.toMode(h.mode);
        try {
            kms.modeset(h, h.scanout.front());
            return "back at " + DrmModes.toMode(h.mode);
        } catch (OsException again) {
            LOG.error("{}: lighting the old mode {} again failed too: {}", h.output.name(), DrmModes.toMode(h.mode), again.getMessage());
            return "lighting the old mode again failed too (" + again.getMessage() + ")";
        }
    }
}
