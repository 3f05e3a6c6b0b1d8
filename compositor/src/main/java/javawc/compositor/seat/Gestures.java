package javawc.compositor.seat;

/**
 * Touchpad gestures as libinput reports them (and the control channel injects them), for
 * zwp_pointer_gestures_v1: each begins with a finger count, a swipe and a pinch update, and
 * each ends, possibly cancelled. The seat forwards them to whoever installed itself with
 * {@link Seat#setGestures}; until then they go nowhere.
 */
public interface Gestures {
    Gestures NONE = new Gestures() {};

    default void swipeBegin(int timeMs, int fingers) {}

    /** The fingers' centre moved by (dx, dy), accelerated like pointer motion. */
    default void swipeUpdate(int timeMs, double dx, double dy) {}

    default void swipeEnd(int timeMs, boolean cancelled) {}

    default void pinchBegin(int timeMs, int fingers) {}

    /** {@code scale}: relative to the fingers' distance at the begin; {@code rotation}: degrees clockwise since the last update. */
    default void pinchUpdate(int timeMs, double dx, double dy, double scale, double rotation) {}

    default void pinchEnd(int timeMs, boolean cancelled) {}

    default void holdBegin(int timeMs, int fingers) {}

    default void holdEnd(int timeMs, boolean cancelled) {}
}
