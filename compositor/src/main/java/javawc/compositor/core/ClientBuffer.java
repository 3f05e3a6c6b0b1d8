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
     * False (shm): the surface copies the contents at commit and releases the buffer at once.
     * True (dma-buf): the display may show the buffer itself, so the surface keeps it
     * {@link #lock locked} while it is attached and copies from it only if it is composited.
     */
    default boolean showsWithoutCopy() {
        return false;
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
