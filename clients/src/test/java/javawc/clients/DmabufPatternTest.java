package javawc.clients;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static javawc.clients.DmabufDemoPattern.*;
import static org.junit.jupiter.api.Assertions.*;

/** DemoDmabuf's pixels, drawn into plain memory, at the fractions its class comment promises. */
class DmabufPatternTest {
    private static Canvas draw(int width, int height, int stride, int barX) {
        Canvas c = new Canvas(ByteBuffer.allocate(stride * height), width, height, stride);
        drawAll(c, barX);
        return c;
    }

    @Test
    void theDocumentedFractionsHoldAtCommonScreenSizes() {
        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}, {1024, 768}, {641, 479}}) {
            int w = size[0], h = size[1];
            Canvas c = draw(w, h, (w * 4 + 63) / 64 * 64, 0); // pitch padded as drivers do
            String at = w + "x" + h;
            assertEquals(CYAN, c.get(w / 4, 3 * h / 16), at);
            assertEquals(MAGENTA, c.get(3 * w / 4, 3 * h / 16), at);
            assertEquals(ORANGE, c.get(w / 4, 9 * h / 16), at);
            assertEquals(GREY, c.get(3 * w / 4, 9 * h / 16), at);
            assertEquals(BAND, c.get(w / 2, 7 * h / 8), at);
            assertEquals(BAR, c.get(0, 7 * h / 8), at);
            assertEquals(BAR, c.get(barWidth(w) - 1, h - 1), at);
            assertEquals(BAND, c.get(barWidth(w), h - 1), at);
        }
    }

    @Test
    void theBarSweepsInAboutTwoSecondsAndStaysInside() {
        assertEquals(80, barWidth(1280));
        assertEquals(10, barStep(1280));
        assertEquals(10, barX(1, 1280));
        for (int frame = 0; frame < 1000; frame++) {
            int x = barX(frame, 1280);
            assertTrue(x >= 0 && x + barWidth(1280) <= 1280, "frame " + frame + ": " + x);
        }
        assertEquals(0, barX(5, 1)); // one pixel wide: the bar fills it and stays put
    }

    @Test
    void colorsDifferFromDemoShmsAndFromEachOther() {
        List<Integer> ours = List.of(CYAN, MAGENTA, ORANGE, GREY, BAND, BAR);
        Set<Integer> all = new HashSet<>(ours);
        assertEquals(ours.size(), all.size());
        for (int shm : new int[] {ShmDemoPattern.RED, ShmDemoPattern.GREEN, ShmDemoPattern.BLUE, ShmDemoPattern.WHITE}) {
            assertFalse(all.contains(shm), Integer.toHexString(shm));
        }
        for (int c : ours) assertEquals(0xff, c >>> 24, "opaque: " + Integer.toHexString(c));
    }
}
