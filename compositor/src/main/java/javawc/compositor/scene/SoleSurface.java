package javawc.compositor.scene;

import javawc.compositor.core.Surface;
import javawc.compositor.output.Output;

/**
 * Finds the surface that alone makes up what an output shows, if there is one: the topmost
 * surface there covers the output exactly, is opaque and is drawn 1:1 (no buffer scale,
 * transform or viewport), nothing is drawn over it, and its buffer can be shown as it is.
 * Nothing below it can be seen, so a backend may show that buffer instead of composing a
 * frame. Asked once a frame per output, so it allocates nothing.
 */
final class SoleSurface {
    private final Scene scene;
    private Rect area;
    private Surface top;
    private boolean exact, overlaid;
    private final Scene.SurfaceVisitor candidate = (s, x, y) -> {
        if (x < area.right() && area.x() < x + s.width() && y < area.bottom() && area.y() < y + s.height() && s.width() > 0 && s.height() > 0) {
            top = s;
            exact = x == area.x() && y == area.y() && s.width() == area.width() && s.height() == area.height();
        }
    };
    private final Scene.DrawableVisitor overlay = (o, x, y) -> overlaid |= area.intersects(x, y, o.width(), o.height());

    SoleSurface(Scene scene) {
        this.scene = scene;
    }

    Surface find(Output output) {
        if (output.exactScale() != 1 || output.transform() != 0) return null; // its buffer would have to be scaled or turned
        area = output.logicalBounds();
        top = null;
        overlaid = false;
        scene.forEachVisibleSurface(candidate);
        Surface s = top;
        top = null; // no reference kept to a surface past this call
        scene.forEachOverlay(overlay);
        if (overlaid) return null; // the cursor or a drag icon has to be composited
        if (s == null || !exact || s.scale() != 1 || s.transform() != 0 || s.viewportSource() != null || s.directBuffer() == null) return null;
        boolean opaque = s.directBuffer().opaque() || s.opaqueRegion() != null && s.opaqueRegion().covers(new Rect(0, 0, s.width(), s.height()));
        return opaque ? s : null;
    }
}
