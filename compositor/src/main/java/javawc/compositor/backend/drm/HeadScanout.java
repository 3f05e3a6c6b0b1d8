package javawc.compositor.backend.drm;

import javawc.compositor.backend.Backend.FramePainter;

/**
 * How one head's composited frames are made, and which framebuffer a flip shows: the software
 * renderer's frame copied into dumb buffers ({@link DumbScanout}), or the GLES renderer drawing
 * straight into GBM buffers ({@link GbmScanout}). Either keeps, per buffer, what it lacks of
 * the frames drawn into the others, and repaints just that plus the new damage.
 */
interface HeadScanout extends AutoCloseable {
    /** "Software into dumb buffers" or "GLES into GBM buffers", for the log. */
    String describe();

    /**
     * Paints the next frame into a buffer that is not on screen (the scene's damage; all of
     * it when {@code everything}) and returns that buffer's framebuffer id, ready to flip to.
     * Until {@link #flipping} it stays the back buffer: painting again draws into it again.
     */
    int paint(FramePainter painter, boolean everything);

    /** The framebuffer {@link #paint} returned is on its way to the screen: it is the front buffer now. */
    void flipping();

    /** The framebuffer of ours shown last (what a modeset lights the head with again). */
    int front();

    /**
     * A copy of the newest composited picture (0xAARRGGBB, mode size); with {@code everything}
     * (a client buffer is on screen instead) the whole scene is painted first, into a buffer
     * that is not shown.
     */
    int[] capture(FramePainter painter, boolean everything);

    @Override
    void close();
}
