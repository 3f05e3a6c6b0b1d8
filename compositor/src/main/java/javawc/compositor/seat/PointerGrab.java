package javawc.compositor.seat;

import javawc.compositor.cursor.CursorShape;
import javawc.compositor.core.Surface;

/**
 * Takes over where pointer events go while it is active (a popup's explicit grab, an
 * interactive move or resize). It reads the position from the {@link Pointer} and may use
 * the pointer's ordinary deliveries ({@link Pointer#refocus}, {@link Pointer#sendMotion}...).
 * The pointer sends the closing wl_pointer.frame after each call.
 */
public interface PointerGrab {
    /** The pointer moved, or the scene changed under it. */
    void motion(int timeMs);

    /** A button changed; the pointer's set of held buttons already includes the change. */
    void button(int timeMs, int button, boolean pressed);

    /** A scroll; ignored unless the grab passes it on. */
    default void axis(int timeMs, int source, int axis, double value, int value120) {}

    /** The compositor's cursor shown while the grab lasts, instead of any client's; null: the usual cursor. */
    default CursorShape cursorShape() {
        return null;
    }

    /**
     * The keyboard focus is about to move to {@code surface} (null: to nobody). A grab that
     * holds the keyboard too (a popup grab) ends here when the focus leaves it, and may move the
     * focus itself while doing so; the move asked for happens afterwards.
     */
    default void keyboardFocusMoving(Surface surface) {}

    /** Another grab replaced this one: let go without touching the pointer. */
    void cancel();
}
