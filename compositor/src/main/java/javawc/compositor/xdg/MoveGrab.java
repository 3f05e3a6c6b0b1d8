package javawc.compositor.xdg;

import javawc.compositor.cursor.CursorShape;
import javawc.compositor.seat.Pointer;
import javawc.compositor.seat.PointerGrab;

/**
 * xdg_toplevel.move: the window follows the pointer until the buttons are released. The
 * window loses the pointer focus meanwhile (xdg-shell says so), and gets it back, if the
 * pointer is still over it, when the move ends.
 */
final class MoveGrab implements PointerGrab {
    private final XdgToplevelRole window;
    private final Pointer pointer;
    private final double startPointerX, startPointerY;
    private final int startX, startY;

    MoveGrab(XdgToplevelRole window, Pointer pointer, int windowX, int windowY) {
        this.window = window;
        this.pointer = pointer;
        this.startPointerX = pointer.x();
        this.startPointerY = pointer.y();
        this.startX = windowX;
        this.startY = windowY;
        pointer.setFocus(null);
    }

    @Override
    public void motion(int timeMs) {
        if (!window.visible()) {
            pointer.endGrab(this);
            return;
        }
        window.moveTo(startX + (int) Math.round(pointer.x() - startPointerX), startY + (int) Math.round(pointer.y() - startPointerY));
    }

    @Override
    public void button(int timeMs, int button, boolean pressed) {
        if (pointer.buttonCount() == 0) pointer.endGrab(this);
    }

    @Override
    public CursorShape cursorShape() {
        return CursorShape.MOVE;
    }

    @Override
    public void cancel() {
        // the window stays where it got to
    }
}
