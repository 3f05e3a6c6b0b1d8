package javawc.compositor.layershell;

import javawc.compositor.scene.Rect;

import java.util.List;

/**
 * Where layer surfaces go on one output, and what is left to windows. Pure geometry, so it is
 * tested on its own.
 * <p>
 * Surfaces with a positive exclusive zone are laid out first, from the overlay layer down and,
 * within a layer, oldest first: each is placed in what is still free (the usable area) and then
 * takes its zone, plus its margin on that edge, off the edge it is attached to. Then the others:
 * a zone of 0 is placed in the usable area that is left, a zone of -1 in the whole output. A
 * surface is attached to an edge when it is anchored to that edge alone, or to it and both
 * edges across it (a panel spanning the top); anchored to a corner or to opposite edges it
 * takes no zone.
 * <p>
 * On each axis: anchored to both edges with no size asked for, it gets the whole span less its
 * margins; anchored to one edge, it sits its margin away from it; otherwise it is centred (with
 * its margins applied, when it is anchored to both edges, to the span it is centred in).
 */
final class LayerLayout {
    static final int TOP = 1, BOTTOM = 2, LEFT = 4, RIGHT = 8;

    /** What the layout needs of one surface; {@code width}/{@code height} 0: the compositor picks on that axis. */
    record Request(int layer, int anchor, int width, int height, int exclusiveZone,
                   int marginTop, int marginRight, int marginBottom, int marginLeft) {
        /** The one edge this surface's exclusive zone is taken from (TOP, BOTTOM, LEFT, RIGHT), or 0. */
        int attachedEdge() {
            boolean top = (anchor & TOP) != 0, bottom = (anchor & BOTTOM) != 0, left = (anchor & LEFT) != 0, right = (anchor & RIGHT) != 0;
            if (top == bottom) {
                if (left && !right) return LEFT;
                if (right && !left) return RIGHT;
            } else if (left == right) {
                return top ? TOP : BOTTOM;
            }
            return 0;
        }
    }

    /** Each surface's box (in the order of the requests) and the area left to windows. */
    record Result(List<Rect> boxes, Rect usable) {}

    private LayerLayout() {}

    /** Lays out {@code requests} (oldest first within a layer) on an output showing {@code output}. */
    static Result arrange(Rect output, List<Request> requests) {
        Rect[] boxes = new Rect[requests.size()];
        Rect usable = output;
        for (int layer = 3; layer >= 0; layer--) { // exclusive zones: the overlay's first
            for (int i = 0; i < requests.size(); i++) {
                Request r = requests.get(i);
                if (r.layer() != layer || r.exclusiveZone() <= 0) continue;
                boxes[i] = place(r, usable);
                usable = takeZone(usable, r);
            }
        }
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            if (boxes[i] == null) boxes[i] = place(r, r.exclusiveZone() < 0 ? output : usable);
        }
        return new Result(List.of(boxes), usable);
    }

    /** The surface's box inside {@code bounds}. */
    static Rect place(Request r, Rect bounds) {
        int[] x = axis(bounds.x(), bounds.width(), (r.anchor() & LEFT) != 0, (r.anchor() & RIGHT) != 0, r.width(), r.marginLeft(), r.marginRight());
        int[] y = axis(bounds.y(), bounds.height(), (r.anchor() & TOP) != 0, (r.anchor() & BOTTOM) != 0, r.height(), r.marginTop(), r.marginBottom());
        return new Rect(x[0], y[0], x[1], y[1]);
    }

    /** {start, length} on one axis of the span [start, start + length). */
    private static int[] axis(int start, int length, boolean low, boolean high, int size, int marginLow, int marginHigh) {
        if (low && high) {
            int inner = Math.max(0, length - marginLow - marginHigh);
            if (size == 0) return new int[] {start + marginLow, inner};
            return new int[] {start + marginLow + (inner - size) / 2, size};
        }
        if (low) return new int[] {start + marginLow, size};
        if (high) return new int[] {start + length - size - marginHigh, size};
        return new int[] {start + (length - size) / 2, size};
    }

    /** {@code usable} less the zone (and the margin on that edge) of a surface with a positive zone. */
    private static Rect takeZone(Rect usable, Request r) {
        return switch (r.attachedEdge()) {
            case TOP -> shrink(usable, r.exclusiveZone() + r.marginTop(), 0, 0, 0);
            case BOTTOM -> shrink(usable, 0, 0, r.exclusiveZone() + r.marginBottom(), 0);
            case LEFT -> shrink(usable, 0, 0, 0, r.exclusiveZone() + r.marginLeft());
            case RIGHT -> shrink(usable, 0, r.exclusiveZone() + r.marginRight(), 0, 0);
            default -> usable;
        };
    }

    private static Rect shrink(Rect r, int top, int right, int bottom, int left) {
        top = Math.max(0, top);
        right = Math.max(0, right);
        bottom = Math.max(0, bottom);
        left = Math.max(0, left);
        return new Rect(r.x() + left, r.y() + top, Math.max(0, r.width() - left - right), Math.max(0, r.height() - top - bottom));
    }
}
