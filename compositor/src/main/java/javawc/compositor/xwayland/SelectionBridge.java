package javawc.compositor.xwayland;

import javawc.compositor.xwayland.x11.X11Message;

/** The clipboard and primary selection between X11 and Wayland (filled in below). */
final class SelectionBridge implements AutoCloseable {
    interface Factory {
        SelectionBridge create(Xwm xwm);
    }

    private final Xwm xwm;

    SelectionBridge(Xwm xwm, javawc.compositor.selection.Selection clipboard, javawc.compositor.selection.Selection primary, javawc.compositor.seat.Seat seat) {
        this.xwm = xwm;
    }

    void start(int xfixesFirstEvent) {
    }

    boolean event(X11Message e) {
        return false;
    }

    boolean owns(int window) {
        return false;
    }

    boolean propertyNotify(int window, int atom, int state) {
        return false;
    }

    @Override
    public void close() {
    }
}
