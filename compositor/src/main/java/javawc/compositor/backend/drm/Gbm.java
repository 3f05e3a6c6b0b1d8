package javawc.compositor.backend.drm;

import com.sun.jna.Native;

/**
 * Direct-mapped libgbm entry points (Mesa's generic buffer management, Debian's libgbm1),
 * pointers as {@code long}. Loading this class fails with a {@link LinkageError} when the
 * library is missing; {@link GbmDevice#create} turns that into a reason.
 */
final class Gbm {
    static {
        Native.register("libgbm.so.1");
    }

    private Gbm() {}

    /** enum gbm_bo_flags. */
    static final int BO_USE_SCANOUT = 1, BO_USE_RENDERING = 1 << 2, BO_USE_LINEAR = 1 << 4;

    static native long gbm_create_device(int fd);
    static native void gbm_device_destroy(long gbm);
    static native long gbm_device_get_backend_name(long gbm);
    static native int gbm_device_is_format_supported(long gbm, int format, int usage);

    static native long gbm_bo_create(long gbm, int width, int height, int format, int flags);
    static native void gbm_bo_destroy(long bo);
    /** union gbm_bo_handle, 8 bytes, comes back in a register: the GEM handle is its low 32 bits. */
    static native long gbm_bo_get_handle(long bo);
    static native int gbm_bo_get_stride(long bo);
    static native int gbm_bo_get_offset(long bo, int plane);
    static native int gbm_bo_get_plane_count(long bo);
    static native long gbm_bo_get_modifier(long bo);
    /** A new dma-buf fd for the buffer (the caller closes it), or -1. */
    static native int gbm_bo_get_fd(long bo);
}
