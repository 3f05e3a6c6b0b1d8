package javawc.compositor.core;

import javawc.compositor.render.SurfaceTexture;
import javawc.compositor.scene.Region;
import javawc.server.protocol.WlBuffer;

/** What a wl_buffer carries, whatever made it (wl_shm, linux-dmabuf). */
public interface ClientBuffer extends WlBuffer.Handler {
    int width();

    int height();

    /** True when the format has no alpha channel. */
    boolean opaque();

    /**
     * Copies the {@code damage} part (buffer coordinates) of the contents into {@code texture},
     * which has this buffer's size. Throws when the client's memory cannot be read.
     */
    void copyTo(SurfaceTexture texture, Region damage) throws BufferAccessException;

    /**
     * False (a single-pixel buffer): the surface copies the contents at commit and releases the
     * buffer at once. True (shm, dma-buf): the display may show the buffer itself, so the
     * surface keeps it {@link #lock locked} while it is attached and copies from it only if,
     * where and when it is composited.
     */
    default boolean showsWithoutCopy() {
        return false;
    }

    /** True when {@link #readRow} can read the pixels straight from client memory (shm). */
    default boolean readsRows() {
        return false;
    }

    /**
     * Reads {@code n} pixels of row {@code y} from column {@code x} as premultiplied ARGB into
     * {@code dst} from {@code offset}, for a renderer that composites straight from the client's
     * memory (only when {@link #readsRows}). Throws when the memory cannot be read.
     */
    default void readRow(int x, int y, int n, int[] dst, int offset) throws BufferAccessException {
        throw new UnsupportedOperationException("this buffer is read through copyTo");
    }

    /**
     * At commit, a cheap check that the contents can be read now (shm: the client's file still
     * holds all of the buffer), so that a broken buffer is the committing request's error even
     * if nothing ever reads it. Reading can still fail later ({@link #readFailed}).
     */
    default void checkReadable() throws BufferAccessException {
    }

    /**
     * {@link #copyTo} failed after the commit that attached the buffer (it is read when needed):
     * the owner's error if its memory is at fault (shm: a truncated file), else nothing.
     */
    default void readFailed(String message) {
    }

    /** Someone (a surface, a plane on screen) still uses the buffer; it is released when the last lock goes. */
    default void lock() {
    }

    default void unlock() {
    }

    /** The client's memory behind a buffer failed us (for shm: the file was truncated). */
    final class BufferAccessException extends Exception {
        public BufferAccessException(String message) {
            super(message);
        }
    }
}
