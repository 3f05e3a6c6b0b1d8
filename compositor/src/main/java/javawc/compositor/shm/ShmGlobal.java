package javawc.compositor.shm;

import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.server.GlobalRegistry;
import javawc.server.protocol.WlShm;
import javawc.server.protocol.WlShmPool;

/** wl_shm (v1, all Debian 12's wayland.xml has): creates pools from client fds, lists our formats. */
public final class ShmGlobal implements WlShm.Handler {
    public static final int VERSION = 1;
    private final ShmLimits limits = new ShmLimits();

    public ShmGlobal(GlobalRegistry registry) {
        registry.add(WlShm.SPEC, VERSION, WlShm::new, r -> {
            r.setHandler(this);
            for (PixelFormat f : PixelFormat.values()) r.sendFormat(f.code);
        });
    }

    @Override
    public void createPool(WlShm self, WlShmPool id, OwnedFd fd, int size) {
        if (size <= 0) {
            fd.close();
            self.postError(WlShm.Error.INVALID_STRIDE, "invalid pool size " + size);
            return;
        }
        try {
            ShmPool.create(id, fd, size, limits);
        } catch (OsException e) {
            self.postError(WlShm.Error.INVALID_FD, "cannot map the pool: " + e.getMessage());
        }
    }
}
