package javawc.compositor.input;

import javawc.server.protocol.WlPointer;

import java.util.Locale;
import java.util.Map;

/** One line of the control protocol, parsed; {@link ControlChannel} describes the protocol. */
public sealed interface ControlCommand {
    /** Absolute pointer position in global coordinates. */
    record PointerMotion(double x, double y) implements ControlCommand {}

    record PointerMotionRelative(double dx, double dy) implements ControlCommand {}

    /** An evdev button code (BTN_LEFT is 272). */
    record PointerButton(int button, boolean pressed) implements ControlCommand {}

    /** A scroll: wl_pointer axis, distance, and wl_pointer axis_source. */
    record Axis(int axis, double value, int source) implements ControlCommand {}

    /** An evdev key code (KEY_A is 30). */
    record Key(int code, boolean pressed) implements ControlCommand {}

    /** A virtual touch device appears (true) or goes (false): the seat has touch while one is there. */
    record TouchDevice(boolean present) implements ControlCommand {}

    /** Touch point {@code id} down at, or moved to, global (x, y); each is a touch frame of its own. */
    record TouchDown(int id, double x, double y) implements ControlCommand {}

    record TouchMotion(int id, double x, double y) implements ControlCommand {}

    record TouchUp(int id) implements ControlCommand {}

    record TouchCancel() implements ControlCommand {}

    /** A touchpad gesture event: KIND swipe|pinch|hold, PHASE begin|update|end (update: not for hold). */
    record Gesture(String kind, String phase, int fingers, double dx, double dy, double scale, double rotation, boolean cancelled) implements ControlCommand {}

    record Place(String appId, int x, int y) implements ControlCommand {}

    record ListWindows() implements ControlCommand {}

    /** A line that is not a command; the message says why. */
    final class ParseException extends Exception {
        ParseException(String message) {
            super(message);
        }
    }

    /** The highest evdev key code (KEY_MAX). */
    int KEY_MAX = 0x2ff;

    Map<String, Integer> BUTTONS = Map.of("BTN_LEFT", 0x110, "BTN_RIGHT", 0x111, "BTN_MIDDLE", 0x112, "BTN_SIDE", 0x113,
            "BTN_EXTRA", 0x114, "BTN_FORWARD", 0x115, "BTN_BACK", 0x116, "BTN_TASK", 0x117);

    Map<String, Integer> AXIS_SOURCES = Map.of("wheel", WlPointer.AxisSource.WHEEL, "finger", WlPointer.AxisSource.FINGER,
            "continuous", WlPointer.AxisSource.CONTINUOUS, "wheel-tilt", WlPointer.AxisSource.WHEEL_TILT);

    static ControlCommand parse(String line) throws ParseException {
        String[] w = line.strip().split("\\s+");
        if (w.length == 0 || w[0].isEmpty()) throw new ParseException("empty line");
        return switch (w[0]) {
            case "pointer-motion" -> {
                arguments(w, 2, "pointer-motion X Y");
                yield new PointerMotion(number(w[1]), number(w[2]));
            }
            case "pointer-motion-relative" -> {
                arguments(w, 2, "pointer-motion-relative DX DY");
                yield new PointerMotionRelative(number(w[1]), number(w[2]));
            }
            case "pointer-button" -> {
                arguments(w, 2, "pointer-button BTN_LEFT|CODE press|release");
                Integer named = BUTTONS.get(w[1].toUpperCase(Locale.ROOT));
                int code = named != null ? named : code(w[1], "button");
                yield new PointerButton(code, pressed(w[2]));
            }
            case "axis" -> {
                if (w.length != 3 && w.length != 4) throw new ParseException("usage: axis vertical|horizontal VALUE [wheel|finger|continuous|wheel-tilt]");
                int axis = switch (w[1]) {
                    case "vertical" -> WlPointer.Axis.VERTICAL_SCROLL;
                    case "horizontal" -> WlPointer.Axis.HORIZONTAL_SCROLL;
                    default -> throw new ParseException("axis must be vertical or horizontal, not '" + w[1] + "'");
                };
                Integer source = w.length == 4 ? AXIS_SOURCES.get(w[3]) : Integer.valueOf(WlPointer.AxisSource.WHEEL);
                if (source == null) throw new ParseException("axis source must be wheel, finger, continuous or wheel-tilt, not '" + w[3] + "'");
                yield new Axis(axis, number(w[2]), source);
            }
            case "key" -> {
                arguments(w, 2, "key CODE press|release");
                yield new Key(code(w[1], "key"), pressed(w[2]));
            }
            case "touch-device" -> {
                arguments(w, 1, "touch-device add|remove");
                yield switch (w[1]) {
                    case "add" -> new TouchDevice(true);
                    case "remove" -> new TouchDevice(false);
                    default -> throw new ParseException("expected add or remove, not '" + w[1] + "'");
                };
            }
            case "touch-down" -> {
                arguments(w, 3, "touch-down ID X Y");
                yield new TouchDown(touchId(w[1]), number(w[2]), number(w[3]));
            }
            case "touch-motion" -> {
                arguments(w, 3, "touch-motion ID X Y");
                yield new TouchMotion(touchId(w[1]), number(w[2]), number(w[3]));
            }
            case "touch-up" -> {
                arguments(w, 1, "touch-up ID");
                yield new TouchUp(touchId(w[1]));
            }
            case "touch-cancel" -> {
                arguments(w, 0, "touch-cancel");
                yield new TouchCancel();
            }
            case "gesture" -> gesture(w);
            case "place" -> {
                arguments(w, 3, "place APP_ID X Y");
                yield new Place(w[1], (int) integer(w[2]), (int) integer(w[3]));
            }
            case "list-windows" -> {
                arguments(w, 0, "list-windows");
                yield new ListWindows();
            }
            default -> throw new ParseException("unknown command '" + w[0] + "'");
        };
    }

    String GESTURE_USAGE = "gesture swipe|pinch|hold begin FINGERS | gesture swipe update DX DY | gesture pinch update DX DY SCALE ROTATION"
            + " | gesture swipe|pinch|hold end [cancelled]";

    private static Gesture gesture(String[] w) throws ParseException {
        if (w.length < 3 || !(w[1].equals("swipe") || w[1].equals("pinch") || w[1].equals("hold"))) throw new ParseException("usage: " + GESTURE_USAGE);
        return switch (w[2]) {
            case "begin" -> {
                arguments(w, 3, GESTURE_USAGE);
                long fingers = integer(w[3]);
                if (fingers < 1 || fingers > 10) throw new ParseException("fingers must be 1 to 10, not " + w[3]);
                yield new Gesture(w[1], "begin", (int) fingers, 0, 0, 1, 0, false);
            }
            case "update" -> {
                if (w[1].equals("swipe")) {
                    arguments(w, 4, GESTURE_USAGE);
                    yield new Gesture("swipe", "update", 0, number(w[3]), number(w[4]), 1, 0, false);
                }
                if (w[1].equals("pinch")) {
                    arguments(w, 6, GESTURE_USAGE);
                    yield new Gesture("pinch", "update", 0, number(w[3]), number(w[4]), number(w[5]), number(w[6]), false);
                }
                throw new ParseException("a hold gesture has no update");
            }
            case "end" -> {
                if (w.length == 4 && !w[3].equals("cancelled")) throw new ParseException("usage: " + GESTURE_USAGE);
                if (w.length > 4) throw new ParseException("usage: " + GESTURE_USAGE);
                yield new Gesture(w[1], "end", 0, 0, 0, 1, 0, w.length == 4);
            }
            default -> throw new ParseException("usage: " + GESTURE_USAGE);
        };
    }

    private static void arguments(String[] words, int count, String usage) throws ParseException {
        if (words.length != count + 1) throw new ParseException("usage: " + usage);
    }

    /** Numbers are kept to what wl_fixed can carry. */
    int LIMIT = 1 << 23;

    private static double number(String s) throws ParseException {
        double d;
        try {
            d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new ParseException("'" + s + "' is not a number");
        }
        if (!Double.isFinite(d)) throw new ParseException("'" + s + "' is not a number");
        if (Math.abs(d) >= LIMIT) throw new ParseException(s + " is out of range (±" + LIMIT + ")");
        return d;
    }

    private static long integer(String s) throws ParseException {
        long n;
        try {
            n = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new ParseException("'" + s + "' is not a whole number");
        }
        if (Math.abs(n) >= LIMIT) throw new ParseException(s + " is out of range (±" + LIMIT + ")");
        return n;
    }

    /** Touch point ids: 0 to 63, as many fingers as any device reports. */
    private static int touchId(String s) throws ParseException {
        long n = integer(s);
        if (n < 0 || n > 63) throw new ParseException("touch id " + s + " is out of range (0 to 63)");
        return (int) n;
    }

    private static int code(String s, String what) throws ParseException {
        long n;
        try {
            n = s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new ParseException("'" + s + "' is not a " + what + " code");
        }
        if (n < 1 || n > KEY_MAX) throw new ParseException(what + " code " + s + " is not an evdev code (1 to " + KEY_MAX + ")");
        return (int) n;
    }

    private static boolean pressed(String s) throws ParseException {
        return switch (s) {
            case "press" -> true;
            case "release" -> false;
            default -> throw new ParseException("expected press or release, not '" + s + "'");
        };
    }
}
