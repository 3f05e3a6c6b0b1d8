package javawc.compositor.presentation;

import javawc.compositor.core.Surface;
import javawc.compositor.scene.Scene;
import javawc.server.GlobalRegistry;
import javawc.server.protocol.WlSurface;
import javawc.server.protocol.WpPresentation;
import javawc.server.protocol.WpPresentationFeedback;

/**
 * wp_presentation (v1): announces CLOCK_MONOTONIC, the clock our frames are paced and
 * stamped with (timerfds headless, the kernel's page-flip events on KMS), and hands each
 * feedback request to the {@link FeedbackTracker}, which follows it to the frame that shows it.
 */
public final class PresentationGlobal implements WpPresentation.Handler {
    public static final int VERSION = 1;
    static final int CLOCK_MONOTONIC = 1; // <time.h>

    private final FeedbackTracker tracker;

    public PresentationGlobal(GlobalRegistry registry, Scene scene) {
        tracker = new FeedbackTracker(scene);
        registry.add(WpPresentation.SPEC, VERSION, WpPresentation::new, r -> {
            r.setHandler(this);
            r.sendClockId(CLOCK_MONOTONIC);
        });
    }

    @Override
    public void destroy(WpPresentation self) {
        // destructor; feedback already asked for is still delivered
    }

    @Override
    public void feedback(WpPresentation self, WlSurface surface, WpPresentationFeedback callback) {
        tracker.add(Surface.of(surface), callback);
    }
}
