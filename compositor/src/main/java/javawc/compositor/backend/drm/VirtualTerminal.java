package javawc.compositor.backend.drm;

import javawc.os.LibC;
import javawc.os.NativeBuffer;
import javawc.server.EventLoop;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The text console we were started from, if stdin is one: switched to graphics mode while we
 * scan out (so the kernel stops drawing its cursor and messages over our frames); its keyboard
 * switched off while we read the keyboards ourselves ({@link #keyboardOff}, so keys do not also
 * reach the console, or a shell behind it, as typed text or Ctrl+C); and VT switches
 * made ours to control ({@link #controlSwitching}): the kernel asks before switching away
 * (SIGURG) and tells us when we are back (SIGIO), so we can let go of the display and the
 * input devices first. All of it is put back as it was on close, on SIGINT/SIGTERM (the
 * normal close path) and from a shutdown hook when the JVM exits some other way.
 */
public final class VirtualTerminal implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(VirtualTerminal.class);
    // linux/vt.h and linux/kd.h
    private static final long VT_GETMODE = 0x5601, VT_SETMODE = 0x5602, VT_GETSTATE = 0x5603, VT_RELDISP = 0x5605, VT_ACTIVATE = 0x5606,
            KDGETMODE = 0x4B3B, KDSETMODE = 0x4B3A, KDGKBMODE = 0x4B44, KDSKBMODE = 0x4B45;
    private static final int KD_GRAPHICS = 1, K_OFF = 4, VT_AUTO = 0, VT_PROCESS = 1, VT_ACKACQ = 2;
    /** The signals the kernel sends for a switch away (relsig) and back (acqsig): ones the JVM and our other handlers leave alone. */
    private static final int SIGURG = 23, SIGIO = 29;
    private static final int TTY_MAJOR = 4;

    private final int fd;
    private final int number;
    private final int previousMode;
    private final Thread hook = new Thread(this::restore, "vt-restore");
    private int previousKeyboardMode = -1; // -1: untouched
    private NativeBuffer previousVtMode;    // struct vt_mode before VT_PROCESS; null: untouched
    private boolean restored;

    private VirtualTerminal(int fd, int number, int previousMode) {
        this.fd = fd;
        this.number = number;
        this.previousMode = previousMode;
    }

    /** Takes over stdin's VT, or returns null when stdin is not a VT (ssh, serial console, tests). */
    static VirtualTerminal takeOver() {
        NativeBuffer state = new NativeBuffer(8);
        if (LibC.ioctl(0, VT_GETSTATE, state.address()) < 0) return null;
        NativeBuffer mode = new NativeBuffer(8);
        if (LibC.ioctl(0, KDGETMODE, mode.address()) < 0) return null;
        int number = vtNumber(0);
        if (number <= 0) number = state.buffer().getShort(0); // not a /dev/ttyN (a /dev/tty0 or /dev/console): the active one
        VirtualTerminal vt = new VirtualTerminal(0, number, mode.buffer().getInt(0));
        if (LibC.ioctl(0, KDSETMODE, KD_GRAPHICS) < 0) {
            LOG.warn("cannot put VT {} in graphics mode: {}", number, LibC.describe(LibC.errno()));
            return null;
        }
        Runtime.getRuntime().addShutdownHook(vt.hook);
        LOG.info("VT {} in graphics mode", number);
        return vt;
    }

    /** The VT number of the tty open on {@code fd} (minor of /dev/ttyN), or 0 when it is not one. */
    private static int vtNumber(int fd) {
        NativeBuffer st = new NativeBuffer(144); // struct stat on x86_64; st_rdev at offset 40
        if (LibC.fstat(fd, st.address()) < 0) return 0;
        long rdev = st.buffer().getLong(40);
        long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
        long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
        return major == TTY_MAJOR && minor >= 1 && minor <= 63 ? (int) minor : 0;
    }

    /** Our VT's number (N of /dev/ttyN). */
    public int number() {
        return number;
    }

    /** Stops the console from taking keys (K_OFF): we read the keyboards through libinput. Put back on close. */
    public synchronized void keyboardOff() {
        if (restored || previousKeyboardMode >= 0) return;
        NativeBuffer mode = new NativeBuffer(8);
        if (LibC.ioctl(fd, KDGKBMODE, mode.address()) < 0 || LibC.ioctl(fd, KDSKBMODE, K_OFF) < 0) {
            LOG.warn("cannot switch VT {}'s keyboard off: {}; keys also reach the console", number, LibC.describe(LibC.errno()));
            return;
        }
        previousKeyboardMode = mode.buffer().getInt(0);
        LOG.info("VT {}: console keyboard off (keys go to the compositor only)", number);
    }

    /**
     * Makes VT switches ours to control (VT_PROCESS): a switch away waits until {@code release}
     * has run and called {@link #releaseDisplay}; when the VT is ours again, {@code acquire}
     * runs and must call {@link #acknowledgeAcquire}. Both run on {@code loop}'s thread. Call
     * it on the thread that runs the loop: the kernel signals the thread that asked, and stops
     * if that thread is gone. False when the kernel refused (switches then happen under us).
     */
    public synchronized boolean controlSwitching(EventLoop loop, Runnable release, Runnable acquire) {
        loop.onSignal("URG", release); // handlers first: SIGIO's default action would end the process
        loop.onSignal("IO", acquire);
        NativeBuffer old = new NativeBuffer(8), process = new NativeBuffer(8);
        if (LibC.ioctl(fd, VT_GETMODE, old.address()) < 0) {
            LOG.warn("VT {}: VT_GETMODE failed: {}; VT switches are not ours to control", number, LibC.describe(LibC.errno()));
            return false;
        }
        // struct vt_mode: char mode, char waitv, short relsig, short acqsig, short frsig
        process.buffer().put(0, (byte) VT_PROCESS).put(1, (byte) 0).putShort(2, (short) SIGURG).putShort(4, (short) SIGIO).putShort(6, (short) 0);
        if (LibC.ioctl(fd, VT_SETMODE, process.address()) < 0) {
            LOG.warn("VT {}: VT_SETMODE VT_PROCESS failed: {}; VT switches are not ours to control", number, LibC.describe(LibC.errno()));
            return false;
        }
        previousVtMode = old;
        return true;
    }

    /** Asks the kernel to switch to VT {@code target}; false (logged) when it refused. */
    public boolean activate(int target) {
        if (LibC.ioctl(fd, VT_ACTIVATE, target) == 0) return true;
        LOG.warn("cannot switch to VT {}: {}", target, LibC.describe(LibC.errno()));
        return false;
    }

    /** Lets a requested switch away go ahead (VT_RELDISP 1). */
    public void releaseDisplay() {
        if (LibC.ioctl(fd, VT_RELDISP, 1) < 0) LOG.warn("VT {}: VT_RELDISP failed: {}", number, LibC.describe(LibC.errno()));
    }

    /** Acknowledges that the VT is ours again (VT_RELDISP VT_ACKACQ). */
    public void acknowledgeAcquire() {
        if (LibC.ioctl(fd, VT_RELDISP, VT_ACKACQ) < 0) LOG.warn("VT {}: VT_RELDISP VT_ACKACQ failed: {}", number, LibC.describe(LibC.errno()));
    }

    private synchronized void restore() {
        if (restored) return;
        restored = true;
        if (previousKeyboardMode >= 0 && LibC.ioctl(fd, KDSKBMODE, previousKeyboardMode) < 0) {
            LOG.warn("cannot restore the VT's keyboard mode: {}", LibC.describe(LibC.errno()));
        }
        if (LibC.ioctl(fd, KDSETMODE, previousMode) < 0) LOG.warn("cannot restore the VT's mode: {}", LibC.describe(LibC.errno()));
        if (previousVtMode != null) {
            if (previousVtMode.buffer().get(0) == VT_PROCESS) previousVtMode.buffer().put(0, (byte) VT_AUTO); // it was ours
            if (LibC.ioctl(fd, VT_SETMODE, previousVtMode.address()) < 0) LOG.warn("cannot give VT switching back to the kernel: {}", LibC.describe(LibC.errno()));
        }
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
