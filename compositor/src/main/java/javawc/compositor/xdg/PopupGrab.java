package javawc.compositor.xdg;

import javawc.compositor.core.Surface;
import javawc.compositor.seat.Pointer;
import javawc.compositor.seat.PointerGrab;
import javawc.compositor.seat.Seat;
import javawc.server.Client;

import java.util.ArrayList;
import java.util.List;

/**
 * The explicit grab of xdg_popup.grab: one client's grabbing popups, opened first to topmost.
 * While it lasts the client gets pointer events on its own surfaces only ("owner events"),
 * the topmost popup has the keyboard focus, and a press anywhere else dismisses every popup
 * of the grab, topmost first; that press reaches nobody.
 */
final class PopupGrab implements PointerGrab {
    private final Seat seat;
    private final Pointer pointer;
    private final Client client;
    private final List<XdgPopupRole> popups = new ArrayList<>();
    /** The grab is being dismissed because the keyboard focus goes elsewhere: it must not pull the focus back. */
    private boolean focusLeaving;

    private PopupGrab(Seat seat, Client client) {
        this.seat = seat;
        this.pointer = seat.pointer();
        this.client = client;
    }

    /** The popup grab running on {@code seat}, if any. */
    static PopupGrab current(Seat seat) {
        return seat.pointer().grab() instanceof PopupGrab g ? g : null;
    }

    /** Starts a grab for {@code popup}, replacing (and so dismissing) whatever grab ran before. */
    static PopupGrab start(Seat seat, XdgPopupRole popup) {
        PopupGrab g = new PopupGrab(seat, popup.surface().client());
        g.popups.add(popup);
        seat.pointer().startGrab(g);
        return g;
    }

    Client client() {
        return client;
    }

    XdgPopupRole topmost() {
        return popups.isEmpty() ? null : popups.getLast();
    }

    /** A nested popup opened from the topmost one joins the grab. */
    void push(XdgPopupRole popup) {
        popups.add(popup);
    }

    /** A grabbing popup got its first buffer: the topmost one takes the keyboard focus. */
    void popupShown(XdgPopupRole popup) {
        if (popup == topmost()) seat.setKeyboardFocus(popup.surface());
    }

    /** A popup of the grab was dismissed, unmapped or destroyed: the one below takes over, or the grab ends. */
    void popupGone(XdgPopupRole popup) {
        boolean wasTop = popup == topmost();
        if (!popups.remove(popup) || !wasTop) return;
        XdgPopupRole below = topmost();
        if (below != null) {
            seat.setKeyboardFocus(below.surface());
            return;
        }
        pointer.endGrab(this);
        if (focusLeaving) return;
        XdgToplevelRole owner = XdgShell.owningToplevel(popup.parentSurface());
        if (owner != null && owner.visible()) seat.setKeyboardFocus(owner.surface());
    }

    /** Dismisses every popup of the grab, topmost first; the grab ends with the last one. */
    void dismissAll() {
        for (XdgPopupRole p : List.copyOf(popups).reversed()) p.dismiss();
    }

    // ---- pointer events ----

    @Override
    public void motion(int timeMs) {
        pointer.refocus(client);
        pointer.sendMotion(timeMs);
    }

    @Override
    public void button(int timeMs, int button, boolean pressed) {
        Surface focus = pointer.focus();
        if (pressed && pointer.buttonCount() == 1 && (focus == null || focus.client() != client)) {
            pointer.setFocus(null); // the press, and its release, go nowhere
            dismissAll();
            return;
        }
        pointer.sendButton(timeMs, button, pressed);
        if (!pressed && pointer.buttonCount() == 0) motion(timeMs);
    }

    @Override
    public void axis(int timeMs, int source, int axis, double value, int value120) {
        pointer.sendAxis(timeMs, source, axis, value, value120);
    }

    /**
     * The topmost grabbing popup always has the keyboard focus, so the focus moving anywhere
     * but to a popup of the grab (a new window mapped and focused, say) ends the grab: every
     * popup is dismissed, and the focus goes where it was going rather than back to the owner.
     */
    @Override
    public void keyboardFocusMoving(Surface surface) {
        for (XdgPopupRole p : popups) if (p.surface() == surface) return;
        focusLeaving = true;
        dismissAll();
    }

    @Override
    public void cancel() {
        dismissAll();
    }
}
