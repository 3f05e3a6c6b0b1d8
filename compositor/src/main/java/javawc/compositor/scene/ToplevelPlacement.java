package javawc.compositor.scene;

import java.util.List;

/**
 * Where a newly mapped toplevel goes: centred in the usable area when that spot is free; else
 * the free spot nearest the centre (on a 32-pixel grid) where it overlaps no shown window;
 * else cascaded from the centre, so a new window never hides an older one completely.
 */
final class ToplevelPlacement {
    private static final int CASCADE_STEP = 32, CASCADE_STEPS = 8;

    private ToplevelPlacement() {}

    /** The position (x, y) for a {@code width} x {@code height} window in {@code usable}, given the shown windows' bounds. */
    static int[] place(Rect usable, int width, int height, List<Rect> taken) {
        Rect o = usable;
        int cx = o.x() + Math.max(0, (o.width() - width) / 2), cy = o.y() + Math.max(0, (o.height() - height) / 2);
        if (isFree(new Rect(cx, cy, width, height), taken)) return new int[] {cx, cy};
        int[] best = null;
        long bestDistance = Long.MAX_VALUE;
        for (int y = o.y(); y + height <= o.bottom(); y += CASCADE_STEP) {
            for (int x = o.x(); x + width <= o.right(); x += CASCADE_STEP) {
                long d = (long) (x - cx) * (x - cx) + (long) (y - cy) * (y - cy);
                if (d < bestDistance && isFree(new Rect(x, y, width, height), taken)) {
                    best = new int[] {x, y};
                    bestDistance = d;
                }
            }
        }
        if (best != null) return best;
        int step = taken.size() % CASCADE_STEPS * CASCADE_STEP;
        return new int[] {cx + step, cy + step};
    }

    private static boolean isFree(Rect r, List<Rect> taken) {
        for (Rect t : taken) if (t.intersects(r)) return false;
        return true;
    }
}
