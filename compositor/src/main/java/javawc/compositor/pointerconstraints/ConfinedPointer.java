package javawc.compositor.pointerconstraints;

import javawc.compositor.core.Surface;
import javawc.compositor.scene.Rect;
import javawc.server.Resource;
import javawc.server.protocol.WlRegion;
import javawc.server.protocol.ZwpConfinedPointerV1;

/**
 * zwp_confined_pointer_v1: while active the pointer moves only within the region. A motion that
 * would leave it ends at the region's nearest pixel to where it would have gone (for a
 * rectangle, the edge it ran into; a region of several rectangles may be crossed at a gap,
 * which the protocol leaves to the compositor).
 */
final class ConfinedPointer extends PointerConstraint implements ZwpConfinedPointerV1.Handler {
    private final ZwpConfinedPointerV1 resource;
    private final PointerConstraintsGlobal owner;
    private final int[] origin = new int[2];

    ConfinedPointer(ZwpConfinedPointerV1 resource, PointerConstraintsGlobal owner, Surface surface, WlRegion region, int lifetime) {
        super(surface, region, lifetime);
        this.resource = resource;
        this.owner = owner;
        resource.setHandler(this);
    }

    @Override
    Resource resource() {
        return resource;
    }

    @Override
    void sendActivated() {
        resource.sendConfined();
    }

    @Override
    void sendDeactivated() {
        resource.sendUnconfined();
    }

    @Override
    public void constrain(double x, double y, double toX, double toY, double[] out) {
        out[0] = x;
        out[1] = y;
        if (!surface.position(origin)) return;
        double lx = toX - origin[0], ly = toY - origin[1];
        double best = Double.MAX_VALUE;
        for (Rect r : area) {
            if (lx >= r.x() && lx < r.right() && ly >= r.y() && ly < r.bottom()) {
                out[0] = toX;
                out[1] = toY;
                return;
            }
        }
        for (Rect r : area) {
            // the last whole pixel of the rectangle, so the client is never told a position outside it
            double cx = Math.clamp(lx, r.x(), r.right() - 1), cy = Math.clamp(ly, r.y(), r.bottom() - 1);
            double d = (cx - lx) * (cx - lx) + (cy - ly) * (cy - ly);
            if (d < best) {
                best = d;
                out[0] = origin[0] + cx;
                out[1] = origin[1] + cy;
            }
        }
    }

    @Override
    public void setRegion(ZwpConfinedPointerV1 self, WlRegion region) {
        setPendingRegion(region);
    }

    @Override
    public void destroy(ZwpConfinedPointerV1 self) {
        owner.removed(this);
    }
}
