package javawc.compositor.render;

import javawc.compositor.output.Output;
import javawc.compositor.scene.Region;
import javawc.compositor.scene.Scene;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.function.Supplier;

/**
 * A GPU renderer with the software renderer behind it: when a frame fails on the GPU (a lost
 * context shows as GL errors or a context that cannot be made current again: a GPU reset, a
 * driver gone), it says so once and the software renderer takes over for good, repainting the
 * whole output at once so no stale GPU picture stays. For renderers whose frames are read back
 * into the backend's framebuffers (surfaceless EGL): those need nothing of the GPU afterwards.
 */
public final class FallbackRenderer implements Renderer {
    private static final Logger LOG = LogManager.getLogger(FallbackRenderer.class);

    private final Supplier<Renderer> fallback;
    private Renderer current;
    private boolean fellBack;

    public FallbackRenderer(Renderer primary, Supplier<Renderer> fallback) {
        this.current = primary;
        this.fallback = fallback;
    }

    @Override
    public String name() {
        return current.name();
    }

    @Override
    public Renderer active() {
        return current;
    }

    /** Whether the software renderer has taken over. */
    public boolean fellBack() {
        return fellBack;
    }

    @Override
    public void render(Scene scene, Output output, Region damage, int[] target) {
        if (fellBack) {
            current.render(scene, output, damage, target);
            return;
        }
        try {
            current.render(scene, output, damage, target);
        } catch (RuntimeException e) {
            LOG.error("the {} renderer failed ({}): the software renderer takes over from now on", current.name(), e.toString(), e);
            Renderer failed = current;
            current = fallback.get();
            fellBack = true;
            try {
                failed.close();
            } catch (RuntimeException closing) {
                LOG.warn("closing the failed renderer: {}", closing.toString()); // its context is gone anyway
            }
            current.bindToThread();
            current.render(scene, output, new Region(output.logicalBounds()), target);
        }
    }

    @Override
    public void bindToThread() {
        current.bindToThread();
    }

    @Override
    public void close() {
        current.close();
    }
}
