package javawc.compositor.backend.drm;

import com.sun.jna.Pointer;
import javawc.os.Drm;
import javawc.os.OsException;
import javawc.os.OwnedFd;

/**
 * A GBM device for the DRM device: what EGL's GBM platform (EGL_PLATFORM_GBM_KHR) opens its
 * display on, and the allocator of the buffers the GLES renderer draws into and KMS scans out.
 * It runs on a second, authenticated open of the device ({@link DrmDevice#openAuthenticated}),
 * so Mesa's GEM handles (its buffers, the client dma-bufs EGL imports) and ours for KMS never
 * share a namespace: a buffer's dma-buf is imported into the KMS fd with PRIME for ADDFB2.
 */
final class GbmDevice implements AutoCloseable {
    private final DrmDevice drm;
    private final OwnedFd fd;
    private final long device;
    private final String backendName;
    private boolean closed;

    private GbmDevice(DrmDevice drm, OwnedFd fd, long device, String backendName) {
        this.drm = drm;
        this.fd = fd;
        this.device = device;
        this.backendName = backendName;
    }

    /** A GBM device for {@code drm}, or the reason there is none. */
    static GbmDevice create(DrmDevice drm) throws GbmException {
        OwnedFd fd;
        try {
            fd = drm.openAuthenticated();
        } catch (OsException e) {
            throw new GbmException("cannot open " + drm.path + " for GBM: " + e.getMessage());
        }
        long device;
        try {
            device = Gbm.gbm_create_device(fd.get());
        } catch (LinkageError e) {
            fd.close();
            throw new GbmException("libgbm.so.1 cannot be loaded (install Debian's libgbm1): " + e.getMessage());
        }
        if (device == 0) {
            fd.close();
            throw new GbmException("gbm_create_device failed on " + drm.path);
        }
        long name = Gbm.gbm_device_get_backend_name(device);
        return new GbmDevice(drm, fd, device, name == 0 ? "?" : new Pointer(name).getString(0));
    }

    /** The gbm_device pointer, EGL's native display on the GBM platform. */
    long pointer() {
        return device;
    }

    String backendName() {
        return backendName;
    }

    /**
     * A buffer the display can scan out and GL can render into, with its KMS framebuffer; the
     * format is a DRM fourcc (GBM's formats are the same codes).
     */
    GbmBuffer createScanoutBuffer(int width, int height, int format) throws GbmException {
        long bo = Gbm.gbm_bo_create(device, width, height, format, Gbm.BO_USE_SCANOUT | Gbm.BO_USE_RENDERING);
        if (bo == 0) throw new GbmException("gbm_bo_create(" + width + "x" + height + ", scanout and rendering) failed");
        OwnedFd dmabuf = null;
        int handle = 0;
        try {
            if (Gbm.gbm_bo_get_plane_count(bo) != 1) throw new GbmException("the buffer has " + Gbm.gbm_bo_get_plane_count(bo) + " planes; one was expected");
            int stride = Gbm.gbm_bo_get_stride(bo), offset = Gbm.gbm_bo_get_offset(bo, 0);
            long modifier = Gbm.gbm_bo_get_modifier(bo);
            int fd = Gbm.gbm_bo_get_fd(bo);
            if (fd < 0) throw new GbmException("gbm_bo_get_fd failed: the buffer cannot be shared as a dma-buf");
            dmabuf = new OwnedFd(fd);
            int fb;
            try {
                handle = Drm.primeFdToHandle(drm.fd, dmabuf);
                fb = drm.addFramebuffer(width, height, format, new int[] {handle}, new int[] {stride}, new int[] {offset}, modifier);
            } catch (OsException e) {
                throw new GbmException("no KMS framebuffer for a GBM buffer: " + e.getMessage());
            }
            return new GbmBuffer(this, bo, width, height, format, handle, stride, offset, modifier, dmabuf, fb);
        } catch (GbmException | RuntimeException e) {
            if (handle != 0) Drm.gemClose(drm.fd, handle);
            if (dmabuf != null) dmabuf.close();
            Gbm.gbm_bo_destroy(bo);
            throw e;
        }
    }

    void destroy(GbmBuffer b) {
        drm.removeFramebuffer(b.framebuffer);
        Drm.gemClose(drm.fd, b.handle);
        b.dmabuf.close();
        Gbm.gbm_bo_destroy(b.bo);
    }

    /** After every buffer made here is destroyed and EGL's display on it is terminated. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        Gbm.gbm_device_destroy(device);
        fd.close();
    }

    /** One buffer object: its layout for EGL's dma-buf import and for KMS. */
    static final class GbmBuffer implements AutoCloseable {
        private final GbmDevice owner;
        final long bo;
        final int width, height, format, stride, offset, framebuffer;
        final int handle;             // the GEM handle on the KMS fd (PRIME-imported), ours to close
        final long modifier;          // Drm.MOD_INVALID: the driver's implicit layout
        final OwnedFd dmabuf;
        private boolean closed;

        GbmBuffer(GbmDevice owner, long bo, int width, int height, int format, int handle, int stride, int offset, long modifier, OwnedFd dmabuf, int framebuffer) {
            this.owner = owner;
            this.bo = bo;
            this.width = width;
            this.height = height;
            this.format = format;
            this.handle = handle;
            this.stride = stride;
            this.offset = offset;
            this.modifier = modifier;
            this.dmabuf = dmabuf;
            this.framebuffer = framebuffer;
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            owner.destroy(this);
        }

        @Override
        public String toString() {
            return width + "x" + height + " GBM buffer (stride " + stride + ", modifier 0x" + Long.toHexString(modifier) + ", framebuffer " + framebuffer + ")";
        }
    }

    /** GBM cannot be used here; the message says why. */
    static final class GbmException extends Exception {
        GbmException(String message) {
            super(message);
        }
    }
}
