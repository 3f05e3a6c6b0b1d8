package javawc.compositor.session;

import com.sun.jna.CallbackReference;
import com.sun.jna.Memory;
import javawc.os.Epoll;
import javawc.os.LibC;
import javawc.os.OsException;
import javawc.server.EventLoop;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A seat session through libseat, for running as an ordinary user: the seat manager (seatd, or
 * logind through libseat's logind backend) opens the DRM card and the input devices for us,
 * makes us DRM master, and owns the VT (graphics mode, console keyboard off, VT switching).
 * When it switches the session away it disables the seat: we stop drawing and close the input
 * devices ({@link Listener#disabled}), then acknowledge, after which it revokes what we hold.
 * When the session is ours again it enables the seat ({@link Listener#enabled}): the input
 * devices are opened again and the outputs repainted. Ctrl+Alt+Fn asks it for the switch.
 * libseat's socket is on the event loop; its callbacks run inside libseat_dispatch there.
 */
public final class LibseatSession implements DeviceAccess, Session, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(LibseatSession.class);
    private static final int ENABLE_WAIT_MS = 5000;

    /** What the compositor does when the seat goes away and comes back. */
    public interface Listener {
        void disabled();

        void enabled();
    }

    private final LibSeat.SeatCallback enable = (s, data) -> enabled();   // strongly held: libseat keeps the pointers
    private final LibSeat.SeatCallback disable = (s, data) -> disabled();
    private final Memory listenerStruct = new Memory(16);                  // struct libseat_seat_listener
    private final Map<Integer, Integer> deviceIds = new HashMap<>();       // fd -> libseat device id
    private final int[] fdOut = new int[1];
    private long seat;
    private boolean active;
    private Listener listener;
    private EventLoop.Source source;

    private LibseatSession() {
        listenerStruct.setPointer(0, CallbackReference.getFunctionPointer(enable));
        listenerStruct.setPointer(8, CallbackReference.getFunctionPointer(disable));
    }

    /**
     * Opens a seat through libseat and waits until it is ours (enabled); the exception says why
     * not: no libseat, no seat manager reachable (seatd not running, no logind session), or the
     * seat not handed over in time (another session is active).
     */
    public static LibseatSession open() throws IOException {
        LibseatSession s;
        try {
            s = new LibseatSession();
            LibSeat.libseat_set_log_level(LibSeat.LOG_LEVEL_ERROR); // its errors on our stderr, with the log
        } catch (LinkageError e) {
            throw new IOException("libseat.so.1 cannot be loaded (" + e.getMessage() + "); install libseat1");
        }
        s.seat = LibSeat.libseat_open_seat(com.sun.jna.Pointer.nativeValue(s.listenerStruct), 0);
        if (s.seat == 0) {
            throw new IOException("libseat cannot open a seat (" + LibC.describe(LibC.errno())
                    + "): start seatd (and join the group its socket belongs to) or log in through logind");
        }
        long deadline = System.nanoTime() + ENABLE_WAIT_MS * 1_000_000L;
        while (!s.active && System.nanoTime() < deadline) {
            if (LibSeat.libseat_dispatch(s.seat, 100) < 0) {
                int errno = LibC.errno();
                s.close();
                throw new IOException("libseat: " + LibC.describe(errno));
            }
        }
        if (!s.active) {
            s.close();
            throw new IOException("the seat manager did not hand over the seat within " + ENABLE_WAIT_MS + " ms (is another session active on it?)");
        }
        LOG.info("seat {} opened through libseat: devices are opened by the seat manager", LibSeat.libseat_seat_name(s.seat));
        return s;
    }

    /** Puts libseat's socket on {@code loop}; from now on seat changes reach {@code listener}. */
    public void start(EventLoop loop, Listener listener) throws OsException {
        this.listener = listener;
        source = loop.add(LibSeat.libseat_get_fd(seat), Epoll.IN, events -> {
            if (LibSeat.libseat_dispatch(seat, 0) < 0) LOG.error("libseat: {}", LibC.describe(LibC.errno()));
        });
    }

    private void enabled() {
        if (active) return;
        active = true;
        if (listener == null) return; // still in open()
        LOG.info("seat enabled: the session is ours again");
        listener.enabled();
    }

    private void disabled() {
        if (!active) return;
        active = false;
        if (listener != null) {
            LOG.info("seat disabled: the session is switched away");
            listener.disabled();
        }
        // acknowledged once we no longer use the devices: the seat manager then revokes them
        if (LibSeat.libseat_disable_seat(seat) < 0) LOG.warn("libseat_disable_seat: {}", LibC.describe(LibC.errno()));
    }

    @Override
    public int open(String path, int flags) {
        int id = LibSeat.libseat_open_device(seat, path, fdOut);
        if (id < 0) {
            int errno = LibC.errno();
            return -(errno != 0 ? errno : LibC.EACCES);
        }
        deviceIds.put(fdOut[0], id);
        return fdOut[0];
    }

    @Override
    public void close(int fd) {
        Integer id = deviceIds.remove(fd);
        if (id != null && LibSeat.libseat_close_device(seat, id) < 0) LOG.warn("libseat_close_device: {}", LibC.describe(LibC.errno()));
        LibC.close(fd); // libseat gives the device back, the fd stays ours to close
    }

    @Override
    public boolean managesDrmMaster() {
        return true;
    }

    @Override
    public boolean switchTo(int vt) {
        if (!active) return true;
        LOG.info("asking the seat manager to switch to session (VT) {}", vt);
        if (LibSeat.libseat_switch_session(seat, vt) < 0) LOG.warn("libseat_switch_session({}): {}", vt, LibC.describe(LibC.errno()));
        return true;
    }

    @Override
    public String toString() {
        return "opened through libseat";
    }

    @Override
    public void close() {
        if (source != null) source.remove();
        source = null;
        if (seat == 0) return;
        for (var e : deviceIds.entrySet()) {
            LibSeat.libseat_close_device(seat, e.getValue());
            LibC.close(e.getKey());
        }
        deviceIds.clear();
        LibSeat.libseat_close_seat(seat);
        seat = 0;
    }
}
