package javawc.compositor.scene;

/** An axis-aligned rectangle in integer pixels; empty when width or height is not positive. */
public record Rect(int x, int y, int width, int height) {
    public static final Rect EMPTY = new Rect(0, 0, 0, 0);

    // equals and hashCode written out: a record's own go through method handles
    // (ObjectMethods), which the JIT compiles late, and rectangles are compared every frame
    @Override
    public boolean equals(Object o) {
        return o instanceof Rect r && r.x == x && r.y == y && r.width == width && r.height == height;
    }

    @Override
    public int hashCode() {
        return ((x * 31 + y) * 31 + width) * 31 + height;
    }

    public boolean isEmpty() {
        return width <= 0 || height <= 0;
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    public boolean contains(int px, int py) {
        return px >= x && py >= y && px < right() && py < bottom();
    }

    public boolean intersects(Rect r) {
        return intersects(r.x, r.y, r.width, r.height);
    }

    /** {@link #intersects(Rect)} without a rectangle to make. */
    public boolean intersects(int rx, int ry, int rwidth, int rheight) {
        return !isEmpty() && rwidth > 0 && rheight > 0 && rx < right() && x < rx + rwidth && ry < bottom() && y < ry + rheight;
    }

    public Rect intersect(Rect r) {
        int x0 = Math.max(x, r.x), y0 = Math.max(y, r.y);
        int x1 = Math.min(right(), r.right()), y1 = Math.min(bottom(), r.bottom());
        return x1 > x0 && y1 > y0 ? new Rect(x0, y0, x1 - x0, y1 - y0) : EMPTY;
    }

    /** The smallest rectangle holding both (an empty one adds nothing). */
    public Rect union(Rect r) {
        if (isEmpty()) return r;
        if (r.isEmpty()) return this;
        int x0 = Math.min(x, r.x), y0 = Math.min(y, r.y);
        return new Rect(x0, y0, Math.max(right(), r.right()) - x0, Math.max(bottom(), r.bottom()) - y0);
    }

    public Rect translate(int dx, int dy) {
        return new Rect(x + dx, y + dy, width, height);
    }
}
