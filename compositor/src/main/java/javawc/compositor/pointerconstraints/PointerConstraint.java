package javawc.compositor.pointerconstraints;

import javawc.compositor.core.RegionResource;
import javawc.compositor.core.Surface;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import javawc.compositor.seat.MotionConstraint;
import javawc.server.Resource;
import javawc.server.protocol.WlRegion;
import javawc.server.protocol.ZwpPointerConstraintsV1;

/**
 * What a lock and a confinement share: the surface, the lifetime, the region (the one given at
 * creation at once; set_region's with the surface's next commit) and whether it is active. While
 * active it is the pointer's {@link MotionConstraint}.
 */
abstract sealed class PointerConstraint implements MotionConstraint permits LockedPointer, ConfinedPointer {
    final Surface surface;
    final boolean persistent;
    private Region region;          // surface-local; null: the whole surface
    private Region pendingRegion;
    private boolean regionPending;
    /** The region clipped to the surface, as rectangles, made on commit: motion reads it without allocating. */
    Rect[] area = new Rect[0];
    boolean active;

    PointerConstraint(Surface surface, WlRegion initialRegion, int lifetime) {
        this.surface = surface;
        this.persistent = lifetime == ZwpPointerConstraintsV1.Lifetime.PERSISTENT;
        this.region = initialRegion == null ? null : RegionResource.of(initialRegion);
        clip();
    }

    abstract Resource resource();

    abstract void sendActivated();

    abstract void sendDeactivated();

    /** The surface's state was applied: the pending region (and a lock's cursor hint) take effect. */
    void committed() {
        if (regionPending) {
            region = pendingRegion;
            pendingRegion = null;
            regionPending = false;
        }
        clip();
    }

    void setPendingRegion(WlRegion r) {
        pendingRegion = r == null ? null : RegionResource.of(r);
        regionPending = true;
    }

    /** Whether the surface-local point is in the effective region. */
    boolean contains(int x, int y) {
        for (Rect r : area) if (r.contains(x, y)) return true;
        return false;
    }

    /** The effective region: the constraint's, within the surface and its input region, as the protocol defines it. */
    private void clip() {
        Rect bounds = new Rect(0, 0, surface.width(), surface.height());
        Region clipped = region == null ? new Region(bounds) : region.intersect(bounds);
        Region input = surface.inputRegion();
        if (input != null) {
            Region both = new Region();
            for (Rect r : input.rects()) both.add(clipped.intersect(r));
            clipped = both;
        }
        area = clipped.rects().toArray(new Rect[0]);
    }
}
