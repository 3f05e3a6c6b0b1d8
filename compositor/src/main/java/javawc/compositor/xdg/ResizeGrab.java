package javawc.compositor.xdg;

import javawc.compositor.cursor.CursorShape;
import javawc.compositor.scene.Rect;
import javawc.compositor.seat.Pointer;
import javawc.compositor.seat.PointerGrab;
import javawc.server.protocol.XdgToplevel;

/**
 * xdg_toplevel.resize: the dragged edges follow the pointer until the buttons are released;
 * each new size goes to the client in a configure with the resizing state, within its min
 * and max size. The window keeps its opposite edges in place as the client commits.
 */
final class ResizeGrab implements PointerGrab {
    private final XdgToplevelRole window;
    private final Pointer pointer;
    private final int edges;
    private final Rect start;
    private final double startPointerX, startPointerY;
    private final CursorShape shape;

    ResizeGrab(XdgToplevelRole window, Pointer pointer, int edges, Rect start) {
        this.window = window;
        this.pointer = pointer;
        this.edges = edges;
        this.start = start;
        this.startPointerX = pointer.x();
        this.startPointerY = pointer.y();
        this.shape = CursorShape.resize((edges & XdgToplevel.ResizeEdge.TOP) != 0, (edges & XdgToplevel.ResizeEdge.BOTTOM) != 0,
                (edges & XdgToplevel.ResizeEdge.LEFT) != 0, (edges & XdgToplevel.ResizeEdge.RIGHT) != 0);
        pointer.setFocus(null);
    }

    @Override
    public void motion(int timeMs) {
        if (!window.visible()) {
            pointer.endGrab(this);
            return;
        }
        int dx = (int) Math.round(pointer.x() - startPointerX), dy = (int) Math.round(pointer.y() - startPointerY);
        int w = start.width(), h = start.height();
        if ((edges & XdgToplevel.ResizeEdge.LEFT) != 0) w -= dx;
        if ((edges & XdgToplevel.ResizeEdge.RIGHT) != 0) w += dx;
        if ((edges & XdgToplevel.ResizeEdge.TOP) != 0) h -= dy;
        if ((edges & XdgToplevel.ResizeEdge.BOTTOM) != 0) h += dy;
        ToplevelSize size = window.size();
        size.resizeTo(size.clampWidth(w), size.clampHeight(h));
    }

    @Override
    public void button(int timeMs, int button, boolean pressed) {
        if (pointer.buttonCount() > 0) return;
        window.size().endResize();
        pointer.endGrab(this);
    }

    @Override
    public CursorShape cursorShape() {
        return shape;
    }

    @Override
    public void cancel() {
        window.size().endResize();
    }
}
