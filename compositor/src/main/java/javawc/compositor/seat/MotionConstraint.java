package javawc.compositor.seat;

/** Limits where device motion takes the pointer (a pointer lock or confinement): {@link Pointer#setConstraint}. */
public interface MotionConstraint {
    /** Where a motion from the global (x, y) towards (toX, toY) ends: written to {@code out[0..1]}. */
    void constrain(double x, double y, double toX, double toY, double[] out);
}
