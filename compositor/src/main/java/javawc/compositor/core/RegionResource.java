package javawc.compositor.core;

import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import javawc.server.protocol.WlRegion;

/** wl_region: a client-built set of rectangles, copied wherever it is used. */
public final class RegionResource implements WlRegion.Handler {
    final Region region = new Region();

    /** A copy of the region the client built so far (later changes to the wl_region do not reach it). */
    public static Region of(WlRegion resource) {
        return ((RegionResource) resource.handler()).region.copy();
    }

    @Override
    public void destroy(WlRegion self) {
        // destructor: surfaces hold copies
    }

    @Override
    public void add(WlRegion self, int x, int y, int width, int height) {
        region.add(new Rect(x, y, width, height));
    }

    @Override
    public void subtract(WlRegion self, int x, int y, int width, int height) {
        region.subtract(new Rect(x, y, width, height));
    }
}
