package javawc.compositor.shm;

import javawc.os.MemoryMapping;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.server.Client;
import javawc.server.protocol.WlBuffer;
import javawc.server.protocol.WlShm;
import javawc.server.protocol.WlShmPool;

import java.nio.IntBuffer;
import java.nio.ShortBuffer;

/**
 * A client's shared-memory file, mapped read-only. It lives while its wl_shm_pool or any
 * buffer made from it does (a buffer lives on while it is locked). The size a client declares is mapped as declared, even past the
 * file's end (as libwayland does): the file may grow or shrink at any time anyway, so what
 * counts is the moment of reading. Every read goes through Java buffers, and a fault there
 * becomes the protocol error of the wl_buffer being read (invalid_fd).
 */
final class ShmPool implements WlShmPool.Handler {
    private final OwnedFd fd;
    private final ShmLimits limits;
    private final Client client;
    private MemoryMapping mapping;
    private IntBuffer ints;
    private ShortBuffer shorts;
    private int size;
    private int users = 1; // the wl_shm_pool itself

    private ShmPool(OwnedFd fd, ShmLimits limits, Client client) {
        this.fd = fd;
        this.limits = limits;
        this.client = client;
    }

    static void create(WlShmPool resource, OwnedFd fd, int size, ShmLimits limits) throws OsException {
        if (!limits.addPool(resource.client(), size)) {
            fd.close();
            return;
        }
        ShmPool pool = new ShmPool(fd, limits, resource.client());
        try {
            pool.map(size);
        } catch (OsException e) {
            limits.removePool(resource.client(), size);
            fd.close();
            throw e;
        }
        resource.setHandler(pool);
        resource.onDestroy(pool::release);
    }

    private void map(int newSize) throws OsException {
        MemoryMapping next = MemoryMapping.map(fd, newSize, false);
        if (mapping != null) mapping.close();
        mapping = next;
        ints = next.buffer().asIntBuffer();
        shorts = next.buffer().asShortBuffer();
        size = newSize;
    }

    OwnedFd fd() {
        return fd;
    }

    int size() {
        return size;
    }

    IntBuffer ints() {
        return ints;
    }

    ShortBuffer shorts() {
        return shorts;
    }

    void release() {
        if (--users > 0) return;
        limits.removePool(client, size);
        mapping.close();
        fd.close();
    }

    @Override
    public void createBuffer(WlShmPool self, WlBuffer id, int offset, int width, int height, int stride, int format) {
        PixelFormat f = PixelFormat.of(format);
        if (f == null) {
            self.postError(WlShm.Error.INVALID_FORMAT, "unsupported format 0x" + Integer.toHexString(format));
            return;
        }
        if (width <= 0 || height <= 0 || offset < 0 || stride < (long) width * f.bytesPerPixel
                || stride % f.bytesPerPixel != 0 || offset % f.bytesPerPixel != 0
                || (long) offset + (long) stride * (height - 1) + (long) width * f.bytesPerPixel > size) {
            self.postError(WlShm.Error.INVALID_STRIDE, "invalid buffer: offset " + offset + ", " + width + "x" + height
                    + ", stride " + stride + " in a pool of " + size + " bytes");
            return;
        }
        users++;
        ShmBuffer buffer = new ShmBuffer(id, this, f, offset, width, height, stride);
        id.setHandler(buffer);
        id.onDestroy(buffer::destroyed);
    }

    @Override
    public void destroy(WlShmPool self) {
        // destructor; buffers made from the pool keep it mapped
    }

    @Override
    public void resize(WlShmPool self, int newSize) {
        if (newSize < size) {
            self.postError(WlShm.Error.INVALID_STRIDE, "shrinking a pool (" + size + " to " + newSize + " bytes) is not allowed");
            return;
        }
        if (!limits.grow(client, (long) newSize - size)) return;
        int oldSize = size;
        try {
            map(newSize);
        } catch (OsException e) {
            limits.grow(client, (long) oldSize - newSize); // not grown after all
            self.postError(WlShm.Error.INVALID_FD, "cannot grow the pool: " + e.getMessage());
        }
    }
}
