package javawc.compositor.core;

import javawc.compositor.scene.Region;
import javawc.server.protocol.WlBuffer;
import javawc.server.protocol.WlCallback;

import java.util.ArrayList;
import java.util.List;

/**
 * The double-buffered part of a wl_surface: what requests set and a commit applies. A
 * synchronized subsurface keeps a second one (the cache) that its commits merge into.
 */
final class SurfaceState {
    boolean newBuffer;
    WlBuffer buffer;
    int dx, dy;
    final Region surfaceDamage = new Region();
    final Region bufferDamage = new Region();
    final List<WlCallback> frames = new ArrayList<>();
    boolean opaqueChanged, inputChanged, scaleChanged, transformChanged;
    Region opaque;          // null: nothing declared opaque
    Region input;           // null: the whole surface accepts input
    int scale = 1, transform;
    boolean sourceChanged, destinationChanged; // wp_viewport state
    int sourceX, sourceY, sourceWidth = -1, sourceHeight = -1; // 24.8 fixed; width -1: no crop
    int destinationWidth = -1, destinationHeight = -1;        // -1: no scaling to a set size
    final List<Runnable> appliedHooks = new ArrayList<>();    // run once when this state is applied

    /** Moves everything in {@code next} on top of this state (later requests win, damage adds up). */
    void merge(SurfaceState next) {
        if (next.newBuffer) {
            newBuffer = true;
            buffer = next.buffer;
        }
        dx += next.dx;
        dy += next.dy;
        surfaceDamage.add(next.surfaceDamage);
        bufferDamage.add(next.bufferDamage);
        frames.addAll(next.frames);
        if (next.opaqueChanged) {
            opaqueChanged = true;
            opaque = next.opaque;
        }
        if (next.inputChanged) {
            inputChanged = true;
            input = next.input;
        }
        if (next.scaleChanged) {
            scaleChanged = true;
            scale = next.scale;
        }
        if (next.transformChanged) {
            transformChanged = true;
            transform = next.transform;
        }
        if (next.sourceChanged) {
            sourceChanged = true;
            sourceX = next.sourceX;
            sourceY = next.sourceY;
            sourceWidth = next.sourceWidth;
            sourceHeight = next.sourceHeight;
        }
        if (next.destinationChanged) {
            destinationChanged = true;
            destinationWidth = next.destinationWidth;
            destinationHeight = next.destinationHeight;
        }
        appliedHooks.addAll(next.appliedHooks);
        next.reset();
    }

    /** Forgets what was set; the frame callbacks have been handed on. */
    void reset() {
        newBuffer = false;
        buffer = null;
        dx = dy = 0;
        surfaceDamage.clear();
        bufferDamage.clear();
        frames.clear();
        opaqueChanged = inputChanged = scaleChanged = transformChanged = false;
        sourceChanged = destinationChanged = false;
        appliedHooks.clear();
    }

    boolean isEmpty() {
        return !newBuffer && dx == 0 && dy == 0 && surfaceDamage.isEmpty() && bufferDamage.isEmpty() && frames.isEmpty()
                && !opaqueChanged && !inputChanged && !scaleChanged && !transformChanged
                && !sourceChanged && !destinationChanged && appliedHooks.isEmpty();
    }
}
