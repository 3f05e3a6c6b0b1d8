package javawc.compositor.scene;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class RegionTest {
    private static long area(Region r) {
        long a = 0;
        for (Rect x : r.rects()) a += (long) x.width() * x.height();
        return a;
    }

    @Test
    void addingOverlapsCountsEachPixelOnce() {
        Region r = new Region(new Rect(0, 0, 10, 10));
        r.add(new Rect(5, 5, 10, 10));
        assertEquals(175, area(r));
        for (Rect a : r.rects()) for (Rect b : r.rects()) if (a != b) assertFalse(a.intersects(b), "disjoint");
        assertTrue(r.contains(14, 14));
        assertFalse(r.contains(12, 2));
    }

    @Test
    void subtractingPunchesHoles() {
        Region r = new Region(new Rect(0, 0, 10, 10));
        r.subtract(new Rect(3, 3, 4, 4));
        assertEquals(84, area(r));
        assertFalse(r.contains(5, 5));
        assertTrue(r.contains(2, 5));
        assertTrue(r.covers(new Rect(0, 0, 10, 3)));
        assertFalse(r.covers(new Rect(0, 0, 10, 4)));
    }

    @Test
    void intersectTranslateAndBounds() {
        Region r = new Region(new Rect(0, 0, 10, 10));
        r.add(new Rect(20, 20, 5, 5));
        assertEquals(new Rect(0, 0, 25, 25), r.bounds());
        Region clipped = r.intersect(new Rect(5, 5, 100, 100));
        assertEquals(25 + 25, area(clipped));
        assertTrue(r.translate(100, 0).contains(102, 2));
        assertTrue(new Region().isEmpty());
        Region empty = new Region(new Rect(0, 0, 0, 5));
        assertTrue(empty.isEmpty(), "empty rectangles add nothing");
    }

    @Test
    void addingWhatIsAlreadyInOrBesideKeepsTheRectanglesDisjoint() {
        Region r = new Region(new Rect(0, 0, 10, 10));
        r.add(new Rect(2, 2, 3, 3)); // inside
        assertEquals(java.util.List.of(new Rect(0, 0, 10, 10)), r.rects());
        r.add(new Rect(10, 0, 5, 5)); // touching, not overlapping
        assertEquals(125, area(r));
        r.add(new Rect(8, 8, 4, 4)); // overlapping the first only
        assertEquals(125 + 12, area(r));
        for (Rect a : r.rects()) for (Rect b : r.rects()) if (a != b) assertFalse(a.intersects(b), "disjoint");
    }

    @Test
    void subtractingDropsWhatItCoversAndKeepsWhatItMisses() {
        Region r = new Region(new Rect(0, 0, 10, 10));
        r.add(new Rect(20, 0, 10, 10));
        r.add(new Rect(40, 0, 10, 10));
        r.subtract(new Rect(15, -5, 20, 20)); // covers the second, misses the others
        assertEquals(200, area(r));
        assertFalse(r.contains(25, 5));
        r.subtract(new Rect(45, 0, 100, 100)); // cuts the third
        assertEquals(150, area(r));
        assertTrue(r.contains(44, 9));
        assertFalse(r.contains(45, 0));
        r.subtract(new Rect(-1000, -1000, 3000, 3000));
        assertTrue(r.isEmpty());
    }
}
