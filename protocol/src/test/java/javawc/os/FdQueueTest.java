package javawc.os;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The received-fd queue grows as fds come, keeps their order across growth, and stops at its capacity. */
class FdQueueTest {
    @Test
    void orderIsKeptWhileTheRingGrowsAroundItsEnd() throws Exception {
        List<OwnedFd> opened = new ArrayList<>();
        try (FdQueue queue = new FdQueue(40)) {
            for (int i = 0; i < 6; i++) opened.add(Descriptors.eventFd());
            for (int i = 0; i < 6; i++) assertTrue(queue.offer(opened.get(i).release()));
            int[] expected = new int[6];
            for (int i = 0; i < 6; i++) expected[i] = queue.peek(i);
            // take 5 so the head is near the end of the first ring, then add past its size
            for (int i = 0; i < 5; i++) {
                OwnedFd fd = queue.take();
                assertEquals(expected[i], fd.get());
                opened.set(i, fd);
            }
            List<Integer> order = new ArrayList<>(List.of(expected[5]));
            for (int i = 0; i < 20; i++) {
                OwnedFd fd = Descriptors.eventFd();
                order.add(fd.get());
                assertTrue(queue.offer(fd.release()));
            }
            assertEquals(21, queue.size());
            for (int i = 0; i < 21; i++) assertEquals(order.get(i), queue.peek(i));
            for (int i = 0; i < 21; i++) {
                try (OwnedFd fd = queue.take()) {
                    assertEquals(order.get(i), fd.get());
                }
            }
            assertNull(queue.take());
        } finally {
            opened.forEach(OwnedFd::close);
        }
    }

    @Test
    void aFullQueueRefusesAndLeavesTheFdToTheCaller() throws Exception {
        try (FdQueue queue = new FdQueue(3); OwnedFd extra = Descriptors.eventFd()) {
            for (int i = 0; i < 3; i++) assertTrue(queue.offer(Descriptors.eventFd().release()));
            assertFalse(queue.offer(extra.get()));
            assertEquals(3, queue.size());
            assertEquals(3, queue.capacity());
            assertEquals(-1, queue.peek(3));
        }
    }
}
