package javawc.compositor.render;

import javawc.compositor.output.Output;
import javawc.compositor.scene.Region;
import javawc.compositor.scene.Scene;

/** Draws the scene into an output's framebuffer, only where it is damaged. */
public interface Renderer extends AutoCloseable {
    String name();

    /**
     * Repaints {@code damage} (global coordinates, already clipped to the output) into
     * {@code target}: 0xAARRGGBB pixels, row-major, the output's mode size.
     */
    void render(Scene scene, Output output, Region damage, int[] target);

    /**
     * Called on the thread that will render (the event loop's) before its first frame; a GPU
     * renderer makes its context current there, once.
     */
    default void bindToThread() {}

    /** The renderer drawing now: itself, or for a {@link FallbackRenderer} the one it wraps or fell back to. */
    default Renderer active() {
        return this;
    }

    /** Frees what the renderer holds (GPU contexts, textures); on the thread that rendered. */
    @Override
    default void close() {}
}
