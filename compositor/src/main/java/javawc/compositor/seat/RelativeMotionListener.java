package javawc.compositor.seat;

/**
 * Hears the pointer's device motion: the distance a device moved it, before any constraint
 * (a locked pointer still reports how the mouse moved), for zwp_relative_pointer_v1.
 */
public interface RelativeMotionListener {
    /**
     * (dx, dy) as the pointer moved, (dxUnaccelerated, dyUnaccelerated) as the device did;
     * microseconds. True when events went to the focus's client (a wl_pointer.frame then closes them).
     */
    boolean relativeMotion(double dx, double dy, double dxUnaccelerated, double dyUnaccelerated, long timeUsec);
}
