package javawc.compositor.datadevice;

import javawc.compositor.core.Surface;
import javawc.compositor.core.SurfaceRole;
import javawc.compositor.seat.Pointer;

/**
 * The drag-and-drop icon role of wl_data_device.start_drag: while its drag shows it, the
 * surface is drawn with its top-left corner at the pointer, moved by the offsets of later
 * attaches; otherwise it is not shown. It never takes input.
 */
final class DragIconRole implements SurfaceRole {
    static final String NAME = "wl_data_device icon";

    private final Pointer pointer;
    private Drag drag;
    private int dx, dy;

    DragIconRole(Pointer pointer) {
        this.pointer = pointer;
    }

    /** The drag now showing the icon. */
    void shownBy(Drag d) {
        drag = d;
    }

    @Override
    public String roleName() {
        return NAME;
    }

    @Override
    public void committed(Surface surface) {
        dx += surface.lastDx();
        dy += surface.lastDy();
    }

    @Override
    public boolean position(Surface surface, int[] xy) {
        if (drag == null || drag.icon() != surface || !drag.showsIcon()) return false;
        xy[0] = (int) Math.floor(pointer.x()) + dx;
        xy[1] = (int) Math.floor(pointer.y()) + dy;
        return true;
    }
}
