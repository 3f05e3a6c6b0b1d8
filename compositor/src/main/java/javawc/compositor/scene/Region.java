package javawc.compositor.scene;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A set of pixels as disjoint rectangles: wl_region contents, opaque and input regions, and
 * damage. Small by design (clients send a handful of rectangles); operations are linear.
 */
public final class Region {
    private final List<Rect> rects = new ArrayList<>();

    public Region() {}

    public Region(Rect r) {
        add(r);
    }

    public Region copy() {
        Region c = new Region();
        c.rects.addAll(rects);
        return c;
    }

    public boolean isEmpty() {
        return rects.isEmpty();
    }

    /** Number of pixels (the rectangles are disjoint). */
    public long area() {
        long a = 0;
        for (Rect r : rects) a += (long) r.width() * r.height();
        return a;
    }

    public List<Rect> rects() {
        return Collections.unmodifiableList(rects);
    }

    /** How many disjoint rectangles make it up: with {@link #rect}, a walk that allocates nothing. */
    public int rectCount() {
        return rects.size();
    }

    public Rect rect(int i) {
        return rects.get(i);
    }

    public void clear() {
        rects.clear();
    }

    /** Adds the pixels of {@code r}, keeping the rectangles disjoint. */
    public void add(Rect r) {
        if (r.isEmpty()) return;
        // the usual cases of every frame's damage, without building lists: r already in, or beside all
        boolean overlaps = false;
        for (int i = 0; i < rects.size(); i++) {
            Rect existing = rects.get(i);
            if (inside(r, existing)) return;
            overlaps |= existing.intersects(r);
        }
        if (!overlaps) {
            rects.add(r);
            return;
        }
        List<Rect> pieces = new ArrayList<>(List.of(r));
        for (Rect existing : rects) {
            List<Rect> next = new ArrayList<>();
            for (Rect p : pieces) subtract(p, existing, next);
            pieces = next;
            if (pieces.isEmpty()) return;
        }
        rects.addAll(pieces);
    }

    public void add(Region other) {
        for (int i = 0; i < other.rects.size(); i++) add(other.rects.get(i));
    }

    /** Whether every pixel of {@code inner} (not empty) is in {@code outer}. */
    private static boolean inside(Rect inner, Rect outer) {
        return inner.x() >= outer.x() && inner.y() >= outer.y() && inner.right() <= outer.right() && inner.bottom() <= outer.bottom();
    }

    /** Removes the pixels of {@code r}. */
    public void subtract(Rect r) {
        if (r.isEmpty()) return;
        // the usual cases without building lists: rectangles r misses stay, those inside it go
        boolean cut = false;
        for (int i = rects.size() - 1; i >= 0; i--) {
            Rect existing = rects.get(i);
            if (!existing.intersects(r)) continue;
            if (inside(existing, r)) rects.remove(i);
            else cut = true;
        }
        if (!cut) return;
        List<Rect> out = new ArrayList<>();
        for (Rect existing : rects) subtract(existing, r, out);
        rects.clear();
        rects.addAll(out);
    }

    /** The parts of {@code a} outside {@code b}, as up to four rectangles. */
    private static void subtract(Rect a, Rect b, List<Rect> out) {
        if (!a.intersects(b)) {
            out.add(a);
            return;
        }
        if (b.y() > a.y()) out.add(new Rect(a.x(), a.y(), a.width(), b.y() - a.y()));
        if (b.bottom() < a.bottom()) out.add(new Rect(a.x(), b.bottom(), a.width(), a.bottom() - b.bottom()));
        int top = Math.max(a.y(), b.y()), bottom = Math.min(a.bottom(), b.bottom());
        if (b.x() > a.x()) out.add(new Rect(a.x(), top, b.x() - a.x(), bottom - top));
        if (b.right() < a.right()) out.add(new Rect(b.right(), top, a.right() - b.right(), bottom - top));
    }

    public boolean contains(int x, int y) {
        for (Rect r : rects) if (r.contains(x, y)) return true;
        return false;
    }

    /** Whether every pixel of {@code r} is in the region. */
    public boolean covers(Rect r) {
        Region rest = new Region(r);
        for (Rect mine : rects) rest.subtract(mine);
        return rest.isEmpty();
    }

    public Region intersect(Rect clip) {
        Region out = new Region();
        for (int k = 0; k < rects.size(); k++) {
            Rect r = rects.get(k);
            Rect i = inside(r, clip) ? r : r.intersect(clip);
            if (!i.isEmpty()) out.rects.add(i);
        }
        return out;
    }

    public Region translate(int dx, int dy) {
        Region out = new Region();
        for (Rect r : rects) out.rects.add(r.translate(dx, dy));
        return out;
    }

    public Rect bounds() {
        if (rects.size() == 1) return rects.get(0);
        Rect b = Rect.EMPTY;
        for (int i = 0; i < rects.size(); i++) b = b.union(rects.get(i));
        return b;
    }

    @Override
    public String toString() {
        return rects.toString();
    }
}
