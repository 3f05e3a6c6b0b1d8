package javawc.compositor.scene;

import javawc.compositor.core.Surface;
import javawc.compositor.output.Output;
import javawc.compositor.output.OutputGlobal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What is on screen, bottom to top: the background and bottom layers (layer shell), toplevel
 * windows in stacking order (newest on top), the top and overlay layers (the top layer below
 * the windows while the topmost one is fullscreen), popups, each drawn as
 * its surface tree, then a drag-and-drop icon and the cursor (a client's surface, or else the
 * compositor's own image) above everything. While the session is locked only the locker's
 * surfaces are drawn and take input, on black. Collects damage in global
 * coordinates and asks the backend for a frame when something changed or a visible surface
 * waits for a frame callback. Finds the surface under a point for input.
 */
public final class Scene {
    /** Visits surfaces bottom to top with their global position. */
    public interface SurfaceVisitor {
        void visit(Surface surface, int x, int y);
    }

    /** Visits what is drawn above the windows (client surfaces or the compositor's cursor image) with its global position. */
    public interface DrawableVisitor {
        void visit(Drawable drawable, int x, int y);
    }

    /**
     * Follows the frames of each output, for protocols that report on them (presentation
     * feedback, fractional scale): a frame is built from the scene as it is, then shown.
     */
    public interface FrameListener {
        /** A frame of {@code output} is being made from the scene as it is now (it may show nothing new). */
        default void frameBuilt(Output output) {}

        /**
         * That frame is on screen since {@code monotonicNanos} (CLOCK_MONOTONIC), the display's
         * {@code sequence}-th refresh, refreshing every {@code refreshNanos} (0: unknown);
         * {@code flags} are the {@link javawc.compositor.backend.Backend} PRESENTED_ bits that hold.
         */
        void framePresented(Output output, long monotonicNanos, long refreshNanos, long sequence, int flags);
    }

    private final List<SceneWindow> toplevels = new ArrayList<>();
    private final List<SceneWindow> popups = new ArrayList<>();
    private final ShellLayers shell = new ShellLayers(this);
    private final StackingOrder order = new StackingOrder(toplevels, popups, shell);
    private final List<Runnable> outputsListeners = new ArrayList<>(1);
    private final List<OutputGlobal> outputs = new ArrayList<>();
    private final Region damage = new Region();
    private final SoleSurface soleSurface = new SoleSurface(this);
    private final FrameDone frameDone = new FrameDone(this);
    private final int[] xy = new int[2];
    private final List<Consumer<Surface>> destroyingListeners = new ArrayList<>(1);
    private final List<Consumer<Surface>> committedListeners = new ArrayList<>(1);
    private final List<SceneListener> listeners = new ArrayList<>(2);
    private final List<FrameListener> frameListeners = new ArrayList<>(2);
    private Runnable frameRequest = () -> {};
    private Rect layout = Rect.EMPTY;
    private Surface cursor, dragIcon;
    private Drawable cursorImage; // the compositor's own cursor, drawn when no client cursor surface is
    private int cursorImageX, cursorImageY;
    private int generation;

    /** Where a point landed: the window, the surface in its tree, and that surface's global origin. */
    public static final class Hit {
        public SceneWindow window;
        public Surface surface;
        public int originX, originY;
    }

    public void addOutput(OutputGlobal output) {
        outputs.add(output);
        Rect area = output.output().logicalBounds();
        layout = layout.isEmpty() ? area : layout.union(area);
        damage.add(area);
    }

    /**
     * An output went away (its monitor unplugged): surfaces on it get wl_surface.leave, and it is
     * no longer drawn or laid out; then as for any change ({@link #outputsChanged}): what was on it
     * comes back to the others, and the outputs listeners (the layer shell) hear of it.
     */
    public void removeOutput(OutputGlobal output) {
        if (!outputs.contains(output)) return;
        forEachVisibleSurface((s, x, y) -> s.updateOutputs(output.allResources(), false));
        outputs.remove(output);
        outputsChanged();
    }

    /**
     * An output's mode, position, scale or transform changed: the layout is measured again, every output
     * is repainted whole, and toplevels that are now on no output are put back on the primary one.
     */
    public void outputsChanged() {
        layout = Rect.EMPTY;
        for (OutputGlobal g : outputs) {
            Rect area = g.output().logicalBounds();
            layout = layout.isEmpty() ? area : layout.union(area);
            damage.add(area);
        }
        for (int i = 0; i < outputsListeners.size(); i++) outputsListeners.get(i).run(); // layer surfaces are laid out again first
        for (SceneWindow w : List.copyOf(toplevels)) w.usableAreaChanged(); // maximized and fullscreen ones fill their output's new area
        for (SceneWindow w : List.copyOf(toplevels)) {
            if (!w.visible() || onAnyOutput(w.geometry())) continue;
            Rect g = w.geometry();
            int[] xy = placeToplevel(g.width(), g.height());
            w.moveTo(xy[0], xy[1]);
        }
        generation++;
        frameRequest.run();
    }

    private boolean onAnyOutput(Rect r) {
        for (int i = 0; i < outputs.size(); i++) if (outputs.get(i).output().logicalBounds().intersects(r)) return true;
        return false;
    }

    /**
     * Where a pointer at (x, y) may be: the point itself when an output shows it, else the
     * nearest point of the nearest output, so the pointer never rests in a gap of the layout.
     * Writes to {@code out[0..1]}; allocates nothing (asked on every motion).
     */
    public void clampToOutputs(double x, double y, double[] out) {
        double bestDistance = Double.MAX_VALUE;
        out[0] = x;
        out[1] = y;
        for (int i = 0; i < outputs.size(); i++) {
            Output o = outputs.get(i).output();
            double cx = Math.clamp(x, o.x(), o.x() + o.logicalWidth() - 1.0 / 256);
            double cy = Math.clamp(y, o.y(), o.y() + o.logicalHeight() - 1.0 / 256);
            double d = (cx - x) * (cx - x) + (cy - y) * (cy - y);
            if (d < bestDistance) {
                bestDistance = d;
                out[0] = cx;
                out[1] = cy;
            }
        }
    }

    /** The largest scale of any output: what a cursor image is made for (1 with no outputs). */
    public int maxOutputScale() {
        int scale = 1;
        for (int i = 0; i < outputs.size(); i++) scale = Math.max(scale, outputs.get(i).output().scale()); // no iterator: asked on every motion
        return scale;
    }

    /** The bounding box of every output (the pointer is further kept on an output: {@link #clampToOutputs}). */
    public Rect layoutBounds() {
        return layout;
    }

    /**
     * Counts changes that may move what is under a point (commits, stacking, windows coming and
     * going, moves); the seat compares it once per turn to know when to re-pick the pointer focus.
     */
    public int generation() {
        return generation;
    }

    /** Runs {@code listener} after the outputs changed (mode, position, scale, transform, one removed), before windows are put back on them. */
    public void addOutputsListener(Runnable listener) {
        outputsListeners.add(listener);
    }

    /** How the scene asks the backend for a frame on every output. */
    public void setFrameRequest(Runnable frameRequest) {
        this.frameRequest = frameRequest;
    }

    public Output primaryOutput() {
        return outputs.getFirst().output();
    }

    /** The outputs in the order they were added (the first is the primary one). */
    public List<Output> outputs() {
        List<Output> all = new ArrayList<>(outputs.size());
        for (OutputGlobal g : outputs) all.add(g.output());
        return all;
    }

    /** The output showing global point (x, y); the primary one when none does. */
    public Output outputAt(int x, int y) {
        for (OutputGlobal g : outputs) {
            Output o = g.output();
            if (new Rect(o.x(), o.y(), o.logicalWidth(), o.logicalHeight()).contains(x, y)) return o;
        }
        return primaryOutput();
    }

    // ---- windows ----

    /** Where a newly mapped toplevel of this size goes on the primary output; see {@link ToplevelPlacement}. */
    public int[] placeToplevel(int width, int height) {
        List<Rect> taken = new ArrayList<>();
        for (SceneWindow w : toplevels) if (w.visible()) taken.add(w.surface().globalBounds());
        return ToplevelPlacement.place(shell.usableArea(primaryOutput()), width, height, taken);
    }

    public void addToplevel(SceneWindow w) {
        boolean mapped = !toplevels.remove(w);
        toplevels.add(w);
        damageWindow(w);
        if (mapped) for (int i = 0; i < listeners.size(); i++) listeners.get(i).windowMapped(w);
    }

    /** Hears of windows mapped, changed and unmapped, damage and frames shown (window lists, screen capture). */
    public void addListener(SceneListener listener) {
        listeners.add(listener);
    }

    /** A mapped toplevel's title, app id, states or parent changed: the listeners hear of it. */
    public void windowChanged(SceneWindow w) {
        if (!toplevels.contains(w)) return; // not mapped: it is announced whole when it is
        for (int i = 0; i < listeners.size(); i++) listeners.get(i).windowChanged(w);
    }

    public void raise(SceneWindow w) {
        if (!toplevels.isEmpty() && toplevels.getLast() == w) return; // already on top: nothing to repaint
        if (toplevels.remove(w)) {
            toplevels.add(w);
            damageWindow(w);
        }
    }

    /** Puts a toplevel at the bottom of the stack (a minimized window: last in the Alt+Tab order). */
    public void lower(SceneWindow w) {
        if (toplevels.isEmpty() || toplevels.getFirst() == w) return;
        if (toplevels.remove(w)) {
            toplevels.addFirst(w);
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
        boolean wasToplevel = toplevels.remove(w);
        popups.remove(w);
        if (wasToplevel) for (int i = 0; i < listeners.size(); i++) listeners.get(i).windowUnmapped(w);
        shell.remove(w);
    }

    /** The layer-shell layers around the windows, the area they leave to windows, and the lock screen. */
    public ShellLayers shell() {
        return shell;
    }

    /** The stacked window (toplevel, popup, layer or lock surface) whose root surface is {@code s}, or null. */
    public SceneWindow windowOf(Surface s) {
        for (SceneWindow w : toplevels) if (w.surface() == s) return w;
        for (SceneWindow w : popups) if (w.surface() == s) return w;
        for (List<SceneWindow> layer : shell.layers) for (SceneWindow w : layer) if (w.surface() == s) return w;
        for (SceneWindow w : shell.lockSurfaces) if (w.surface() == s) return w;
        return null;
    }

    public List<SceneWindow> toplevels() {
        return List.copyOf(toplevels);
    }

    /** The topmost shown toplevel, or null. */
    public SceneWindow topToplevel() {
        return order.topToplevel();
    }

    // ---- the cursor ----

    /** The client's cursor surface (its role places it at the pointer), drawn above everything; null: none. */
    public void setCursor(Surface surface) {
        if (surface == cursor) return;
        boolean imageWasShown = cursor == null;
        if (cursor != null) damage(cursor.globalBounds());
        cursor = surface;
        if (cursor != null) damage(cursor.globalBounds());
        if (cursorImage != null && imageWasShown != (cursor == null)) damage(cursorImageBounds()); // the image hides or shows
    }

    private Rect cursorImageBounds() {
        return new Rect(cursorImageX, cursorImageY, cursorImage.width(), cursorImage.height());
    }

    /**
     * The compositor's own cursor image with its top-left corner at global (x, y), drawn above
     * everything while no client cursor surface is set; null: none. Damages where it was and
     * where it is when either changed, and nothing otherwise (the pointer calls this on every motion).
     */
    public void setCursorImage(Drawable image, int x, int y) {
        if (image == cursorImage && x == cursorImageX && y == cursorImageY) return;
        if (cursorImage != null && cursor == null) damage(cursorImageBounds());
        cursorImage = image;
        cursorImageX = x;
        cursorImageY = y;
        if (image != null && cursor == null) damage(cursorImageBounds());
    }

    /** The icon of the drag in progress (its role places it at the pointer), drawn below the cursor; null: none. */
    public void setDragIcon(Surface surface) {
        if (surface == dragIcon) return;
        if (dragIcon != null) damage(dragIcon.globalBounds());
        dragIcon = surface;
        if (dragIcon != null) damage(dragIcon.globalBounds());
    }

    /**
     * Visits what is drawn above the windows, bottom to top: the drag icon, then the cursor
     * (the client's surface, or else the compositor's image).
     */
    public void forEachOverlay(DrawableVisitor v) {
        if (dragIcon != null && !shell.isLocked() && dragIcon.position(xy)) v.visit(dragIcon, xy[0], xy[1]);
        if (cursor != null) {
            if (cursor.position(xy)) v.visit(cursor, xy[0], xy[1]);
        } else if (cursorImage != null) {
            v.visit(cursorImage, cursorImageX, cursorImageY);
        }
    }

    /** Damages everywhere the window's surface tree is drawn. */
    public void damageWindow(SceneWindow w) {
        order.forEachInTree(w.surface(), (s, x, y) -> damage(new Rect(x, y, s.width(), s.height())));
    }

    // ---- damage and frames ----

    /** A surface's state changed: {@code before} was its global area, {@code local} the damage in its own coordinates. */
    public void surfaceChanged(Surface s, Rect before, Region local, boolean wantsFrame) {
        generation++;
        for (int i = 0; i < committedListeners.size(); i++) committedListeners.get(i).accept(s);
        Rect after = s.globalBounds();
        if (!before.equals(after)) {
            damage(before);
            damage(after);
        } else if (!after.isEmpty()) {
            for (int i = 0; i < local.rectCount(); i++) damage(local.rect(i).translate(after.x(), after.y()));
        }
        if (wantsFrame && s.isMapped()) frameRequest.run();
    }

    /** Runs {@code listener} as each surface's state is applied, for other protocols' double-buffered state (a constraint's region). */
    public void addSurfaceCommittedListener(Consumer<Surface> listener) {
        committedListeners.add(listener);
    }

    /**
     * Runs {@code listener} when a client destroys a wl_surface, before the surface's id is freed:
     * the last moment an event (a pointer leave) may still name it, so the client hears it
     * leave rather than seeing the next enter with no leave before it.
     */
    public void addSurfaceDestroyingListener(Consumer<Surface> listener) {
        destroyingListeners.add(listener);
    }

    /** A client's wl_surface.destroy, called while the wl_surface still exists. */
    public void surfaceDestroying(Surface s) {
        for (int i = 0; i < destroyingListeners.size(); i++) destroyingListeners.get(i).accept(s);
    }

    public void surfaceDestroyed(Surface s, Rect before) {
        generation++;
        if (s == cursor) cursor = null; // the pointer puts up what replaces it (it keeps no image meanwhile)
        if (s == dragIcon) dragIcon = null;
        damage(before);
        toplevels.removeIf(w -> w.surface() == s);
        popups.removeIf(w -> w.surface() == s);
        shell.removeSurface(s);
    }

    public void damage(Rect r) {
        if (r.isEmpty()) return;
        generation++;
        damage.add(r);
        frameRequest.run();
    }

    /** Asks for a frame on every output even though nothing was damaged (someone waits to hear it was shown). */
    public void requestFrame() {
        frameRequest.run();
    }

    public void addFrameListener(FrameListener listener) {
        frameListeners.add(listener);
    }

    /** Takes the damage that falls on {@code output}, leaving the rest: a frame of it is being made. */
    public Region takeDamage(Output output) {
        for (int i = 0; i < frameListeners.size(); i++) frameListeners.get(i).frameBuilt(output);
        Rect area = output.logicalBounds();
        Region mine = damage.intersect(area);
        damage.subtract(area);
        if (!mine.isEmpty()) for (int i = 0; i < listeners.size(); i++) listeners.get(i).outputDamaged(output, mine);
        return mine;
    }

    /**
     * The surface that alone makes up what {@code output} shows, if there is one (see
     * {@link SoleSurface}): its buffer can be shown as it is.
     */
    public Surface soleSurface(Output output) {
        return soleSurface.find(output);
    }

    // ---- traversal, in stacking order ({@link StackingOrder}) ----

    /**
     * The topmost surface that takes input at the global point (x, y), in drawing order from the
     * top (popups, overlay and top layers, toplevels, bottom and background layers; only lock
     * surfaces while locked), each tree from its topmost subsurface down, each surface asked
     * about its input region. Fills {@code hit}; false when the point is over no window.
     */
    public boolean pick(double x, double y, Hit hit) {
        return order.pick(x, y, hit);
    }

    /**
     * Every shown surface, bottom to top: the background and bottom layers, toplevel trees in
     * stacking order, the top and overlay layers, then popups; while locked, only lock surfaces.
     */
    public void forEachVisibleSurface(SurfaceVisitor v) {
        order.forEachVisibleSurface(v);
    }

    /**
     * A frame of {@code output} was shown: surfaces on it get their frame callbacks and
     * enter/leave events. Hidden surfaces keep their callbacks until they are shown.
     */
    public void framePresented(Output output, long monotonicNanos, long refreshNanos, long sequence, int flags) {
        frameDone.send(output, globalOf(output), (int) (monotonicNanos / 1_000_000));
        for (int i = 0; i < listeners.size(); i++) listeners.get(i).framePresented(output, monotonicNanos);
        for (int i = 0; i < frameListeners.size(); i++) frameListeners.get(i).framePresented(output, monotonicNanos, refreshNanos, sequence, flags);
    }

    /** The wl_output global of {@code output} (its clients' resources for it), or null. */
    public OutputGlobal globalOf(Output output) {
        for (int i = 0; i < outputs.size(); i++) if (outputs.get(i).output() == output) return outputs.get(i); // indexed: asked every frame
        return null;
    }
}
