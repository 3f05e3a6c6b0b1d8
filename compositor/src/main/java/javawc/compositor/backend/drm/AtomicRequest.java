package javawc.compositor.backend.drm;

import javawc.os.LibC;
import javawc.os.NativeBuffer;

import java.lang.ref.Reference;

/**
 * The arrays of one DRM_IOCTL_MODE_ATOMIC call, written straight into native memory: objects
 * in order, each followed by its properties. A request can be committed again and again with
 * single values changed in place ({@link #set}), so a page flip or a TEST_ONLY check
 * allocates nothing.
 */
final class AtomicRequest {
    private final NativeBuffer arg = new NativeBuffer(56); // struct drm_mode_atomic
    private final NativeBuffer objects, counts, props, values;
    private int objectCount, propCount;

    AtomicRequest(int maxProperties) {
        objects = new NativeBuffer(4 * maxProperties);
        counts = new NativeBuffer(4 * maxProperties);
        props = new NativeBuffer(4 * maxProperties);
        values = new NativeBuffer(8 * maxProperties);
    }

    /** Starts the properties of KMS object {@code id}. */
    AtomicRequest object(int id) {
        objects.buffer().putInt(4 * objectCount, id);
        counts.buffer().putInt(4 * objectCount, 0);
        objectCount++;
        return this;
    }

    /** Adds a property of the current object; returns its slot for {@link #set}. */
    int property(int prop, long value) {
        if (objectCount == 0) throw new IllegalStateException("property before object");
        if (prop == 0) throw new IllegalArgumentException("the driver lacks a property this request needs");
        int slot = propCount++;
        props.buffer().putInt(4 * slot, prop);
        values.buffer().putLong(8 * slot, value);
        int last = 4 * (objectCount - 1);
        counts.buffer().putInt(last, counts.buffer().getInt(last) + 1);
        return slot;
    }

    /** Adds a property and returns the request, for chaining. */
    AtomicRequest with(int prop, long value) {
        property(prop, value);
        return this;
    }

    void set(int slot, long value) {
        values.buffer().putLong(8 * slot, value);
    }

    /** Commits with {@code flags} (ATOMIC_*, PAGE_FLIP_EVENT); 0 on success, else the errno. */
    int commit(DrmDevice device, int flags, long userData) {
        arg.buffer().putInt(0, flags).putInt(4, objectCount).putLong(8, objects.address()).putLong(16, counts.address())
                .putLong(24, props.address()).putLong(32, values.address()).putLong(40, 0).putLong(48, userData);
        try {
            while (true) {
                if (LibC.ioctl(device.fd.get(), DrmDevice.ATOMIC, arg.address()) == 0) return 0;
                int errno = LibC.errno();
                if (errno != LibC.EINTR && errno != LibC.EAGAIN) return errno;
            }
        } finally {
            Reference.reachabilityFence(this); // the kernel reads our arrays by address: they must outlive the call
        }
    }
}
