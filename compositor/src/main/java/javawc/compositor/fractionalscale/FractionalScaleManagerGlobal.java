package javawc.compositor.fractionalscale;

import javawc.compositor.core.Surface;
import javawc.compositor.output.Output;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Scene;
import javawc.server.GlobalRegistry;
import javawc.server.protocol.WlSurface;
import javawc.server.protocol.WpFractionalScaleManagerV1;
import javawc.server.protocol.WpFractionalScaleV1;

import java.util.ArrayList;
import java.util.List;

/**
 * wp_fractional_scale_manager_v1 (v1): one wp_fractional_scale_v1 per surface (a second is
 * fractional_scale_exists). Its preferred_scale is the largest exact scale of the outputs the
 * surface is on, in 120ths (1.5 is 180); a surface on none (not mapped yet) is told the first
 * output's, where new windows go. It is sent when the object is made and again whenever it
 * changes, checked each time an output shows a frame (the surface moved, an output's scale or
 * layout changed), as wl_surface.enter and leave are.
 */
public final class FractionalScaleManagerGlobal implements WpFractionalScaleManagerV1.Handler, Scene.FrameListener {
    public static final int VERSION = 1;

    private static final class Tracked {
        final Surface surface;
        final WpFractionalScaleV1 resource;
        int sent; // the last preferred_scale sent

        Tracked(Surface surface, WpFractionalScaleV1 resource) {
            this.surface = surface;
            this.resource = resource;
        }
    }

    private final Scene scene;
    private final List<Tracked> tracked = new ArrayList<>();

    public FractionalScaleManagerGlobal(GlobalRegistry registry, Scene scene) {
        this.scene = scene;
        scene.addFrameListener(this);
        registry.add(WpFractionalScaleManagerV1.SPEC, VERSION, WpFractionalScaleManagerV1::new, r -> r.setHandler(this));
    }

    @Override
    public void destroy(WpFractionalScaleManagerV1 self) {
        // destructor; objects made through it live on
    }

    @Override
    public void getFractionalScale(WpFractionalScaleManagerV1 self, WpFractionalScaleV1 id, WlSurface surface) {
        Surface s = Surface.of(surface);
        for (Tracked t : tracked) {
            if (t.surface == s) {
                self.postError(WpFractionalScaleManagerV1.Error.FRACTIONAL_SCALE_EXISTS, surface + " already has a wp_fractional_scale_v1");
                return;
            }
        }
        Tracked t = new Tracked(s, id);
        id.setHandler(self1 -> { /* destructor: onDestroy forgets it */ });
        tracked.add(t);
        id.onDestroy(() -> tracked.remove(t));
        t.sent = preferredScale(s, scene.outputs());
        id.sendPreferredScale(t.sent);
    }

    /** The scale, in 120ths, for {@code s}: the largest of the {@code outputs} it is on, or the first output's when on none. */
    static int preferredScale(Surface s, List<Output> outputs) {
        Rect bounds = s.globalBounds();
        double scale = 0;
        for (int i = 0; i < outputs.size(); i++) {
            Output o = outputs.get(i);
            if (!bounds.isEmpty() && bounds.intersects(o.logicalBounds())) scale = Math.max(scale, o.exactScale());
        }
        if (scale == 0) scale = outputs.isEmpty() ? 1 : outputs.getFirst().exactScale();
        return (int) Math.round(scale * 120);
    }

    @Override
    public void framePresented(Output output, long monotonicNanos, long refreshNanos, long sequence, int flags) {
        if (tracked.isEmpty()) return;
        List<Output> outputs = scene.outputs();
        for (int i = 0; i < tracked.size(); i++) {
            Tracked t = tracked.get(i);
            if (!t.surface.isMapped()) continue; // keeps what it was told until it is shown somewhere
            int scale = preferredScale(t.surface, outputs);
            if (scale != t.sent) {
                t.sent = scale;
                t.resource.sendPreferredScale(scale);
            }
        }
    }
}
