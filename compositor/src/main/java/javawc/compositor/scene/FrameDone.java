package javawc.compositor.scene;

import javawc.compositor.core.Surface;
import javawc.compositor.output.Output;
import javawc.compositor.output.OutputGlobal;

/**
 * What a frame shown on an output owes the surfaces there: {@code wl_surface.enter}/{@code leave}
 * as they came onto it or left it, and their frame callbacks. Once a frame per output, so its
 * visitors are made once (a capturing lambda per frame was built through a method handle until the
 * JIT got to it); a frame costs one rectangle, the output's bounds.
 */
final class FrameDone {
    private final Scene scene;
    private Rect area;
    private OutputGlobal global;
    private int ms;
    private final Scene.SurfaceVisitor surfaces = (s, x, y) -> {
        boolean on = area.intersects(x, y, s.width(), s.height());
        if (global != null) s.updateOutputs(global.allResources(), on);
        if (on) s.sendFrameDone(ms);
    };
    private final Scene.DrawableVisitor overlays = (o, x, y) -> {
        if (o instanceof Surface s && area.intersects(x, y, o.width(), o.height())) s.sendFrameDone(ms);
    };

    FrameDone(Scene scene) {
        this.scene = scene;
    }

    /** For a frame of {@code output} (its wl_output global, null if it has none) shown at {@code ms} on the monotonic clock. */
    void send(Output output, OutputGlobal global, int ms) {
        this.area = output.logicalBounds();
        this.global = global;
        this.ms = ms;
        scene.forEachVisibleSurface(surfaces);
        scene.forEachOverlay(overlays);
        this.global = null; // nothing kept past the call
    }
}
