package javawc.compositor.session;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Direct-mapped libseat entry points (JNA {@code Native.register} on libseat.so.1, Debian's
 * libseat1), pointers as {@code long}. Loading this class fails with a {@link LinkageError}
 * when the library is missing; {@link LibseatSession#open} turns that into an explanation.
 */
final class LibSeat {
    static {
        Native.register("libseat.so.1");
    }

    private LibSeat() {}

    /** enum libseat_log_level: LIBSEAT_LOG_LEVEL_ERROR. */
    static final int LOG_LEVEL_ERROR = 1;

    /** struct libseat_seat_listener's enable_seat and disable_seat. */
    interface SeatCallback extends Callback {
        void invoke(Pointer seat, Pointer userData);
    }

    static native long libseat_open_seat(long listener, long userData);
    static native int libseat_disable_seat(long seat);
    static native int libseat_close_seat(long seat);
    static native int libseat_open_device(long seat, String path, int[] fd);
    static native int libseat_close_device(long seat, int deviceId);
    static native String libseat_seat_name(long seat);
    static native int libseat_switch_session(long seat, int session);
    static native int libseat_get_fd(long seat);
    static native int libseat_dispatch(long seat, int timeoutMs);
    static native void libseat_set_log_level(int level);
}
