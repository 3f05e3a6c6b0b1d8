package javawc.compositor.virtualpointer;

import javawc.compositor.output.Output;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Scene;
import javawc.compositor.seat.Pointer;
import javawc.compositor.seat.Seat;
import javawc.server.protocol.WlPointer;
import javawc.server.protocol.ZwlrVirtualPointerV1;
import javawc.wire.Fixed;

/**
 * zwlr_virtual_pointer_v1: a pointer device made of requests. Motion, buttons and scrolls are
 * collected until frame, then fed to the seat's pointer through the entry points physical
 * devices use (so grabs, constraints, focus and relative pointers see them alike), closed by
 * one wl_pointer.frame. The frame's axis_source applies to all its scrolls (it may come after
 * them). Buttons the device holds when it goes are let go. The pending events live in fixed
 * arrays: a frame takes at most {@value #MAX_EVENTS} (more are dropped, and the log says so
 * once); nothing is allocated per request.
 */
final class VirtualPointer implements ZwlrVirtualPointerV1.Handler {
    private static final org.apache.logging.log4j.Logger LOG = org.apache.logging.log4j.LogManager.getLogger(VirtualPointer.class);
    private static final int MAX_EVENTS = 64, MAX_BUTTONS = 16;
    private static final int MOTION = 0, ABSOLUTE = 1, BUTTON = 2, AXIS = 3, AXIS_STOP = 4;
    /** Scroll distance of one wheel step, as libinput reports a wheel click. */
    private static final double WHEEL_STEP = 15;

    private final Pointer pointer;
    private final Scene scene;
    private final Output output; // absolute motion maps onto it; null: onto every output
    private final int[] kinds = new int[MAX_EVENTS], ints = new int[MAX_EVENTS * 2];
    private final double[] values = new double[MAX_EVENTS * 2];
    private final int[] held = new int[MAX_BUTTONS];
    private int count, heldCount, time, source = -1;
    private boolean overflowLogged;

    VirtualPointer(ZwlrVirtualPointerV1 resource, Seat seat, Scene scene, Output output) {
        this.pointer = seat.pointer();
        this.scene = scene;
        this.output = output;
        resource.setHandler(this);
        resource.onDestroy(this::releaseHeld);
    }

    private int next(int kind, int timeMs) {
        if (count == MAX_EVENTS) {
            if (!overflowLogged) LOG.warn("a virtual pointer sent more than {} events in one frame; the rest are dropped", MAX_EVENTS);
            overflowLogged = true;
            return -1;
        }
        time = timeMs;
        kinds[count] = kind;
        return count++;
    }

    @Override
    public void motion(ZwlrVirtualPointerV1 self, int timeMs, int dx, int dy) {
        int i = next(MOTION, timeMs);
        if (i < 0) return;
        values[2 * i] = Fixed.toDouble(dx);
        values[2 * i + 1] = Fixed.toDouble(dy);
    }

    @Override
    public void motionAbsolute(ZwlrVirtualPointerV1 self, int timeMs, int x, int y, int xExtent, int yExtent) {
        if (xExtent == 0 || yExtent == 0) return; // no area to map onto: nothing to do (the protocol defines no error)
        Rect area = output != null ? output.logicalBounds() : scene.layoutBounds();
        int i = next(ABSOLUTE, timeMs);
        if (i < 0) return;
        values[2 * i] = area.x() + (double) Integer.toUnsignedLong(x) * area.width() / Integer.toUnsignedLong(xExtent);
        values[2 * i + 1] = area.y() + (double) Integer.toUnsignedLong(y) * area.height() / Integer.toUnsignedLong(yExtent);
    }

    @Override
    public void button(ZwlrVirtualPointerV1 self, int timeMs, int button, int state) {
        int i = next(BUTTON, timeMs);
        if (i < 0) return;
        ints[2 * i] = button;
        ints[2 * i + 1] = state == WlPointer.ButtonState.PRESSED ? 1 : 0;
    }

    @Override
    public void axis(ZwlrVirtualPointerV1 self, int timeMs, int axis, int value) {
        axisDiscrete(self, timeMs, axis, value, 0);
    }

    @Override
    public void axisDiscrete(ZwlrVirtualPointerV1 self, int timeMs, int axis, int value, int discrete) {
        if (!validAxis(self, axis)) return;
        int i = next(AXIS, timeMs);
        if (i < 0) return;
        ints[2 * i] = axis;
        ints[2 * i + 1] = discrete;
        values[2 * i] = Fixed.toDouble(value);
    }

    @Override
    public void axisStop(ZwlrVirtualPointerV1 self, int timeMs, int axis) {
        if (!validAxis(self, axis)) return;
        int i = next(AXIS_STOP, timeMs);
        if (i >= 0) ints[2 * i] = axis;
    }

    @Override
    public void axisSource(ZwlrVirtualPointerV1 self, int axisSource) {
        if (!WlPointer.AxisSource.isValid(axisSource, WlPointer.VERSION)) {
            self.postError(ZwlrVirtualPointerV1.Error.INVALID_AXIS_SOURCE, "axis source " + Integer.toUnsignedString(axisSource) + " is not one of wl_pointer.axis_source");
            return;
        }
        source = axisSource;
    }

    private static boolean validAxis(ZwlrVirtualPointerV1 self, int axis) {
        if (WlPointer.Axis.isValid(axis, WlPointer.VERSION)) return true;
        self.postError(ZwlrVirtualPointerV1.Error.INVALID_AXIS, "axis " + Integer.toUnsignedString(axis) + " is not one of wl_pointer.axis");
        return false;
    }

    /** The group is complete: the seat acts on it now, closed by one wl_pointer.frame. */
    @Override
    public void frame(ZwlrVirtualPointerV1 self) {
        int axisSource = source >= 0 ? source : WlPointer.AxisSource.WHEEL;
        pointer.holdFrames();
        try {
            for (int i = 0; i < count; i++) {
                switch (kinds[i]) {
                    case MOTION -> pointer.motionBy(values[2 * i], values[2 * i + 1], time);
                    case ABSOLUTE -> pointer.motionTo(values[2 * i], values[2 * i + 1], time);
                    case BUTTON -> press(ints[2 * i], ints[2 * i + 1] == 1);
                    case AXIS -> {
                        int steps = ints[2 * i + 1];
                        double value = values[2 * i];
                        if (value == 0 && steps != 0) value = steps * WHEEL_STEP;
                        pointer.axis(axisSource, ints[2 * i], value, steps * 120, time);
                    }
                    case AXIS_STOP -> pointer.axis(WlPointer.AxisSource.FINGER, ints[2 * i], 0, 0, time);
                    default -> throw new IllegalStateException("event kind " + kinds[i]);
                }
            }
        } finally {
            count = 0;
            source = -1;
            pointer.releaseFrames();
        }
    }

    private void press(int button, boolean pressed) {
        if (pressed) {
            if (heldCount == MAX_BUTTONS) return;
            for (int j = 0; j < heldCount; j++) if (held[j] == button) return;
            held[heldCount++] = button;
        } else {
            boolean found = false;
            for (int j = 0; j < heldCount; j++) {
                if (held[j] == button) {
                    held[j] = held[--heldCount];
                    found = true;
                    break;
                }
            }
            if (!found) return; // a release of a button this device did not press is not ours to send
        }
        pointer.button(button, pressed, time);
    }

    /** The device went (destroyed, or its client left): what it still holds is let go. */
    private void releaseHeld() {
        while (heldCount > 0) pointer.button(held[--heldCount], false, Seat.nowMs());
    }

    @Override
    public void destroy(ZwlrVirtualPointerV1 self) {
        // destructor: releaseHeld runs as the resource goes
    }
}
