package javawc.wire;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ObjectMapTest {
    @Test
    void peerIdsMustBeFreeAndMayNotSkipAhead() {
        ObjectMap<String> map = new ObjectMap<>();
        assertFalse(map.insertAt(0, "zero"));
        assertTrue(map.insertAt(1, "a"));
        assertFalse(map.insertAt(1, "again"), "in use");
        assertFalse(map.insertAt(3, "gap"), "skipping id 2 would let a client make us allocate at will");
        assertFalse(map.insertAt(0xfe000000, "huge"));
        assertTrue(map.insertAt(2, "b"));
        assertEquals("b", map.get(2));
        assertEquals("b", map.remove(2));
        assertNull(map.get(2));
        assertTrue(map.insertAt(2, "b again"), "a freed id can be used again");
        assertEquals(2, map.size());
    }

    @Test
    void allocationReusesTheLowestFreeId() {
        ObjectMap<String> map = new ObjectMap<>();
        for (int i = 0; i < 5; i++) assertEquals(i + 1, map.allocate(false, "c" + i));
        map.remove(4);
        map.remove(2);
        map.remove(3);
        assertEquals(2, map.allocate(false, "x"));
        assertEquals(3, map.allocate(false, "y"));
        assertEquals(4, map.allocate(false, "z"));
        assertEquals(6, map.allocate(false, "w"));
    }

    @Test
    void serverIdsLiveInTheirOwnRange() {
        ObjectMap<String> map = new ObjectMap<>();
        int first = map.allocate(true, "s1");
        assertEquals(ObjectMap.SERVER_ID_START, first);
        assertEquals(first + 1, map.allocate(true, "s2"));
        assertEquals("s1", map.get(first));
        assertNull(map.get(1));
        assertTrue(map.insertAt(first + 2, "from the server"), "a client side accepts the server's next id");
        map.replace(first, "zombie");
        assertEquals("zombie", map.get(first));
        assertThrows(IllegalStateException.class, () -> map.replace(5, "nothing there"));
    }

    @Test
    void manyIdsGrowTheTable() {
        ObjectMap<Integer> map = new ObjectMap<>();
        for (int i = 1; i <= 10_000; i++) assertTrue(map.insertAt(i, i));
        for (int i = 1; i <= 10_000; i++) assertEquals(i, map.get(i));
        int[] count = {0};
        map.forEach(v -> count[0]++);
        assertEquals(10_000, count[0]);
    }
}
