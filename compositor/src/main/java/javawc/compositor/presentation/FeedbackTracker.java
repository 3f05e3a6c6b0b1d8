package javawc.compositor.presentation;

import javawc.compositor.backend.Backend;
import javawc.compositor.core.Surface;
import javawc.compositor.output.Output;
import javawc.compositor.output.OutputGlobal;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Scene;
import javawc.server.protocol.WlOutput;
import javawc.server.protocol.WpPresentationFeedback;

import java.util.ArrayList;
import java.util.List;

/**
 * Follows each wp_presentation_feedback from its commit to the screen: waiting (the commit
 * is not applied yet; a synchronized subsurface's waits for its parent), applied (shown by
 * the next frame of an output the surface is on), queued (in a frame on its way to that
 * output's screen), then presented when the backend says the frame is shown, with the
 * backend's time, refresh, sequence and flags. It is discarded instead when a later commit
 * was applied before any frame showed it, when the surface is not shown at all when a frame is
 * made, or when the surface is destroyed first.
 */
final class FeedbackTracker implements Scene.FrameListener {
    private static final int NOT_SEEN = 0, SEEN_ELSEWHERE = 1, SEEN_HERE = 2;

    private static final class Feedback {
        final Surface surface;
        final WpPresentationFeedback resource;
        long commit;      // the surface's applied-commit count once this one's commit was applied
        Output output;    // the output whose frame shows it, once queued
        boolean zeroCopy; // the frame showed the surface's own buffer, if the backend scans it out
        int seen;         // scratch while a frame is built

        Feedback(Surface surface, WpPresentationFeedback resource) {
            this.surface = surface;
            this.resource = resource;
        }
    }

    private final Scene scene;
    private final List<Feedback> waiting = new ArrayList<>(), applied = new ArrayList<>(), queued = new ArrayList<>();
    private Output building; // the output whose frame is being built, for the visitor
    private final Scene.SurfaceVisitor markSeen = this::markSeen;
    private final Scene.DrawableVisitor markSeenOverlay = (d, x, y) -> {
        if (d instanceof Surface s) markSeen(s, x, y);
    };

    FeedbackTracker(Scene scene) {
        this.scene = scene;
        scene.addFrameListener(this);
        scene.addSurfaceDestroyingListener(this::surfaceDestroying);
    }

    void add(Surface surface, WpPresentationFeedback resource) {
        Feedback f = new Feedback(surface, resource);
        waiting.add(f);
        surface.onNextApply(() -> {
            waiting.remove(f);
            f.commit = surface.appliedCommits();
            applied.add(f);
            scene.requestFrame(); // a commit that damaged nothing is still shown by the next frame
        });
    }

    private void surfaceDestroying(Surface s) {
        discardIf(waiting, s);
        discardIf(applied, s);
        discardIf(queued, s); // the frame may still show it, but the client asked about a surface that is gone
    }

    private static void discardIf(List<Feedback> list, Surface s) {
        for (int i = list.size() - 1; i >= 0; i--) {
            Feedback f = list.get(i);
            if (f.surface == s) {
                list.remove(i);
                f.resource.sendDiscarded();
            }
        }
    }

    @Override
    public void frameBuilt(Output output) {
        waiting.removeIf(f -> !f.resource.isAlive()); // clients that went away
        if (applied.isEmpty()) return;
        for (int i = 0; i < applied.size(); i++) applied.get(i).seen = NOT_SEEN;
        building = output;
        scene.forEachVisibleSurface(markSeen);
        scene.forEachOverlay(markSeenOverlay);
        building = null;
        Surface sole = null;
        boolean soleKnown = false;
        for (int i = applied.size() - 1; i >= 0; i--) {
            Feedback f = applied.get(i);
            if (!f.resource.isAlive()) {
                applied.remove(i);
            } else if (f.commit < f.surface.appliedCommits() || f.seen == NOT_SEEN) {
                applied.remove(i); // replaced before any frame showed it, or not shown anywhere
                f.resource.sendDiscarded();
            } else if (f.seen == SEEN_HERE) {
                if (!soleKnown) {
                    sole = scene.soleSurface(output);
                    soleKnown = true;
                }
                applied.remove(i);
                f.output = output;
                f.zeroCopy = f.surface == sole;
                queued.add(f);
            }
        }
    }

    private void markSeen(Surface s, int x, int y) {
        for (int i = 0; i < applied.size(); i++) {
            Feedback f = applied.get(i);
            if (f.surface != s) continue;
            Rect r = new Rect(x, y, s.width(), s.height());
            if (r.intersects(building.logicalBounds())) f.seen = SEEN_HERE;
            else if (f.seen == NOT_SEEN && r.intersects(scene.layoutBounds())) f.seen = SEEN_ELSEWHERE;
        }
    }

    @Override
    public void framePresented(Output output, long monotonicNanos, long refreshNanos, long sequence, int flags) {
        if (queued.isEmpty()) return;
        OutputGlobal global = scene.globalOf(output);
        long seconds = monotonicNanos / 1_000_000_000L;
        int nanos = (int) (monotonicNanos % 1_000_000_000L);
        int refresh = (int) Math.min(refreshNanos, Integer.MAX_VALUE);
        for (int i = 0; i < queued.size(); ) {
            Feedback f = queued.get(i);
            if (f.output != output) {
                i++;
                continue;
            }
            queued.remove(i);
            if (!f.resource.isAlive()) continue;
            if (global != null) {
                List<WlOutput> bound = global.resources(f.resource.client());
                for (int j = 0; j < bound.size(); j++) f.resource.sendSyncOutput(bound.get(j));
            }
            int kind = f.zeroCopy ? flags : flags & ~Backend.PRESENTED_ZERO_COPY;
            f.resource.sendPresented((int) (seconds >>> 32), (int) seconds, nanos, refresh, (int) (sequence >>> 32), (int) sequence, kind);
        }
    }
}
