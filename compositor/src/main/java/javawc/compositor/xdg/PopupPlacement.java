package javawc.compositor.xdg;

import javawc.compositor.scene.Rect;

/**
 * Where an xdg_popup goes, by the xdg_positioner rules of xdg-shell. Pure geometry: every rectangle,
 * the constraint included, is in the parent's window-geometry space (the space of anchor_rect).
 *
 * <p>Each axis is placed on its own: a popup that sticks out on the right may be flipped on x while
 * y is left alone. Per axis, the spec's order is followed: flip, then slide, then resize, stopping as
 * soon as the popup is inside; when nothing makes it fit, it stays where the last applicable step put it.
 *
 * <p>Rounding: the center of a span of {@code n} pixels starting at {@code s} is taken as
 * {@code s + floor(n / 2)}, the exact center rounded toward negative infinity. That one definition
 * serves both the anchor point of an anchor rect with no edge on an axis and a popup centered on its
 * anchor point (no gravity on an axis), whose start is then {@code point - floor(n / 2)}: an odd-sized
 * popup has as many pixels on either side of the pixel at the anchor point, an even-sized one is split
 * exactly at it.
 */
public final class PopupPlacement {
    // xdg_positioner.anchor and .gravity share these values
    private static final int TOP = 1, BOTTOM = 2, LEFT = 3, RIGHT = 4;
    private static final int TOP_LEFT = 5, BOTTOM_LEFT = 6, TOP_RIGHT = 7, BOTTOM_RIGHT = 8;

    // xdg_positioner.constraint_adjustment bits
    private static final int SLIDE_X = 1, SLIDE_Y = 2, FLIP_X = 4, FLIP_Y = 8, RESIZE_X = 16, RESIZE_Y = 32;

    // Where along one axis an anchor point sits on the anchor rect, or which way a popup extends from it.
    // Numbered so that flipping is negation.
    private static final int LOW = -1, MIDDLE = 0, HIGH = 1;

    private PopupPlacement() {
    }

    /**
     * The popup's rectangle for a complete positioner. An empty {@code constraint} means there is
     * nothing to stay inside (no output yet), so the unconstrained position is returned.
     */
    public static Rect place(PositionerState p, Rect constraint) {
        if (!p.isComplete()) throw new IllegalArgumentException("incomplete xdg_positioner: " + p);
        Rect a = p.anchorRect();
        Axis x = new Axis(a.x(), a.width(), horizontalSide(p.anchor()), horizontalSide(p.gravity()),
                p.width(), p.offsetX());
        Axis y = new Axis(a.y(), a.height(), verticalSide(p.anchor()), verticalSide(p.gravity()),
                p.height(), p.offsetY());
        if (constraint.isEmpty()) return new Rect(x.start(), y.start(), p.width(), p.height());
        int adjust = p.constraintAdjustment();
        Span h = fit(x, constraint.x(), constraint.right(),
                (adjust & FLIP_X) != 0, (adjust & SLIDE_X) != 0, (adjust & RESIZE_X) != 0);
        Span v = fit(y, constraint.y(), constraint.bottom(),
                (adjust & FLIP_Y) != 0, (adjust & SLIDE_Y) != 0, (adjust & RESIZE_Y) != 0);
        return new Rect(h.start(), v.start(), h.length(), v.length());
    }

    private static int horizontalSide(int anchorOrGravity) {
        return switch (anchorOrGravity) {
            case LEFT, TOP_LEFT, BOTTOM_LEFT -> LOW;
            case RIGHT, TOP_RIGHT, BOTTOM_RIGHT -> HIGH;
            default -> MIDDLE;
        };
    }

    private static int verticalSide(int anchorOrGravity) {
        return switch (anchorOrGravity) {
            case TOP, TOP_LEFT, TOP_RIGHT -> LOW;
            case BOTTOM, BOTTOM_LEFT, BOTTOM_RIGHT -> HIGH;
            default -> MIDDLE;
        };
    }

    /** The positioner rules projected on one axis, with low/high for left/right or top/bottom. */
    private record Axis(int anchorStart, int anchorLength, int anchorSide, int gravitySide, int size, int offset) {
        int start() {
            int point = anchorStart + switch (anchorSide) {
                case LOW -> 0;
                case HIGH -> anchorLength;
                default -> Math.floorDiv(anchorLength, 2);
            };
            int start = switch (gravitySide) {
                case LOW -> point - size;
                case HIGH -> point;
                default -> point - Math.floorDiv(size, 2);
            };
            return start + offset;
        }

        /** The spec flips anchor and gravity but keeps the anchor rect and the offset as they are. */
        Axis flipped() {
            return new Axis(anchorStart, anchorLength, -anchorSide, -gravitySide, size, offset);
        }
    }

    private record Span(int start, int length) {
        int end() {
            return start + length;
        }

        boolean inside(int lo, int hi) {
            return start >= lo && end() <= hi;
        }
    }

    /** Places one axis inside [lo, hi) with the adjustments allowed on it. */
    private static Span fit(Axis axis, int lo, int hi, boolean flip, boolean slide, boolean resize) {
        Span span = new Span(axis.start(), axis.size());
        if (span.inside(lo, hi)) return span;
        if (flip) {
            Span flipped = new Span(axis.flipped().start(), axis.size());
            if (flipped.inside(lo, hi)) return flipped;
        }
        if (slide) {
            // a flip that got this far was undone, so the gravity to slide by is the original one
            span = slide(span, lo, hi, axis.gravitySide());
            if (span.inside(lo, hi)) return span;
        }
        return resize ? resize(span, lo, hi) : span;
    }

    /**
     * The spec slides twice: toward the gravity until the edge facing away from it is no longer
     * constrained or the edge facing it becomes constrained, then back the other way with the roles
     * of the edges swapped. When only one edge sticks out, that amounts to moving inward until it is
     * in or the other edge reaches the constraint, whatever the gravity. When both stick out (the
     * popup is larger than the constraint), the first slide brings the edge facing away from the
     * gravity, the one at the anchor, onto the constraint, and the second cannot move without pushing
     * it out again. The spec gives no direction for a popup centered on this axis; it is slid as if its
     * gravity were right/bottom, so that its left/top edge, where content starts, is the one kept.
     */
    private static Span slide(Span span, int lo, int hi, int gravitySide) {
        int lowOverflow = lo - span.start(), highOverflow = span.end() - hi;
        int shift;
        if (lowOverflow > 0 && highOverflow > 0) shift = gravitySide == LOW ? -highOverflow : lowOverflow;
        else if (lowOverflow > 0) shift = Math.min(lowOverflow, -highOverflow);
        else if (highOverflow > 0) shift = -Math.min(highOverflow, -lowOverflow);
        else shift = 0;
        return new Span(span.start() + shift, span.length());
    }

    /** Keeps the part inside [lo, hi); a popup with nothing inside is left as it is rather than sized 0. */
    private static Span resize(Span span, int lo, int hi) {
        int start = Math.max(span.start(), lo), end = Math.min(span.end(), hi);
        return end - start >= 1 ? new Span(start, end - start) : span;
    }
}
