package javawc.compositor.core;

import javawc.compositor.scene.Drawable;
import javawc.server.Resource;
import javawc.server.protocol.WpViewport;

/**
 * A surface's applied wp_viewport state: the source rectangle (24.8 fixed, in surface units
 * before scaling: the buffer divided by its scale and turned by its transform) and the
 * destination size. It lives in core because it is part of the surface's double-buffered
 * state; the wp_viewport object that sets it is in the viewporter package.
 */
final class SurfaceViewport implements Drawable.Source {
    Resource object;                     // the wp_viewport of the surface, null: none
    int sourceX, sourceY, sourceWidth = -1, sourceHeight = -1;
    int destinationWidth = -1, destinationHeight = -1;
    int contentWidth, contentHeight;     // the buffer in surface units (scale and transform applied)

    @Override
    public double x() {
        return hasSource() ? sourceX / 256.0 : 0;
    }

    @Override
    public double y() {
        return hasSource() ? sourceY / 256.0 : 0;
    }

    @Override
    public double width() {
        return hasSource() ? sourceWidth / 256.0 : contentWidth;
    }

    @Override
    public double height() {
        return hasSource() ? sourceHeight / 256.0 : contentHeight;
    }

    /** Takes what {@code s} changed; true when something did. */
    boolean take(SurfaceState s) {
        boolean changed = false;
        if (s.sourceChanged) {
            changed = sourceX != s.sourceX || sourceY != s.sourceY || sourceWidth != s.sourceWidth || sourceHeight != s.sourceHeight;
            sourceX = s.sourceX;
            sourceY = s.sourceY;
            sourceWidth = s.sourceWidth;
            sourceHeight = s.sourceHeight;
        }
        if (s.destinationChanged) {
            changed |= destinationWidth != s.destinationWidth || destinationHeight != s.destinationHeight;
            destinationWidth = s.destinationWidth;
            destinationHeight = s.destinationHeight;
        }
        return changed;
    }

    boolean hasSource() {
        return sourceWidth != -1;
    }

    boolean hasDestination() {
        return destinationWidth != -1;
    }

    /** Whether the surface's size or sampling differs from its buffer's (a crop or a scaling is set). */
    boolean active() {
        return hasSource() || hasDestination();
    }

    /**
     * Checks the state as it is applied, against content of {@code contentWidth} x
     * {@code contentHeight} surface units when {@code withBuffer} (a NULL buffer is never
     * out_of_buffer); posts the spec's error on the wp_viewport and returns false when it does not hold.
     */
    boolean check(boolean withBuffer, int contentWidth, int contentHeight) {
        if (object == null || !object.isAlive()) return true;
        if (hasSource() && withBuffer) {
            long right = (long) sourceX + sourceWidth, bottom = (long) sourceY + sourceHeight;
            if (right > (long) contentWidth << 8 || bottom > (long) contentHeight << 8) {
                object.postError(WpViewport.Error.OUT_OF_BUFFER, "source rectangle " + describeSource() + " is outside the "
                        + contentWidth + "x" + contentHeight + " content");
                return false;
            }
        }
        if (hasSource() && !hasDestination() && ((sourceWidth & 0xff) != 0 || (sourceHeight & 0xff) != 0)) {
            object.postError(WpViewport.Error.BAD_SIZE, "source size " + describeSource() + " is not integer and no destination size is set");
            return false;
        }
        return true;
    }

    /** The surface's width for content of {@code contentWidth} surface units. */
    int width(int contentWidth) {
        return hasDestination() ? destinationWidth : hasSource() ? sourceWidth >> 8 : contentWidth;
    }

    int height(int contentHeight) {
        return hasDestination() ? destinationHeight : hasSource() ? sourceHeight >> 8 : contentHeight;
    }

    String describeSource() {
        return sourceWidth / 256.0 + "x" + sourceHeight / 256.0 + "+" + sourceX / 256.0 + "+" + sourceY / 256.0;
    }
}
