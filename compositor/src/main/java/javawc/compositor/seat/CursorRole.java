package javawc.compositor.seat;

import javawc.compositor.core.Surface;
import javawc.compositor.core.SurfaceRole;

/**
 * The cursor role of wl_pointer.set_cursor: the surface is drawn with its hotspot on the
 * pointer while it is the pointer's cursor, and nowhere otherwise. An attach offset moves
 * the hotspot the other way, so the image can grow to the left or up without moving.
 */
final class CursorRole implements SurfaceRole {
    private final Pointer pointer;
    private int hotspotX, hotspotY;

    CursorRole(Pointer pointer) {
        this.pointer = pointer;
    }

    void setHotspot(int x, int y) {
        hotspotX = x;
        hotspotY = y;
    }

    @Override
    public String roleName() {
        return "wl_pointer";
    }

    @Override
    public void committed(Surface surface) {
        hotspotX -= surface.lastDx();
        hotspotY -= surface.lastDy();
    }

    @Override
    public boolean position(Surface surface, int[] xy) {
        if (pointer.cursor() != surface) return false;
        xy[0] = (int) Math.floor(pointer.x()) - hotspotX;
        xy[1] = (int) Math.floor(pointer.y()) - hotspotY;
        return true;
    }
}
