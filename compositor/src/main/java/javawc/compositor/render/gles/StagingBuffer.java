package javawc.compositor.render.gles;

import org.lwjgl.system.MemoryUtil;

import java.nio.IntBuffer;

/**
 * Native memory between our int[] pixels and GL, for uploads and read-backs, grown as needed
 * and reused. Pixels are 0xAARRGGBB ints in native (little-endian) order: the bytes B, G, R, A.
 */
final class StagingBuffer implements AutoCloseable {
    private IntBuffer buffer = MemoryUtil.memAllocInt(0);

    /** At least {@code ints} ints, position 0, limit {@code ints}; contents undefined. */
    IntBuffer get(int ints) {
        if (buffer.capacity() < ints) buffer = MemoryUtil.memRealloc(buffer, Math.max(ints, buffer.capacity() * 3 / 2));
        return buffer.clear().limit(ints);
    }

    @Override
    public void close() {
        MemoryUtil.memFree(buffer);
        buffer = null;
    }
}
