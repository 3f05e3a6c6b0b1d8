package javawc.compositor.core;

import javawc.compositor.render.SurfaceTexture;
import javawc.compositor.scene.Region;
import javawc.server.protocol.WlBuffer;

/** What a wl_buffer carries, whatever made it (wl_shm now, linux-dmabuf later). */
public interface ClientBuffer extends WlBuffer.Handler {
    int width();

    int height();

    /**
     * Copies the {@code damage} part (buffer coordinates) of the contents into {@code texture},
     * which has this buffer's size. Throws when the client's memory cannot be read.
     */
    void copyTo(SurfaceTexture texture, Region damage) throws BufferAccessException;

    /** The client's memory behind a buffer failed us (for shm: the file was truncated). */
    final class BufferAccessException extends Exception {
        public BufferAccessException(String message) {
            super(message);
        }
    }
}
