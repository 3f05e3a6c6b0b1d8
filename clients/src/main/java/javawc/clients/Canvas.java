package javawc.clients;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.Arrays;

/**
 * A 32-bit-per-pixel image in memory (wl_shm ARGB8888 or XRGB8888): each pixel is an int
 * 0xAARRGGBB stored little-endian, as wl_shm defines those formats whatever the CPU.
 */
public record Canvas(ByteBuffer pixels, int width, int height, int stride) {
    public Canvas {
        if (width <= 0 || height <= 0 || stride < width * 4 || stride % 4 != 0) {
            throw new IllegalArgumentException(width + "x" + height + " stride " + stride);
        }
        if ((long) stride * height > pixels.capacity()) throw new IllegalArgumentException("buffer too small");
        pixels = pixels.duplicate().clear().order(ByteOrder.LITTLE_ENDIAN); // our own view from byte 0: the caller's position and order stay theirs
    }

    /** Fills a rectangle with one colour, clipped to the canvas. */
    public void fill(int x, int y, int w, int h, int argb) {
        int x0 = Math.max(0, x), y0 = Math.max(0, y);
        int x1 = Math.min(width, x + w), y1 = Math.min(height, y + h);
        if (x0 >= x1 || y0 >= y1) return;
        // one bulk put per row: fast enough for full frames at output size
        IntBuffer ints = pixels.asIntBuffer();
        int[] row = new int[x1 - x0];
        Arrays.fill(row, argb);
        for (int r = y0; r < y1; r++) ints.put(r * (stride / 4) + x0, row);
    }

    /** The pixel at (x, y) as 0xAARRGGBB. */
    public int get(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) throw new IndexOutOfBoundsException(x + "," + y);
        return pixels.getInt(y * stride + x * 4);
    }
}
