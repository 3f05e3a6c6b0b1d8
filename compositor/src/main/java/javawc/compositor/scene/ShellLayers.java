package javawc.compositor.scene;

import javawc.compositor.core.Surface;
import javawc.compositor.output.Output;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the scene stacks around the windows for desktop components: the four layer-shell layers
 * (background and bottom below the windows, top and overlay above them), the part of each
 * output they leave to windows, and the lock screen, which while the session is locked replaces
 * everything (only its surfaces are drawn, on black, and found under the pointer).
 */
public final class ShellLayers {
    public static final int BACKGROUND = 0, BOTTOM = 1, TOP = 2, OVERLAY = 3;

    private final Scene scene;
    /** Layer surfaces per layer, oldest first (the newest on top). */
    final List<List<SceneWindow>> layers = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    final List<SceneWindow> lockSurfaces = new ArrayList<>();
    /** Per output, the area left to windows once exclusive zones are taken out; absent: the whole output. */
    private final Map<Output, Rect> usableAreas = new IdentityHashMap<>();
    private boolean locked;

    ShellLayers(Scene scene) {
        this.scene = scene;
    }

    /** Puts a layer surface on top of {@code layer} (BACKGROUND to OVERLAY), out of any other layer. */
    public void add(SceneWindow w, int layer) {
        for (List<SceneWindow> l : layers) l.remove(w);
        layers.get(layer).add(w);
        scene.damageWindow(w);
    }

    /**
     * The part of {@code output} given to windows: maximized ones fill it and new ones are placed
     * in it. Exclusive zones of layer surfaces (panels) make it smaller than the output.
     */
    public Rect usableArea(Output output) {
        Rect r = usableAreas.get(output);
        return r != null ? r : output.logicalBounds();
    }

    /** Sets what {@link #usableArea} gives for {@code output}; when it changed, toplevels are told (a maximized one is resized). */
    public void setUsableArea(Output output, Rect area) {
        if (area.equals(usableArea(output))) return;
        if (area.equals(output.logicalBounds())) usableAreas.remove(output);
        else usableAreas.put(output, area);
        for (SceneWindow w : scene.toplevels()) w.usableAreaChanged();
    }

    /** Locks or unlocks the session; everything is repainted either way. */
    public void setLocked(boolean on) {
        if (locked == on) return;
        locked = on;
        scene.damage(scene.layoutBounds());
    }

    public boolean isLocked() {
        return locked;
    }

    /** A lock surface, shown (only) while the session is locked. */
    public void addLockSurface(SceneWindow w) {
        lockSurfaces.remove(w);
        lockSurfaces.add(w);
        scene.damageWindow(w);
    }

    /** Whether {@code s} may have input while the session is locked: it belongs to a lock surface's tree. */
    public boolean isLockSurface(Surface s) {
        for (SceneWindow w : lockSurfaces) if (inTree(w.surface(), s)) return true;
        return false;
    }

    private static boolean inTree(Surface root, Surface s) {
        for (Surface t : root.stack()) if (t == s || t != root && inTree(t, s)) return true;
        return false;
    }

    /** The lock surfaces, oldest first. */
    public List<SceneWindow> lockSurfaces() {
        return List.copyOf(lockSurfaces);
    }

    void remove(SceneWindow w) {
        for (List<SceneWindow> l : layers) l.remove(w);
        lockSurfaces.remove(w);
    }

    void removeSurface(Surface s) {
        for (List<SceneWindow> l : layers) l.removeIf(w -> w.surface() == s);
        lockSurfaces.removeIf(w -> w.surface() == s);
    }
}
