package javawc.compositor.backend;

import javawc.compositor.core.ClientBuffer;
import javawc.compositor.dmabuf.DmabufSupport;
import javawc.compositor.output.Output;
import javawc.compositor.render.gles.RenderTarget;
import javawc.compositor.scene.Region;
import javawc.os.OsException;
import javawc.server.EventLoop;

import java.util.List;

/**
 * Where the compositor's pictures go. A backend owns its outputs, their framebuffers and
 * their clocks (headless: timers; DRM/KMS: page flips), and calls the {@link FramePainter}
 * once per frame it decides to show.
 */
public interface Backend extends AutoCloseable {
    /** The frame was shown at a vertical retrace, not torn (the bits are wp_presentation_feedback.kind's). */
    int PRESENTED_VSYNC = 0x1;
    /** The time and sequence come from the display hardware's own counter. */
    int PRESENTED_HW_CLOCK = 0x2;
    /** The hardware told us the frame was shown (a page-flip event), rather than us assuming it. */
    int PRESENTED_HW_COMPLETION = 0x4;
    /** A client's buffer was shown directly (scanned out), not copied into a frame of ours. */
    int PRESENTED_ZERO_COPY = 0x8;

    /** What the backend asks of the compositor for each frame. */
    interface FramePainter {
        /**
         * Draws what changed, plus {@code alsoRepaint} (output coordinates: framebuffer pixels), into {@code framebuffer}
         * (0xAARRGGBB, mode size); returns where it drew, in output coordinates.
         */
        Region paint(Output output, int[] framebuffer, Region alsoRepaint);

        default Region paint(Output output, int[] framebuffer) {
            return paint(output, framebuffer, new Region());
        }

        /**
         * Draws {@code area} (output coordinates) of the scene as it is now into {@code target}
         * with the GLES renderer, nothing else: the damage is the caller's business
         * ({@link #takeDamage}). For backends whose buffers are GL render targets.
         */
        void draw(Output output, RenderTarget target, Region area);

        /**
         * A client buffer (shm or dma-buf) that alone is the whole next frame of {@code output},
         * which the backend may show as it is (DRM: a dma-buf it can scan out; headless: any),
         * locking it while it does; or null.
         */
        ClientBuffer scanoutCandidate(Output output);

        /**
         * Takes the damage of {@code output} (output coordinates) without drawing it: the frame
         * shows a client buffer instead, or the caller draws it with {@link #draw}.
         */
        Region takeDamage(Output output);

        /**
         * Takes the damage of {@code output} and forgets it: the frame shows a client buffer as
         * it is, so nobody reads where it changed (no conversion to framebuffer pixels).
         */
        default void discardDamage(Output output) {
            takeDamage(output);
        }

        /**
         * The frame is shown (or would be, headless) since {@code monotonicNanos}
         * (CLOCK_MONOTONIC): time for frame callbacks and presentation feedback.
         * {@code refreshNanos}: the period until the next one can be (0: unknown);
         * {@code sequence}: the display's refresh counter (0: none); {@code flags}: the
         * PRESENTED_ bits that are true of this frame.
         */
        void presented(Output output, long monotonicNanos, long refreshNanos, long sequence, int flags);
    }

    String name();

    List<Output> outputs();

    /**
     * What linux-dmabuf clients may send us on this backend's device; null: not offered.
     * {@code rendererImports}: the format/modifier pairs the renderer samples itself (GLES:
     * what EGL imports), beyond the linear ones any renderer composites from a CPU copy.
     */
    default DmabufSupport dmabufSupport(java.util.List<DmabufSupport.FormatModifier> rendererImports) {
        return null;
    }

    /**
     * Gets {@code output}'s buffers ready for {@code mode} (DRM: switches the display to it) and
     * returns the mode the output takes next: {@code mode}, or the display's own mode of that
     * size whose refresh is within a hertz of it. Throws IllegalArgumentException (saying why)
     * when the backend cannot switch to it, having changed nothing.
     */
    default Output.Mode prepareMode(Output output, Output.Mode mode) {
        throw new IllegalArgumentException("the " + name() + " backend cannot change an output's mode while running yet");
    }

    /** The modes {@code output} can be switched to, its preferred one first; by default only its current one. */
    default List<Output.Mode> modes(Output output) {
        return List.of(output.mode());
    }

    /** Whether {@link #prepareMode} would take {@code mode} for {@code output}; by default only the current mode. */
    default boolean takesMode(Output output, Output.Mode mode) {
        return mode.equals(output.mode());
    }

    /** Told when an output's monitor goes away while running and when it is back (DRM hot-plug). */
    interface OutputPresence {
        void gone(Output output);

        void back(Output output);
    }

    /** Where to tell of outputs going and coming back; by default they never do (headless). */
    default void setOutputPresence(OutputPresence presence) {}

    /** The outputs' gamma tables, or null when the backend has none (headless). */
    default GammaTables gammaTables() {
        return null;
    }

    /** Starts the outputs' clocks on {@code loop}. */
    void start(EventLoop loop, FramePainter painter) throws OsException;

    /** Something changed: paint every output at its next refresh (idempotent until then). */
    void scheduleFrame();

    /** Paints now if a frame is pending, then returns a copy of the output's pixels. */
    int[] capture(Output output);

    @Override
    void close();
}
