package javawc.compositor.input;

import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Scene;
import javawc.compositor.scene.SceneWindow;
import javawc.compositor.seat.Seat;
import javawc.server.protocol.WlPointer;

import java.util.List;

/**
 * Carries out the control protocol's commands (described in {@link ControlChannel}) on a seat
 * and scene, through the same entry points real devices use. Shared by the test channel and the
 * conformance suite's host, so both inject input the same way.
 */
public final class ControlCommands {
    /** Scroll distance of one wheel click, as libinput reports it (degrees of rotation). */
    static final double WHEEL_CLICK = 15;
    private static final String NO_TOUCH = "error the seat has no touch device (touch-device add first)\n";

    private final Seat seat;
    private final Scene scene;
    private int touchDevices; // virtual ones added through this executor

    public ControlCommands(Seat seat, Scene scene) {
        this.seat = seat;
        this.scene = scene;
    }

    /** Runs one command line; returns the reply lines, the last {@code ok} or {@code error WHY}. */
    public String execute(String line) {
        ControlCommand command;
        try {
            command = ControlCommand.parse(line);
        } catch (ControlCommand.ParseException e) {
            return "error " + e.getMessage() + "\n";
        }
        int time = Seat.nowMs();
        switch (command) {
            case ControlCommand.PointerMotion m -> seat.pointer().motionTo(m.x(), m.y(), time);
            case ControlCommand.PointerMotionRelative m -> seat.pointer().motionBy(m.dx(), m.dy(), time);
            case ControlCommand.PointerButton b -> seat.pointer().button(b.button(), b.pressed(), time);
            case ControlCommand.Axis a -> {
                int value120 = a.source() == WlPointer.AxisSource.WHEEL ? (int) Math.round(a.value() / WHEEL_CLICK * 120) : 0;
                seat.pointer().axis(a.source(), a.axis(), a.value(), value120, time);
            }
            case ControlCommand.Key k -> {
                if (!seat.keyboard().available()) return "error the seat has no keyboard (no keymap)\n";
                seat.keyboard().key(k.code(), k.pressed(), time);
            }
            case ControlCommand.TouchDevice d -> {
                if (d.present()) {
                    touchDevices++;
                    seat.touch().deviceAdded();
                } else {
                    if (touchDevices == 0) return "error no virtual touch device to remove\n";
                    touchDevices--;
                    seat.touch().deviceRemoved();
                }
            }
            case ControlCommand.TouchDown t -> {
                if (!seat.touch().available()) return NO_TOUCH;
                seat.touch().down(t.id(), t.x(), t.y(), time);
                seat.touch().frame();
            }
            case ControlCommand.TouchMotion t -> {
                if (!seat.touch().available()) return NO_TOUCH;
                seat.touch().motion(t.id(), t.x(), t.y(), time);
                seat.touch().frame();
            }
            case ControlCommand.TouchUp t -> {
                if (!seat.touch().available()) return NO_TOUCH;
                seat.touch().up(t.id(), time);
                seat.touch().frame();
            }
            case ControlCommand.TouchCancel t -> seat.touch().cancel();
            case ControlCommand.Gesture g -> gesture(g, time);
            case ControlCommand.Place p -> {
                SceneWindow w = topmostWithAppId(p.appId());
                if (w == null) return "error no shown window has app_id '" + p.appId() + "'\n";
                if (!w.moveTo(p.x(), p.y())) return "error the window with app_id '" + p.appId() + "' cannot be moved (maximized or fullscreen)\n";
            }
            case ControlCommand.ListWindows l -> {
                return listWindows() + "ok\n";
            }
        }
        return "ok\n";
    }

    private void gesture(ControlCommand.Gesture g, int time) {
        var gestures = seat.gestures();
        switch (g.kind() + " " + g.phase()) {
            case "swipe begin" -> gestures.swipeBegin(time, g.fingers());
            case "swipe update" -> gestures.swipeUpdate(time, g.dx(), g.dy());
            case "swipe end" -> gestures.swipeEnd(time, g.cancelled());
            case "pinch begin" -> gestures.pinchBegin(time, g.fingers());
            case "pinch update" -> gestures.pinchUpdate(time, g.dx(), g.dy(), g.scale(), g.rotation());
            case "pinch end" -> gestures.pinchEnd(time, g.cancelled());
            case "hold begin" -> gestures.holdBegin(time, g.fingers());
            case "hold end" -> gestures.holdEnd(time, g.cancelled());
            default -> throw new IllegalArgumentException("gesture " + g);
        }
    }

    private SceneWindow topmostWithAppId(String appId) {
        List<SceneWindow> windows = scene.toplevels();
        for (int i = windows.size() - 1; i >= 0; i--) {
            SceneWindow w = windows.get(i);
            if (w.visible() && w.appId().equals(appId)) return w;
        }
        return null;
    }

    private String listWindows() {
        StringBuilder out = new StringBuilder();
        for (SceneWindow w : scene.toplevels()) {
            if (!w.visible()) continue;
            Rect g = w.geometry();
            boolean focused = seat.keyboardFocus() == w.surface();
            out.append("window ").append(w.appId().isEmpty() ? "-" : w.appId()).append(' ').append(g.x()).append(' ').append(g.y())
                    .append(' ').append(g.width()).append(' ').append(g.height()).append(focused ? " focused " : " - ")
                    .append(w.title().replace('\n', ' ')).append('\n');
        }
        return out.toString();
    }
}
