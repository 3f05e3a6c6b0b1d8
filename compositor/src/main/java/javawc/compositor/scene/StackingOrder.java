package javawc.compositor.scene;

import javawc.compositor.core.Surface;

import java.util.List;

/**
 * The order the scene's windows are stacked in, as drawing (bottom to top) and input (top
 * down) see it: the background and bottom layers, toplevels, the top and overlay layers, then
 * popups; the top layer goes below the windows while the topmost toplevel is fullscreen, and
 * while the session is locked there are only the lock surfaces. Each window is its surface
 * tree. Walked on every frame and pointer motion, so it allocates nothing.
 */
final class StackingOrder {
    private final List<SceneWindow> toplevels, popups; // the scene's lists, bottom to top
    private final ShellLayers shell;
    private final int[] xy = new int[2];

    StackingOrder(List<SceneWindow> toplevels, List<SceneWindow> popups, ShellLayers shell) {
        this.toplevels = toplevels;
        this.popups = popups;
        this.shell = shell;
    }

    /** The topmost shown toplevel, or null. */
    SceneWindow topToplevel() {
        for (int i = toplevels.size() - 1; i >= 0; i--) if (toplevels.get(i).visible()) return toplevels.get(i);
        return null;
    }

    /** Whether the topmost shown toplevel is fullscreen: then the windows are drawn above the top layer, below the overlay. */
    private boolean fullscreenOnTop() {
        SceneWindow top = topToplevel();
        return top != null && top.fullscreen();
    }

    /** See {@link Scene#pick}. */
    boolean pick(double x, double y, Scene.Hit hit) {
        int px = (int) Math.floor(x), py = (int) Math.floor(y);
        List<List<SceneWindow>> layers = shell.layers;
        boolean fullscreenOnTop = fullscreenOnTop();
        if (shell.isLocked()) {
            if (pickIn(shell.lockSurfaces, px, py, hit)) return true;
        } else if (pickIn(popups, px, py, hit) || pickIn(layers.get(ShellLayers.OVERLAY), px, py, hit)
                || !fullscreenOnTop && pickIn(layers.get(ShellLayers.TOP), px, py, hit) || pickIn(toplevels, px, py, hit)
                || fullscreenOnTop && pickIn(layers.get(ShellLayers.TOP), px, py, hit)
                || pickIn(layers.get(ShellLayers.BOTTOM), px, py, hit) || pickIn(layers.get(ShellLayers.BACKGROUND), px, py, hit)) {
            return true;
        }
        hit.window = null;
        hit.surface = null;
        return false;
    }

    private boolean pickIn(List<SceneWindow> windows, int px, int py, Scene.Hit hit) {
        for (int i = windows.size() - 1; i >= 0; i--) if (pickWindow(windows.get(i), px, py, hit)) return true;
        return false;
    }

    private boolean pickWindow(SceneWindow w, int px, int py, Scene.Hit hit) {
        if (!w.visible() || !pickInTree(w.surface(), px, py, hit)) return false;
        hit.window = w;
        return true;
    }

    private boolean pickInTree(Surface root, int px, int py, Scene.Hit hit) {
        List<Surface> stack = root.stack();
        for (int i = stack.size() - 1; i >= 0; i--) {
            Surface s = stack.get(i);
            if (s != root) {
                if (pickInTree(s, px, py, hit)) return true;
            } else if (s.position(xy) && s.acceptsInput(px - xy[0], py - xy[1])) {
                hit.surface = s;
                hit.originX = xy[0];
                hit.originY = xy[1];
                return true;
            }
        }
        return false;
    }

    /** See {@link Scene#forEachVisibleSurface}. */
    void forEachVisibleSurface(Scene.SurfaceVisitor v) {
        if (shell.isLocked()) {
            visitAll(shell.lockSurfaces, v);
            return;
        }
        boolean fullscreenOnTop = fullscreenOnTop();
        visitAll(shell.layers.get(ShellLayers.BACKGROUND), v);
        visitAll(shell.layers.get(ShellLayers.BOTTOM), v);
        if (fullscreenOnTop) visitAll(shell.layers.get(ShellLayers.TOP), v);
        visitAll(toplevels, v);
        if (!fullscreenOnTop) visitAll(shell.layers.get(ShellLayers.TOP), v);
        visitAll(shell.layers.get(ShellLayers.OVERLAY), v);
        visitAll(popups, v);
    }

    private void visitAll(List<SceneWindow> windows, Scene.SurfaceVisitor v) {
        for (int i = 0; i < windows.size(); i++) if (windows.get(i).visible()) forEachInTree(windows.get(i).surface(), v);
    }

    /** Visits the shown surfaces of the tree of {@code root}, bottom to top, with their global position. */
    void forEachInTree(Surface root, Scene.SurfaceVisitor v) {
        List<Surface> stack = root.stack();
        for (int i = 0; i < stack.size(); i++) { // indexed: no iterator per tree, several walks a frame
            Surface s = stack.get(i);
            if (s == root) {
                if (s.position(xy)) v.visit(s, xy[0], xy[1]);
            } else {
                forEachInTree(s, v);
            }
        }
    }
}
