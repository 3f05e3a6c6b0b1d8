package javawc.os;

/**
 * The DRM ioctls that both sides of linux-dmabuf need, with the kernel's struct layouts
 * (drm.h, drm_mode.h, dma-buf.h on x86_64): dumb buffers, PRIME export and import, GEM handle
 * release, and the CPU access bracket of a dma-buf. Compositor and clients share these; the
 * KMS-only calls live with the compositor's DRM backend.
 */
public final class Drm {
    public static final long CREATE_DUMB = 0xc02064b2L, MAP_DUMB = 0xc01064b3L, DESTROY_DUMB = 0xc00464b4L,
            PRIME_HANDLE_TO_FD = 0xc00c642dL, PRIME_FD_TO_HANDLE = 0xc00c642eL, GEM_CLOSE = 0x40086409L,
            DMA_BUF_IOCTL_SYNC = 0x40086200L;
    public static final int DMA_BUF_SYNC_READ = 1, DMA_BUF_SYNC_WRITE = 2, DMA_BUF_SYNC_START = 0, DMA_BUF_SYNC_END = 4;
    /** Format modifiers (drm_fourcc.h): linear, and "none given" (the driver's implicit layout). */
    public static final long MOD_LINEAR = 0, MOD_INVALID = 0x00ffffffffffffffL;
    /** fourcc codes (little-endian ASCII). */
    public static final int FORMAT_XRGB8888 = 0x34325258, FORMAT_ARGB8888 = 0x34325241, FORMAT_XBGR8888 = 0x34324258, FORMAT_ABGR8888 = 0x34324241;

    private Drm() {}

    /** Issues {@code request}, retrying on EINTR/EAGAIN as libdrm's drmIoctl does. */
    public static void ioctl(OwnedFd fd, long request, NativeBuffer arg, String what) throws OsException {
        while (true) {
            if (LibC.ioctl(fd.get(), request, arg.address()) >= 0) return;
            int errno = LibC.errno();
            if (errno != LibC.EINTR && errno != LibC.EAGAIN) throw new OsException(what, errno);
        }
    }

    /** A dumb buffer as CREATE_DUMB made it. */
    public record Dumb(int handle, int pitch, long size) {}

    public static Dumb createDumb(OwnedFd device, int width, int height, int bpp) throws OsException {
        NativeBuffer b = new NativeBuffer(32);
        b.buffer().putInt(0, height).putInt(4, width).putInt(8, bpp);
        ioctl(device, CREATE_DUMB, b, "DRM_IOCTL_MODE_CREATE_DUMB");
        return new Dumb(b.buffer().getInt(16), b.buffer().getInt(20), b.buffer().getLong(24));
    }

    /** The fake offset to mmap a dumb buffer at, on the device fd. */
    public static long mapDumbOffset(OwnedFd device, int handle) throws OsException {
        NativeBuffer b = new NativeBuffer(16);
        b.buffer().putInt(0, handle);
        ioctl(device, MAP_DUMB, b, "DRM_IOCTL_MODE_MAP_DUMB");
        return b.buffer().getLong(8);
    }

    public static void destroyDumb(OwnedFd device, int handle) throws OsException {
        NativeBuffer b = new NativeBuffer(4);
        b.buffer().putInt(0, handle);
        ioctl(device, DESTROY_DUMB, b, "DRM_IOCTL_MODE_DESTROY_DUMB");
    }

    /** Exports a GEM object as a dma-buf fd (close-on-exec, read-write so the importer may map it). */
    public static OwnedFd primeHandleToFd(OwnedFd device, int handle) throws OsException {
        NativeBuffer b = new NativeBuffer(12);
        b.buffer().putInt(0, handle).putInt(4, LibC.O_CLOEXEC | LibC.O_RDWR).putInt(8, -1);
        ioctl(device, PRIME_HANDLE_TO_FD, b, "DRM_IOCTL_PRIME_HANDLE_TO_FD");
        return new OwnedFd(b.buffer().getInt(8));
    }

    /**
     * Imports a dma-buf into {@code device}; the handle must be released with {@link #gemClose}.
     * Importing the same buffer twice gives the same handle (the kernel counts one reference).
     */
    public static int primeFdToHandle(OwnedFd device, OwnedFd dmabuf) throws OsException {
        NativeBuffer b = new NativeBuffer(12);
        b.buffer().putInt(8, dmabuf.get());
        ioctl(device, PRIME_FD_TO_HANDLE, b, "DRM_IOCTL_PRIME_FD_TO_HANDLE");
        return b.buffer().getInt(0);
    }

    public static void gemClose(OwnedFd device, int handle) {
        NativeBuffer b = new NativeBuffer(8);
        b.buffer().putInt(0, handle);
        LibC.ioctl(device.get(), GEM_CLOSE, b.address());
    }

    /** Brackets CPU access to a mapped dma-buf: {@code flags} is START or END plus READ and/or WRITE. */
    public static void syncDmabuf(OwnedFd dmabuf, int flags) throws OsException {
        NativeBuffer b = new NativeBuffer(8);
        b.buffer().putLong(0, flags);
        ioctl(dmabuf, DMA_BUF_IOCTL_SYNC, b, "DMA_BUF_IOCTL_SYNC");
    }

    /** The device number (st_rdev) of a character device fd: what linux-dmabuf feedback calls a dev_t. */
    public static long deviceNumber(OwnedFd fd) throws OsException {
        NativeBuffer b = new NativeBuffer(144);
        if (LibC.fstat(fd.get(), b.address()) < 0) throw OsException.last("fstat");
        return b.buffer().getLong(40); // st_rdev on x86_64
    }

    /** st_rdev of a path, or -1 if it cannot be stat'ed. */
    public static long deviceNumber(String path) {
        NativeBuffer b = new NativeBuffer(144);
        return LibC.stat(path, b.address()) < 0 ? -1 : b.buffer().getLong(40);
    }

    public static int major(long dev) {
        return (int) ((dev >>> 8 & 0xfff) | (dev >>> 32 & ~0xfffL));
    }

    public static int minor(long dev) {
        return (int) ((dev & 0xff) | (dev >>> 12 & ~0xffL));
    }
}
