package javawc.compositor.scene;

import javawc.compositor.output.Output;

/**
 * What protocols that watch the whole desktop (window lists, screen capture) hear from the
 * scene, on the event loop's thread. Each method does nothing unless overridden.
 */
public interface SceneListener {
    /** A toplevel was mapped: it is in the stacking order now (shown, or minimized later). */
    default void windowMapped(SceneWindow window) {}

    /** A mapped toplevel's title, app id, states or parent may have changed. */
    default void windowChanged(SceneWindow window) {}

    /** A toplevel was unmapped or destroyed. */
    default void windowUnmapped(SceneWindow window) {}

    /** {@code damage} (global coordinates) of {@code output} is about to be repainted, or shown by a client buffer. */
    default void outputDamaged(Output output, Region damage) {}

    /** A frame of {@code output} is on screen (headless: would be), at {@code monotonicNanos}. */
    default void framePresented(Output output, long monotonicNanos) {}
}
