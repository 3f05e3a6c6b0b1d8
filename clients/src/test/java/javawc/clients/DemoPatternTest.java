package javawc.clients;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static javawc.clients.ShmDemoPattern.*;
import static org.junit.jupiter.api.Assertions.*;

/** DemoShm's pixels, drawn into plain memory: no compositor involved. */
class DemoPatternTest {
    private static Canvas canvas(int width, int height, int stride) {
        return new Canvas(ByteBuffer.allocate(stride * height), width, height, stride);
    }

    @Test
    void quadrantsBandAndBarAtKnownPixels() {
        Canvas c = canvas(320, 240, 320 * 4);
        drawAll(c, 100);
        // quadrants 160x90 each above the band, which starts at 180
        assertEquals(RED, c.get(0, 0));
        assertEquals(RED, c.get(159, 89));
        assertEquals(GREEN, c.get(160, 0));
        assertEquals(GREEN, c.get(319, 89));
        assertEquals(BLUE, c.get(0, 90));
        assertEquals(BLUE, c.get(159, 179));
        assertEquals(WHITE, c.get(160, 90));
        assertEquals(WHITE, c.get(319, 179));
        assertEquals(BAND, c.get(0, 180));
        assertEquals(BAND, c.get(99, 239));
        assertEquals(BAR, c.get(100, 180));
        assertEquals(BAR, c.get(115, 239));
        assertEquals(BAND, c.get(116, 200));
    }

    @Test
    void pixelsAreLittleEndianArgbInMemory() {
        Canvas c = canvas(2, 1, 8);
        c.fill(0, 0, 1, 1, RED);
        c.fill(1, 0, 1, 1, 0x80123456);
        byte[] bytes = new byte[8];
        c.pixels().get(0, bytes);
        // wl_shm ARGB8888: B, G, R, A in increasing addresses, whatever the CPU
        assertArrayEquals(new byte[] {0, 0, (byte) 0xff, (byte) 0xff, 0x56, 0x34, 0x12, (byte) 0x80}, bytes);
    }

    @Test
    void redrawingTheBandLeavesTheQuadrantsAndMovesTheBar() {
        Canvas c = canvas(320, 240, 320 * 4);
        drawAll(c, 0);
        drawBand(c, 40);
        assertEquals(BAND, c.get(0, 200));
        assertEquals(BAR, c.get(40, 200));
        assertEquals(WHITE, c.get(319, 179));
    }

    @Test
    void theBarMovesEachFrameAndStaysInside() {
        assertEquals(0, barX(0, 320));
        assertEquals(BAR_STEP, barX(1, 320));
        for (int frame = 0; frame < 1000; frame++) {
            int x = barX(frame, 320);
            assertTrue(x >= 0 && x + BAR_WIDTH <= 320, "frame " + frame + ": " + x);
        }
        assertEquals(0, barX(7, 10)); // narrower than the bar: it stays put
    }

    @Test
    void oddSizesCoverEveryPixelAndPaddingIsUntouched() {
        Canvas c = canvas(7, 5, 40); // stride wider than the rows
        drawAll(c, 0);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) assertNotEquals(0, c.get(x, y), x + "," + y);
            for (int pad = 28; pad < 40; pad++) assertEquals(0, c.pixels().get(y * 40 + pad), "padding of row " + y);
        }
    }

    @Test
    void fillIsClipped() {
        Canvas c = canvas(4, 4, 16);
        c.fill(-10, -10, 12, 12, RED); // only (0,0)-(1,1) is inside
        c.fill(3, 3, 100, 100, BLUE);
        assertEquals(RED, c.get(1, 1));
        assertEquals(0, c.get(2, 2));
        assertEquals(BLUE, c.get(3, 3));
    }
}
