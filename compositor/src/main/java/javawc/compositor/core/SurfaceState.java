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
    }

    boolean isEmpty() {
        return !newBuffer && dx == 0 && dy == 0 && surfaceDamage.isEmpty() && bufferDamage.isEmpty() && frames.isEmpty()
                && !opaqueChanged && !inputChanged && !scaleChanged && !transformChanged;
    }
}
