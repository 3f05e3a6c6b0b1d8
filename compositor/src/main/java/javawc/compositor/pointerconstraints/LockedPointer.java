package javawc.compositor.pointerconstraints;

import javawc.compositor.core.Surface;
import javawc.server.Resource;
import javawc.server.protocol.WlRegion;
import javawc.server.protocol.ZwpLockedPointerV1;

/**
 * zwp_locked_pointer_v1: while active the pointer stays where it is (relative motion still
 * reaches the client). The cursor position hint is where the client drew its own cursor: when
 * the lock ends, the pointer is put there (as sway does), so the user's pointer appears where
 * the application showed it.
 */
final class LockedPointer extends PointerConstraint implements ZwpLockedPointerV1.Handler {
    private final ZwpLockedPointerV1 resource;
    private final PointerConstraintsGlobal owner;
    private boolean hinted, hintPending;
    private double hintX, hintY, pendingHintX, pendingHintY;

    LockedPointer(ZwpLockedPointerV1 resource, PointerConstraintsGlobal owner, Surface surface, WlRegion region, int lifetime) {
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
        resource.sendLocked();
    }

    @Override
    void sendDeactivated() {
        resource.sendUnlocked();
    }

    @Override
    void committed() {
        super.committed();
        if (hintPending) {
            hintX = pendingHintX;
            hintY = pendingHintY;
            hinted = true;
            hintPending = false;
        }
    }

    /** The hint in surface coordinates, written to {@code xy}; false when the client gave none. */
    boolean hint(double[] xy) {
        if (!hinted) return false;
        xy[0] = hintX;
        xy[1] = hintY;
        return true;
    }

    @Override
    public void constrain(double x, double y, double toX, double toY, double[] out) {
        out[0] = x;
        out[1] = y;
    }

    @Override
    public void setCursorPositionHint(ZwpLockedPointerV1 self, int surfaceX, int surfaceY) {
        pendingHintX = javawc.wire.Fixed.toDouble(surfaceX);
        pendingHintY = javawc.wire.Fixed.toDouble(surfaceY);
        hintPending = true;
    }

    @Override
    public void setRegion(ZwpLockedPointerV1 self, WlRegion region) {
        setPendingRegion(region);
    }

    @Override
    public void destroy(ZwpLockedPointerV1 self) {
        owner.removed(this);
    }
}
