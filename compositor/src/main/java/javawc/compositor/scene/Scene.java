package javawc.compositor.scene;

import javawc.compositor.core.Surface;
import javawc.compositor.output.Output;
import javawc.compositor.output.OutputGlobal;

import java.util.ArrayList;
import java.util.List;

/**
 * What is on screen: toplevel windows in stacking order (newest on top), popups above them,
 * each drawn as its surface tree. Collects damage in global coordinates and asks the backend
 * for a frame when something changed or a visible surface waits for a frame callback.
 */
public final class Scene {
    /** Visits surfaces bottom to top with their global position. */
    public interface SurfaceVisitor {
        void visit(Surface surface, int x, int y);
    }

    private static final int CASCADE_STEP = 32, CASCADE_STEPS = 8;

    private final List<SceneWindow> toplevels = new ArrayList<>();
    private final List<SceneWindow> popups = new ArrayList<>();
    private final List<OutputGlobal> outputs = new ArrayList<>();
    private final Region damage = new Region();
    private final int[] xy = new int[2];
    private Runnable frameRequest = () -> {};

    public void addOutput(OutputGlobal output) {
        outputs.add(output);
        damage.add(new Rect(output.output().x(), output.output().y(), output.output().logicalWidth(), output.output().logicalHeight()));
    }

    /** How the scene asks the backend for a frame on every output. */
    public void setFrameRequest(Runnable frameRequest) {
        this.frameRequest = frameRequest;
    }

    public Output primaryOutput() {
        return outputs.getFirst().output();
    }

    // ---- windows ----

    /**
     * Picks the position of a newly mapped toplevel: centred when that spot is free; else the
     * free spot nearest the centre (on a 32-pixel grid) where it overlaps no shown window;
     * else cascaded from the centre, so a new window never hides an older one completely.
     */
    public int[] placeToplevel(int width, int height) {
        Output o = primaryOutput();
        int cx = o.x() + Math.max(0, (o.logicalWidth() - width) / 2), cy = o.y() + Math.max(0, (o.logicalHeight() - height) / 2);
        List<Rect> taken = new ArrayList<>();
        for (SceneWindow w : toplevels) if (w.visible()) taken.add(w.surface().globalBounds());
        if (isFree(new Rect(cx, cy, width, height), taken)) return new int[] {cx, cy};
        int[] best = null;
        long bestDistance = Long.MAX_VALUE;
        for (int y = o.y(); y + height <= o.y() + o.logicalHeight(); y += CASCADE_STEP) {
            for (int x = o.x(); x + width <= o.x() + o.logicalWidth(); x += CASCADE_STEP) {
                long d = (long) (x - cx) * (x - cx) + (long) (y - cy) * (y - cy);
                if (d < bestDistance && isFree(new Rect(x, y, width, height), taken)) {
                    best = new int[] {x, y};
                    bestDistance = d;
                }
            }
        }
        if (best != null) return best;
        int step = taken.size() % CASCADE_STEPS * CASCADE_STEP;
        return new int[] {cx + step, cy + step};
    }

    private static boolean isFree(Rect r, List<Rect> taken) {
        for (Rect t : taken) if (t.intersects(r)) return false;
        return true;
    }

    public void addToplevel(SceneWindow w) {
        toplevels.remove(w);
        toplevels.add(w);
        damageWindow(w);
    }

    public void raise(SceneWindow w) {
        if (toplevels.remove(w)) {
            toplevels.add(w);
            damageWindow(w);
        }
    }

    public void addPopup(SceneWindow w) {
        popups.remove(w);
        popups.add(w);
        damageWindow(w);
    }

    public void removeWindow(SceneWindow w) {
        damageWindow(w);
        toplevels.remove(w);
        popups.remove(w);
    }

    public List<SceneWindow> toplevels() {
        return List.copyOf(toplevels);
    }

    private void damageWindow(SceneWindow w) {
        forEachInTree(w.surface(), (s, x, y) -> damage(new Rect(x, y, s.width(), s.height())));
    }

    // ---- damage and frames ----

    /** A surface's state changed: {@code before} was its global area, {@code local} the damage in its own coordinates. */
    public void surfaceChanged(Surface s, Rect before, Region local, boolean wantsFrame) {
        Rect after = s.globalBounds();
        if (!before.equals(after)) {
            damage(before);
            damage(after);
        } else if (!after.isEmpty()) {
            for (Rect r : local.rects()) damage(r.translate(after.x(), after.y()));
        }
        if (wantsFrame && s.isMapped()) frameRequest.run();
    }

    public void surfaceDestroyed(Surface s, Rect before) {
        damage(before);
        toplevels.removeIf(w -> w.surface() == s);
        popups.removeIf(w -> w.surface() == s);
    }

    public void damage(Rect r) {
        if (r.isEmpty()) return;
        damage.add(r);
        frameRequest.run();
    }

    /** Takes the damage that falls on {@code output}, leaving the rest. */
    public Region takeDamage(Output output) {
        Rect area = new Rect(output.x(), output.y(), output.logicalWidth(), output.logicalHeight());
        Region mine = damage.intersect(area);
        damage.subtract(area);
        return mine;
    }

    /**
     * The surface that alone makes up what {@code output} shows, if there is one: the topmost
     * surface there covers the output exactly, is opaque and is drawn 1:1 (no buffer scale or
     * transform), and its buffer can be shown as it is. Nothing below it can be seen.
     */
    public Surface soleSurface(Output output) {
        Rect area = new Rect(output.x(), output.y(), output.logicalWidth(), output.logicalHeight());
        Surface[] top = new Surface[1];
        boolean[] exact = new boolean[1];
        forEachVisibleSurface((s, x, y) -> {
            Rect r = new Rect(x, y, s.width(), s.height());
            if (r.intersects(area)) {
                top[0] = s;
                exact[0] = r.equals(area);
            }
        });
        Surface s = top[0];
        if (s == null || !exact[0] || s.scale() != 1 || s.transform() != 0 || s.directBuffer() == null) return null;
        boolean opaque = s.directBuffer().opaque() || s.opaqueRegion() != null && s.opaqueRegion().covers(new Rect(0, 0, s.width(), s.height()));
        return opaque ? s : null;
    }

    // ---- traversal ----

    /** Every shown surface, bottom to top: toplevel trees in stacking order, then popups. */
    public void forEachVisibleSurface(SurfaceVisitor v) {
        for (SceneWindow w : toplevels) if (w.visible()) forEachInTree(w.surface(), v);
        for (SceneWindow w : popups) if (w.visible()) forEachInTree(w.surface(), v);
    }

    private void forEachInTree(Surface root, SurfaceVisitor v) {
        for (Surface s : root.stack()) {
            if (s == root) {
                if (s.position(xy)) v.visit(s, xy[0], xy[1]);
            } else {
                forEachInTree(s, v);
            }
        }
    }

    /**
     * A frame of {@code output} was shown: surfaces on it get their frame callbacks and
     * enter/leave events. Hidden surfaces keep their callbacks until they are shown.
     */
    public void framePresented(Output output, long monotonicNanos) {
        int ms = (int) (monotonicNanos / 1_000_000);
        Rect area = new Rect(output.x(), output.y(), output.logicalWidth(), output.logicalHeight());
        OutputGlobal global = globalOf(output);
        forEachVisibleSurface((s, x, y) -> {
            boolean on = area.intersects(new Rect(x, y, s.width(), s.height()));
            if (global != null) s.updateOutputs(global.resources(s.client()), on);
            if (on) s.sendFrameDone(ms);
        });
    }

    private OutputGlobal globalOf(Output output) {
        for (OutputGlobal g : outputs) if (g.output() == output) return g;
        return null;
    }
}
