package javawc.compositor.backend.drm;

import javawc.os.LibC;
import javawc.os.NativeBuffer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The text console we were started from, if stdin is one: switched to graphics mode while we
 * scan out (so the kernel stops drawing its cursor and messages over our frames) and back to
 * what it was on close, on SIGINT/SIGTERM (the normal close path) and from a shutdown hook
 * when the JVM exits some other way.
 */
final class VirtualTerminal implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(VirtualTerminal.class);
    private static final long VT_GETSTATE = 0x5603, KDGETMODE = 0x4B3B, KDSETMODE = 0x4B3A;
    private static final int KD_GRAPHICS = 1;

    private final int fd;
    private final int previousMode;
    private final Thread hook = new Thread(this::restore, "vt-restore");
    private boolean restored;

    private VirtualTerminal(int fd, int previousMode) {
        this.fd = fd;
        this.previousMode = previousMode;
    }

    /** Takes over stdin's VT, or returns null when stdin is not a VT (ssh, serial console, tests). */
    static VirtualTerminal takeOver() {
        NativeBuffer state = new NativeBuffer(8);
        if (LibC.ioctl(0, VT_GETSTATE, state.address()) < 0) return null;
        NativeBuffer mode = new NativeBuffer(8);
        if (LibC.ioctl(0, KDGETMODE, mode.address()) < 0) return null;
        VirtualTerminal vt = new VirtualTerminal(0, mode.buffer().getInt(0));
        if (LibC.ioctl(0, KDSETMODE, KD_GRAPHICS) < 0) {
            LOG.warn("cannot put VT {} in graphics mode: {}", state.buffer().getShort(0), LibC.describe(LibC.errno()));
            return null;
        }
        Runtime.getRuntime().addShutdownHook(vt.hook);
        LOG.info("VT {} in graphics mode", state.buffer().getShort(0));
        return vt;
    }

    private synchronized void restore() {
        if (restored) return;
        restored = true;
        if (LibC.ioctl(fd, KDSETMODE, previousMode) < 0) LOG.warn("cannot restore the VT's mode: {}", LibC.describe(LibC.errno()));
    }

    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down: the hook runs, and restore() is idempotent
        }
    }
}
