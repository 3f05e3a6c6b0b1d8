package javawc.compositor.cursor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Builds Xcursor files in memory for tests (also the integration tests' cursor theme): each image filled with one colour, so a test can tell which size was chosen. */
public final class XcursorBuilder {
    private record Chunk(int size, int width, int height, int hotX, int hotY, int argb) {}

    private final List<Chunk> chunks = new ArrayList<>();

    public XcursorBuilder image(int nominalSize, int width, int height, int hotX, int hotY, int argb) {
        chunks.add(new Chunk(nominalSize, width, height, hotX, hotY, argb));
        return this;
    }

    /** A square image of its nominal size, hotspot (1, 2). */
    public XcursorBuilder image(int size, int argb) {
        return image(size, size, size, 1, 2, argb);
    }

    public byte[] build() {
        int headerBytes = 16, tocBytes = 12 * chunks.size();
        int total = headerBytes + tocBytes;
        for (Chunk c : chunks) total += 36 + 4 * c.width * c.height;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.put("Xcur".getBytes()).putInt(headerBytes).putInt(0x10000).putInt(chunks.size());
        int position = headerBytes + tocBytes;
        for (Chunk c : chunks) {
            b.putInt(XcursorFile.IMAGE_TYPE).putInt(c.size).putInt(position);
            position += 36 + 4 * c.width * c.height;
        }
        for (Chunk c : chunks) {
            b.putInt(36).putInt(XcursorFile.IMAGE_TYPE).putInt(c.size).putInt(1)
                    .putInt(c.width).putInt(c.height).putInt(c.hotX).putInt(c.hotY).putInt(50);
            for (int i = 0; i < c.width * c.height; i++) b.putInt(c.argb);
        }
        return b.array();
    }

    /** Overwrites the little-endian int at {@code offset} of {@code file}. */
    static byte[] withInt(byte[] file, int offset, int value) {
        byte[] copy = file.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return copy;
    }
}
