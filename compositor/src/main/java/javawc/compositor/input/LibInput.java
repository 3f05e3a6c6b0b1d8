package javawc.compositor.input;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Direct-mapped libinput entry points (JNA {@code Native.register} on libinput.so.10, Debian's
 * libinput10), pointers as {@code long}. Loading this class fails with a {@link LinkageError}
 * when the library is missing; {@link LibinputDevices#start} turns that into a log line.
 * Constants are the values of libinput.h's enums (1.22).
 */
final class LibInput {
    static {
        Native.register("libinput.so.10");
    }

    private LibInput() {}

    // enum libinput_event_type
    static final int EVENT_DEVICE_ADDED = 1, EVENT_DEVICE_REMOVED = 2, EVENT_KEYBOARD_KEY = 300,
            EVENT_POINTER_MOTION = 400, EVENT_POINTER_MOTION_ABSOLUTE = 401, EVENT_POINTER_BUTTON = 402,
            EVENT_POINTER_AXIS = 403, EVENT_POINTER_SCROLL_WHEEL = 404, EVENT_POINTER_SCROLL_FINGER = 405,
            EVENT_POINTER_SCROLL_CONTINUOUS = 406, EVENT_TOUCH_DOWN = 500, EVENT_TOUCH_UP = 501, EVENT_TOUCH_MOTION = 502,
            EVENT_TOUCH_CANCEL = 503, EVENT_TOUCH_FRAME = 504, EVENT_GESTURE_SWIPE_BEGIN = 800, EVENT_GESTURE_SWIPE_UPDATE = 801,
            EVENT_GESTURE_SWIPE_END = 802, EVENT_GESTURE_PINCH_BEGIN = 803, EVENT_GESTURE_PINCH_UPDATE = 804,
            EVENT_GESTURE_PINCH_END = 805, EVENT_GESTURE_HOLD_BEGIN = 806, EVENT_GESTURE_HOLD_END = 807;
    // enum libinput_device_capability
    static final int CAP_KEYBOARD = 0, CAP_POINTER = 1, CAP_TOUCH = 2, CAP_TABLET_TOOL = 3, CAP_TABLET_PAD = 4,
            CAP_GESTURE = 5, CAP_SWITCH = 6;
    // enum libinput_key_state, libinput_button_state
    static final int STATE_RELEASED = 0, STATE_PRESSED = 1;
    // enum libinput_pointer_axis
    static final int AXIS_SCROLL_VERTICAL = 0, AXIS_SCROLL_HORIZONTAL = 1;

    /** struct libinput_interface's open_restricted: a new fd, or a negative errno. */
    interface OpenRestricted extends Callback {
        int open(String path, int flags, Pointer userData);
    }

    /** struct libinput_interface's close_restricted. */
    interface CloseRestricted extends Callback {
        void close(int fd, Pointer userData);
    }

    static native long libinput_udev_create_context(long iface, long userData, long udev);
    static native int libinput_udev_assign_seat(long libinput, String seatId);
    static native long libinput_unref(long libinput);
    static native int libinput_get_fd(long libinput);
    static native int libinput_dispatch(long libinput);
    static native long libinput_get_event(long libinput);
    static native int libinput_suspend(long libinput);
    static native int libinput_resume(long libinput);

    static native int libinput_event_get_type(long event);
    static native long libinput_event_get_device(long event);
    static native void libinput_event_destroy(long event);
    static native String libinput_device_get_name(long device);
    static native String libinput_device_get_sysname(long device);
    static native int libinput_device_has_capability(long device, int capability);

    static native long libinput_event_get_keyboard_event(long event);
    static native int libinput_event_keyboard_get_time(long keyboardEvent);
    static native int libinput_event_keyboard_get_key(long keyboardEvent);
    static native int libinput_event_keyboard_get_key_state(long keyboardEvent);
    static native int libinput_event_keyboard_get_seat_key_count(long keyboardEvent);

    static native long libinput_event_get_pointer_event(long event);
    static native int libinput_event_pointer_get_time(long pointerEvent);
    static native double libinput_event_pointer_get_dx(long pointerEvent);
    static native double libinput_event_pointer_get_dy(long pointerEvent);
    static native double libinput_event_pointer_get_dx_unaccelerated(long pointerEvent);
    static native double libinput_event_pointer_get_dy_unaccelerated(long pointerEvent);
    static native long libinput_event_pointer_get_time_usec(long pointerEvent);
    static native double libinput_event_pointer_get_absolute_x_transformed(long pointerEvent, int width);
    static native double libinput_event_pointer_get_absolute_y_transformed(long pointerEvent, int height);
    static native int libinput_event_pointer_get_button(long pointerEvent);
    static native int libinput_event_pointer_get_button_state(long pointerEvent);
    static native int libinput_event_pointer_get_seat_button_count(long pointerEvent);
    static native int libinput_event_pointer_has_axis(long pointerEvent, int axis);
    static native double libinput_event_pointer_get_scroll_value(long pointerEvent, int axis);
    static native double libinput_event_pointer_get_scroll_value_v120(long pointerEvent, int axis);

    static native long libinput_event_get_gesture_event(long event);
    static native int libinput_event_gesture_get_time(long gestureEvent);
    static native int libinput_event_gesture_get_finger_count(long gestureEvent);
    static native int libinput_event_gesture_get_cancelled(long gestureEvent);
    static native double libinput_event_gesture_get_dx(long gestureEvent);
    static native double libinput_event_gesture_get_dy(long gestureEvent);
    static native double libinput_event_gesture_get_scale(long gestureEvent);
    static native double libinput_event_gesture_get_angle_delta(long gestureEvent);

    static native long libinput_event_get_touch_event(long event);
    static native int libinput_event_touch_get_time(long touchEvent);
    static native int libinput_event_touch_get_seat_slot(long touchEvent);
    static native double libinput_event_touch_get_x_transformed(long touchEvent, int width);
    static native double libinput_event_touch_get_y_transformed(long touchEvent, int height);
}
