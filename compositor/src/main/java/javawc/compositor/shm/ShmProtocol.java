package javawc.compositor.shm;

import javawc.compositor.ProtocolContext;

/** wl_shm: buffers in shared memory. */
public final class ShmProtocol {
    private ShmProtocol() {}

    public static AutoCloseable install(ProtocolContext c) {
        new ShmGlobal(c.globals());
        return null;
    }
}
