package javawc.compositor.input;

import javawc.compositor.ipc.LineServer;
import javawc.compositor.scene.Scene;
import javawc.compositor.seat.Seat;
import javawc.server.EventLoop;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The test control channel ({@code --control-socket PATH}, off by default): a Unix stream
 * socket, mode 0600, through which tests inject input and place windows. Injected events go
 * through the same {@link javawc.compositor.seat.Pointer} and
 * {@link javawc.compositor.seat.Keyboard} entry points as real devices. It is the only way to
 * inject input, and only the user who started the compositor can connect.
 *
 * <p>The protocol is text, one command per line (UTF-8, '\n'); each command is answered,
 * in order, with a line {@code ok} or {@code error <why>}, after any data lines it returns.
 * Coordinates are global (output layout) pixels and may be fractional.
 * <pre>
 * pointer-motion X Y                      move the pointer to (X, Y)
 * pointer-motion-relative DX DY           move the pointer by (DX, DY)
 * pointer-button BUTTON press|release     BUTTON: BTN_LEFT, BTN_RIGHT, BTN_MIDDLE, BTN_SIDE,
 *                                         BTN_EXTRA, BTN_FORWARD, BTN_BACK, BTN_TASK or an
 *                                         evdev code (272 is BTN_LEFT; 0x110 works too)
 * axis vertical|horizontal VALUE [SOURCE] scroll by VALUE (positive: down or right); SOURCE is
 *                                         wheel (default; 15 is one wheel click), finger,
 *                                         continuous or wheel-tilt; finger with 0 ends a scroll
 * key CODE press|release                  an evdev key code (30 is KEY_A)
 * touch-device add|remove                 a virtual touch device comes or goes (the seat has
 *                                         the touch capability while one is there)
 * touch-down ID X Y                       touch point ID (0 to 63) down at (X, Y)
 * touch-motion ID X Y                     touch point ID moves to (X, Y)
 * touch-up ID                             touch point ID lifts
 * touch-cancel                            every touch point is cancelled
 *                                         (each touch command is one wl_touch.frame)
 * gesture swipe|pinch|hold begin FINGERS a touchpad gesture begins (zwp_pointer_gestures_v1)
 * gesture swipe update DX DY              the fingers moved
 * gesture pinch update DX DY SCALE ROT    moved, spread to SCALE of the start, turned ROT degrees
 * gesture swipe|pinch|hold end [cancelled] the gesture ends (or is cancelled)
 * place APP_ID X Y                        put the topmost window with that app_id at (X, Y)
 *                                         (its window geometry's top-left corner)
 * list-windows                            one line per shown toplevel, bottom to top:
 *                                         window APP_ID X Y WIDTH HEIGHT focused|- TITLE
 *                                         (APP_ID is - when empty; TITLE runs to the line's end)
 * </pre>
 */
public final class ControlChannel implements AutoCloseable {
    private static final int MAX_LINE = 4096;

    private final LineServer lines;
    private final ControlCommands commands;

    private ControlChannel(LineServer lines, ControlCommands commands) {
        this.lines = lines;
        this.commands = commands;
    }

    /** Listens at {@code path}; refuses a path that exists and is not a stale socket of this user. */
    public static ControlChannel open(Path path, EventLoop loop, Seat seat, Scene scene) throws IOException {
        ControlCommands commands = new ControlCommands(seat, scene);
        return new ControlChannel(LineServer.open(path, "--control-socket", loop, MAX_LINE, commands::execute,
                max -> "error line longer than " + max + " bytes\n"), commands);
    }

    /** Runs one command line; returns the reply lines. */
    String execute(String line) {
        return commands.execute(line);
    }

    @Override
    public void close() {
        lines.close();
    }
}
