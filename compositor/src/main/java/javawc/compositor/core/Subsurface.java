package javawc.compositor.core;

import javawc.server.protocol.WlSubsurface;
import javawc.server.protocol.WlSurface;

import java.util.List;

/**
 * wl_subsurface: a surface drawn relative to its parent, stacked among its siblings. Position
 * and stacking changes wait for the parent's commit; in synchronized mode (the default) so
 * does the surface's own state.
 */
public final class Subsurface implements SurfaceRole, WlSubsurface.Handler {
    private final WlSubsurface resource;
    private final Surface surface;
    private Surface parent;
    private int x, y, pendingX, pendingY;
    private boolean synchronizedMode = true, hasCache, alive = true;

    Subsurface(WlSubsurface resource, Surface surface, Surface parent) {
        this.resource = resource;
        this.surface = surface;
        this.parent = parent;
    }

    void attach() {
        resource.setHandler(this);
        resource.onDestroy(this::roleObjectDestroyed);
        parent.pendingStack().add(surface); // on top of its siblings, once the parent commits
    }

    public Surface parent() {
        return parent;
    }

    boolean isAlive() {
        return alive;
    }

    public int x() {
        return x;
    }

    public int y() {
        return y;
    }

    @Override
    public String roleName() {
        return "wl_subsurface";
    }

    /** Synchronized if set so, or if any ancestor is. */
    boolean isEffectivelySynchronized() {
        if (!alive || parent == null) return false;
        if (synchronizedMode) return true;
        return parent.role() instanceof Subsurface p && p.isEffectivelySynchronized();
    }

    void markCached() {
        hasCache = true;
    }

    /** The parent's state was applied: take the position, and the cached state if synchronized. */
    void parentCommitted() {
        x = pendingX;
        y = pendingY;
        if (hasCache && isEffectivelySynchronized()) {
            hasCache = false;
            surface.applyCached();
        }
    }

    @Override
    public void committed(Surface s) {
        // nothing beyond the surface's own work
    }

    @Override
    public boolean position(Surface s, int[] xy) {
        if (!alive || parent == null || !parent.position(xy)) return false;
        xy[0] += x;
        xy[1] += y;
        return true;
    }

    // ---- requests ----

    @Override
    public void setPosition(WlSubsurface self, int newX, int newY) {
        pendingX = newX;
        pendingY = newY;
    }

    @Override
    public void placeAbove(WlSubsurface self, WlSurface sibling) {
        restack(self, sibling, 1);
    }

    @Override
    public void placeBelow(WlSubsurface self, WlSurface sibling) {
        restack(self, sibling, 0);
    }

    private void restack(WlSubsurface self, WlSurface siblingResource, int after) {
        if (parent == null) return;
        Surface sibling = Surface.of(siblingResource);
        List<Surface> order = parent.pendingStack();
        if (sibling == surface || !order.contains(sibling)) {
            self.postError(WlSubsurface.Error.BAD_SURFACE, sibling + " is not a sibling or the parent of " + surface);
            return;
        }
        order.remove(surface);
        order.add(order.indexOf(sibling) + after, surface);
    }

    @Override
    public void setSync(WlSubsurface self) {
        synchronizedMode = true;
    }

    @Override
    public void setDesync(WlSubsurface self) {
        boolean was = isEffectivelySynchronized();
        synchronizedMode = false;
        // leaving synchronized mode applies what was cached, as if committed now
        if (was && !isEffectivelySynchronized() && hasCache) {
            hasCache = false;
            surface.applyCached();
        }
    }

    @Override
    public void destroy(WlSubsurface self) {
        // destructor; see roleObjectDestroyed
    }

    private void roleObjectDestroyed() {
        if (!alive) return;
        alive = false;
        surface.unmap();
        if (parent != null) parent.removeFromStacks(surface);
        parent = null;
    }

    void parentDestroyed() {
        roleObjectDestroyed();
    }

    void surfaceDestroyed() {
        if (parent != null) parent.removeFromStacks(surface);
        parent = null;
    }
}
