package javawc.compositor.input;

import com.sun.jna.CallbackReference;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Scene;
import javawc.compositor.seat.Seat;
import javawc.compositor.session.DeviceAccess;
import javawc.os.Epoll;
import javawc.os.LibC;
import javawc.server.EventLoop;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Physical input devices through libinput's udev backend on seat "seat0": keyboards, mice,
 * touchpads and absolute pointers (tablets, QEMU's virtio tablet). Their events go through
 * the seat's {@link javawc.compositor.seat.Keyboard} and {@link javawc.compositor.seat.Pointer},
 * the same entry points the test control channel uses: keys (through the keymap's state, and
 * the compositor's key bindings), relative motion (kept inside the outputs by the pointer),
 * absolute motion mapped onto the outputs' bounding box, buttons, and scrolling with its
 * source (wheel with value120, finger, continuous), and touchscreens (each seat slot a touch
 * point, mapped onto the outputs' bounding box; the seat has the touch capability while one is
 * there).
 *
 * <p><b>How devices are opened:</b> directly, with open(2) on the /dev/input/event* node
 * libinput names (libinput's open_restricted callback). That works when the compositor runs
 * as root or as a user in the {@code input} group (the group Debian's udev rules give the
 * nodes). Opening through logind (TakeDevice) or libseat is not implemented, so an ordinary
 * user session without that group has no physical input: the log then names each node that
 * failed and why, and says to run as root, join the {@code input} group, or use
 * {@code --backend headless}. libinput only uses devices that udev has set up (it reads their
 * ID_INPUT_* properties from udev's database), so udev must be running. Without libinput or
 * libudev, or with no usable device at start, the compositor logs why and runs without
 * physical input; devices plugged in later are picked up while libinput runs.
 *
 * <p>On a VT switch away, {@link #suspend} closes every device (libinput releases the keys and
 * buttons still held first, and those releases reach the clients), {@link #resume} opens them
 * again. Everything runs on the event loop's thread; the callbacks run inside libinput calls
 * made there.
 */
public final class LibinputDevices implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(LibinputDevices.class);
    private static final int[] SCROLL_AXES = {LibInput.AXIS_SCROLL_VERTICAL, LibInput.AXIS_SCROLL_HORIZONTAL};

    private final Seat seat;
    private final Scene scene;
    private final LibInput.OpenRestricted open = this::openDevice;   // strongly held: libinput keeps the pointers
    private final LibInput.CloseRestricted close = this::closeDevice;
    private final DeviceAccess access;
    private final Memory iface = new Memory(16);                      // struct libinput_interface
    private final Map<Long, Device> devices = new LinkedHashMap<>(); // by libinput_device pointer
    private final Map<String, String> openFailures = new LinkedHashMap<>();
    private boolean permissionDenied, suspended;
    private long udev, libinput;
    private EventLoop.Source source;

    private record Device(String description, boolean keyboard, boolean touch) {}

    private LibinputDevices(Seat seat, Scene scene, DeviceAccess access) {
        this.seat = seat;
        this.access = access;
        this.scene = scene;
        iface.setPointer(0, CallbackReference.getFunctionPointer(open));
        iface.setPointer(8, CallbackReference.getFunctionPointer(close));
    }

    /**
     * Starts libinput on seat0 with its fd on {@code loop}, the devices opened through
     * {@code access}; null (logged why) when there is no usable input device.
     */
    public static LibinputDevices start(EventLoop loop, Seat seat, Scene scene, DeviceAccess access) {
        LibinputDevices d;
        try {
            d = new LibinputDevices(seat, scene, access);
            String problem = d.open(loop);
            if (problem == null) return d;
            d.close();
        } catch (LinkageError e) {
            LOG.warn("no physical input: libinput.so.10 or libudev.so.1 cannot be loaded ({}); install libinput10 and libudev1", e.getMessage());
            return null;
        }
        return null;
    }

    /** Creates the context, assigns the seat, takes the devices; returns null on success, else what was logged. */
    private String open(EventLoop loop) {
        udev = LibUdev.udev_new();
        if (udev == 0) return warn("udev_new failed");
        libinput = LibInput.libinput_udev_create_context(Pointer.nativeValue(iface), 0, udev);
        if (libinput == 0) return warn("libinput_udev_create_context failed");
        if (LibInput.libinput_udev_assign_seat(libinput, Seat.NAME) != 0) return warn("libinput cannot enumerate the devices of " + Seat.NAME + " through udev");
        drain(); // the devices found are announced as DEVICE_ADDED events
        if (devices.isEmpty()) {
            if (!openFailures.isEmpty()) return warn(LibinputEvents.openFailures(openFailures, permissionDenied));
            if (!udevRunning()) return warn("libinput found no input devices on " + Seat.NAME + ": udev is not running (no /run/udev/data),"
                    + " and libinput only uses devices udev has set up");
            return warn("libinput found no input devices on " + Seat.NAME);
        }
        if (!openFailures.isEmpty()) LOG.warn("some input devices are not used: {}", LibinputEvents.openFailures(openFailures, permissionDenied));
        try {
            source = loop.add(LibInput.libinput_get_fd(libinput), Epoll.IN, events -> readable());
        } catch (javawc.os.OsException e) {
            return warn("cannot watch libinput's fd: " + e.getMessage());
        }
        LOG.info("libinput on {}: {} input device(s)", Seat.NAME, devices.size());
        return null;
    }

    private static String warn(String why) {
        LOG.warn("no physical input: {}; running without it", why);
        return why;
    }

    private static boolean udevRunning() {
        return Files.isDirectory(Path.of("/run/udev/data"));
    }

    /** Whether a keyboard is among the devices in use. */
    public boolean hasKeyboard() {
        return devices.values().stream().anyMatch(Device::keyboard);
    }

    /** Closes every device (after releasing what they hold) until {@link #resume}. */
    public void suspend() {
        if (suspended) return;
        suspended = true;
        LibInput.libinput_suspend(libinput);
        drain();
        LOG.info("input devices closed");
    }

    /** Opens the devices again. */
    public void resume() {
        if (!suspended) return;
        if (LibInput.libinput_resume(libinput) != 0) LOG.warn("libinput could not take the input devices back");
        drain(); // the devices come back as DEVICE_ADDED events, not logged one by one again
        suspended = false;
        LOG.info("input devices open again: {}", devices.size());
    }

    // ---- libinput_interface ----

    private int openDevice(String path, int flags, Pointer userData) {
        int fd = access.open(path, flags);
        if (fd >= 0) {
            openFailures.remove(path);
            return fd;
        }
        int errno = -fd;
        openFailures.put(path, LibC.describe(errno) + ", " + access);
        if (errno == LibC.EACCES || errno == LibC.EPERM) permissionDenied = true;
        return -errno;
    }

    private void closeDevice(int fd, Pointer userData) {
        access.close(fd);
    }

    // ---- events ----

    private void readable() {
        if (LibInput.libinput_dispatch(libinput) != 0) LOG.warn("libinput_dispatch failed: {}", LibC.describe(LibC.errno()));
        drain();
    }

    private void drain() {
        long event;
        while ((event = LibInput.libinput_get_event(libinput)) != 0) {
            try {
                handle(event);
            } catch (RuntimeException e) {
                LOG.error("input event {} failed", LibInput.libinput_event_get_type(event), e);
            } finally {
                LibInput.libinput_event_destroy(event);
            }
        }
    }

    /** A touchpad gesture, to the seat's gesture protocol. */
    private void gesture(int type, long g) {
        var gestures = seat.gestures();
        int time = LibInput.libinput_event_gesture_get_time(g);
        switch (type) {
            case LibInput.EVENT_GESTURE_SWIPE_BEGIN -> gestures.swipeBegin(time, LibInput.libinput_event_gesture_get_finger_count(g));
            case LibInput.EVENT_GESTURE_SWIPE_UPDATE -> gestures.swipeUpdate(time, LibInput.libinput_event_gesture_get_dx(g), LibInput.libinput_event_gesture_get_dy(g));
            case LibInput.EVENT_GESTURE_SWIPE_END -> gestures.swipeEnd(time, LibInput.libinput_event_gesture_get_cancelled(g) != 0);
            case LibInput.EVENT_GESTURE_PINCH_BEGIN -> gestures.pinchBegin(time, LibInput.libinput_event_gesture_get_finger_count(g));
            case LibInput.EVENT_GESTURE_PINCH_UPDATE -> gestures.pinchUpdate(time, LibInput.libinput_event_gesture_get_dx(g), LibInput.libinput_event_gesture_get_dy(g),
                    LibInput.libinput_event_gesture_get_scale(g), LibInput.libinput_event_gesture_get_angle_delta(g));
            case LibInput.EVENT_GESTURE_PINCH_END -> gestures.pinchEnd(time, LibInput.libinput_event_gesture_get_cancelled(g) != 0);
            case LibInput.EVENT_GESTURE_HOLD_BEGIN -> gestures.holdBegin(time, LibInput.libinput_event_gesture_get_finger_count(g));
            case LibInput.EVENT_GESTURE_HOLD_END -> gestures.holdEnd(time, LibInput.libinput_event_gesture_get_cancelled(g) != 0);
            default -> throw new IllegalArgumentException("not a gesture event: " + type);
        }
    }

    private void handle(long event) {
        int type = LibInput.libinput_event_get_type(event);
        switch (type) {
            case LibInput.EVENT_DEVICE_ADDED -> deviceAdded(LibInput.libinput_event_get_device(event));
            case LibInput.EVENT_DEVICE_REMOVED -> deviceRemoved(LibInput.libinput_event_get_device(event));
            case LibInput.EVENT_KEYBOARD_KEY -> key(LibInput.libinput_event_get_keyboard_event(event));
            case LibInput.EVENT_GESTURE_SWIPE_BEGIN, LibInput.EVENT_GESTURE_SWIPE_UPDATE, LibInput.EVENT_GESTURE_SWIPE_END,
                 LibInput.EVENT_GESTURE_PINCH_BEGIN, LibInput.EVENT_GESTURE_PINCH_UPDATE, LibInput.EVENT_GESTURE_PINCH_END,
                 LibInput.EVENT_GESTURE_HOLD_BEGIN, LibInput.EVENT_GESTURE_HOLD_END -> gesture(type, LibInput.libinput_event_get_gesture_event(event));
            case LibInput.EVENT_POINTER_MOTION -> {
                long p = LibInput.libinput_event_get_pointer_event(event);
                seat.pointer().motionBy(LibInput.libinput_event_pointer_get_dx(p), LibInput.libinput_event_pointer_get_dy(p),
                        LibInput.libinput_event_pointer_get_dx_unaccelerated(p), LibInput.libinput_event_pointer_get_dy_unaccelerated(p),
                        LibInput.libinput_event_pointer_get_time_usec(p));
            }
            case LibInput.EVENT_POINTER_MOTION_ABSOLUTE -> {
                long p = LibInput.libinput_event_get_pointer_event(event);
                Rect area = scene.layoutBounds();
                double x = area.x() + LibInput.libinput_event_pointer_get_absolute_x_transformed(p, area.width());
                double y = area.y() + LibInput.libinput_event_pointer_get_absolute_y_transformed(p, area.height());
                seat.pointer().motionTo(x, y, LibInput.libinput_event_pointer_get_time(p));
            }
            case LibInput.EVENT_POINTER_BUTTON -> {
                long p = LibInput.libinput_event_get_pointer_event(event);
                boolean pressed = LibInput.libinput_event_pointer_get_button_state(p) == LibInput.STATE_PRESSED;
                if (LibinputEvents.reachesSeat(pressed, LibInput.libinput_event_pointer_get_seat_button_count(p))) {
                    seat.pointer().button(LibInput.libinput_event_pointer_get_button(p), pressed, LibInput.libinput_event_pointer_get_time(p));
                }
            }
            case LibInput.EVENT_POINTER_SCROLL_WHEEL, LibInput.EVENT_POINTER_SCROLL_FINGER, LibInput.EVENT_POINTER_SCROLL_CONTINUOUS ->
                    scroll(type, LibInput.libinput_event_get_pointer_event(event));
            case LibInput.EVENT_TOUCH_DOWN, LibInput.EVENT_TOUCH_MOTION -> {
                long t = LibInput.libinput_event_get_touch_event(event);
                Rect area = scene.layoutBounds();
                double x = area.x() + LibInput.libinput_event_touch_get_x_transformed(t, area.width());
                double y = area.y() + LibInput.libinput_event_touch_get_y_transformed(t, area.height());
                int id = LibInput.libinput_event_touch_get_seat_slot(t), time = LibInput.libinput_event_touch_get_time(t);
                if (type == LibInput.EVENT_TOUCH_DOWN) seat.touch().down(id, x, y, time);
                else seat.touch().motion(id, x, y, time);
            }
            case LibInput.EVENT_TOUCH_UP -> {
                long t = LibInput.libinput_event_get_touch_event(event);
                seat.touch().up(LibInput.libinput_event_touch_get_seat_slot(t), LibInput.libinput_event_touch_get_time(t));
            }
            case LibInput.EVENT_TOUCH_CANCEL -> seat.touch().cancel();
            case LibInput.EVENT_TOUCH_FRAME -> seat.touch().frame();
            default -> { } // POINTER_AXIS duplicates the scroll events above; tablets, gestures, switches are not used yet
        }
    }

    private void key(long k) {
        boolean pressed = LibInput.libinput_event_keyboard_get_key_state(k) == LibInput.STATE_PRESSED;
        if (!LibinputEvents.reachesSeat(pressed, LibInput.libinput_event_keyboard_get_seat_key_count(k))) return;
        seat.keyboard().key(LibInput.libinput_event_keyboard_get_key(k), pressed, LibInput.libinput_event_keyboard_get_time(k));
    }

    private void scroll(int type, long p) {
        int source = LibinputEvents.axisSource(type), time = LibInput.libinput_event_pointer_get_time(p);
        for (int axis : SCROLL_AXES) {
            if (LibInput.libinput_event_pointer_has_axis(p, axis) == 0) continue;
            double value = LibInput.libinput_event_pointer_get_scroll_value(p, axis);
            int value120 = type == LibInput.EVENT_POINTER_SCROLL_WHEEL
                    ? LibinputEvents.value120(LibInput.libinput_event_pointer_get_scroll_value_v120(p, axis)) : 0;
            seat.pointer().axis(source, LibinputEvents.wlAxis(axis), value, value120, time);
        }
    }

    private void deviceAdded(long device) {
        StringJoiner caps = new StringJoiner(", ");
        boolean keyboard = LibInput.libinput_device_has_capability(device, LibInput.CAP_KEYBOARD) != 0;
        if (keyboard) caps.add("keyboard");
        if (LibInput.libinput_device_has_capability(device, LibInput.CAP_POINTER) != 0) caps.add("pointer");
        boolean touch = LibInput.libinput_device_has_capability(device, LibInput.CAP_TOUCH) != 0;
        if (touch) caps.add("touch");
        if (LibInput.libinput_device_has_capability(device, LibInput.CAP_TABLET_TOOL) != 0) caps.add("tablet tool (not used yet)");
        if (LibInput.libinput_device_has_capability(device, LibInput.CAP_SWITCH) != 0) caps.add("switch (not used)");
        String description = LibInput.libinput_device_get_sysname(device) + " '" + LibInput.libinput_device_get_name(device) + "': " + caps;
        devices.put(device, new Device(description, keyboard, touch));
        if (touch) seat.touch().deviceAdded();
        if (!suspended) LOG.info("input device {}", description);
    }

    private void deviceRemoved(long device) {
        Device d = devices.remove(device);
        if (d != null && d.touch()) seat.touch().deviceRemoved();
        if (!suspended && d != null) LOG.info("input device gone: {}", d.description());
    }

    @Override
    public void close() {
        if (source != null) source.remove();
        source = null;
        if (libinput != 0) LibInput.libinput_unref(libinput); // closes the devices through close_restricted
        libinput = 0;
        if (udev != 0) LibUdev.udev_unref(udev);
        udev = 0;
    }
}
