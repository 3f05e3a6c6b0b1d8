package javawc.compositor.input;

import javawc.server.protocol.WlPointer;

import java.util.Map;
import java.util.StringJoiner;

/** The parts of turning libinput events into seat input that need no device: pure functions, unit-tested. */
final class LibinputEvents {
    private LibinputEvents() {}

    /** The wl_pointer axis_source of a libinput scroll event type, or -1 for any other type. */
    static int axisSource(int eventType) {
        return switch (eventType) {
            case LibInput.EVENT_POINTER_SCROLL_WHEEL -> WlPointer.AxisSource.WHEEL;
            case LibInput.EVENT_POINTER_SCROLL_FINGER -> WlPointer.AxisSource.FINGER;
            case LibInput.EVENT_POINTER_SCROLL_CONTINUOUS -> WlPointer.AxisSource.CONTINUOUS;
            default -> -1;
        };
    }

    /** The wl_pointer axis of a libinput pointer axis. */
    static int wlAxis(int libinputAxis) {
        return libinputAxis == LibInput.AXIS_SCROLL_HORIZONTAL ? WlPointer.Axis.HORIZONTAL_SCROLL : WlPointer.Axis.VERTICAL_SCROLL;
    }

    /**
     * Whether a key or button event reaches the seat, given how many devices of the seat now
     * hold that code: the first press and the last release do; a second keyboard pressing a key
     * already held elsewhere, or releasing it while another still holds it, does not.
     */
    static boolean reachesSeat(boolean pressed, int seatCount) {
        return pressed ? seatCount == 1 : seatCount == 0;
    }

    /** A wheel event's value120 as an int (libinput gives a double that is a multiple of 1 in practice). */
    static int value120(double v120) {
        return (int) Math.round(v120);
    }

    /**
     * Why no input device could be used, for the log: each device node that failed to open
     * with its error, and what to do about it. {@code failures} maps paths to errno values.
     */
    static String openFailures(Map<String, String> failures, boolean permissionDenied) {
        StringJoiner j = new StringJoiner(", ");
        failures.forEach((path, why) -> j.add(path + " (" + why + ")"));
        String hint = permissionDenied
                ? "run the compositor as root or as a member of the 'input' group, or through seatd (--session libseat),"
                  + " or use --backend headless"
                : "use --input none to run without input devices, or --backend headless";
        return "cannot open " + j + ": " + hint;
    }
}
