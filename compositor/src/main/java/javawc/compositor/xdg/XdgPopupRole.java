package javawc.compositor.xdg;

import javawc.compositor.core.Surface;
import javawc.compositor.output.Output;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.SceneWindow;
import javawc.compositor.seat.Seat;
import javawc.server.protocol.WlSeat;
import javawc.server.protocol.XdgPopup;
import javawc.server.protocol.XdgPositioner;
import javawc.server.protocol.XdgWmBase;

/**
 * xdg_popup: placed relative to its parent's window geometry by its positioner, kept inside
 * the output by the positioner's constraint adjustments, drawn above all toplevels. When its
 * parent goes away it is dismissed with popup_done. With an explicit grab it joins the seat's
 * {@link PopupGrab}: a click outside its client dismisses it.
 */
final class XdgPopupRole implements XdgSurfaceRole.RoleObject, XdgPopup.Handler, SceneWindow, PopupParent.Popup {
    private final XdgPopup resource;
    private final XdgSurfaceRole xdg;
    private PopupParent parent; // null until another protocol gives one (a layer surface's get_popup)
    private final XdgWmBase wmBase;
    private PositionerState positioner;
    private Rect placement = Rect.EMPTY; // relative to the parent's window geometry
    private boolean alive = true, shown, dismissed, grabbed;

    XdgPopupRole(XdgPopup resource, XdgSurfaceRole xdg, PopupParent parent, PositionerState positioner, XdgWmBase wmBase) {
        this.resource = resource;
        this.xdg = xdg;
        this.parent = parent;
        this.positioner = positioner;
        this.wmBase = wmBase;
        resource.setHandler(this);
        if (parent != null) parent.addChildPopup(this);
        resource.onDestroy(() -> {
            alive = false;
            if (this.parent != null) this.parent.removeChildPopup(this);
            xdg.roleObjectDestroyed();
            leaveGrab();
        });
    }

    XdgSurfaceRole xdgSurface() {
        return xdg;
    }

    boolean hasParent() {
        return parent != null;
    }

    /**
     * Gives a popup made with a null parent its parent, before its first commit; false (and
     * nothing changes) when it has one already or was committed.
     */
    boolean adopt(PopupParent newParent) {
        if (parent != null || xdg.initialCommitDone() || !alive) return false;
        parent = newParent;
        newParent.addChildPopup(this);
        return true;
    }

    @Override
    public void damage() {
        xdg.damageWithPopups();
    }

    /** The surface of the parent window (a toplevel, another popup or a layer surface); null while it has none. */
    Surface parentSurface() {
        return parent == null ? null : parent.surface();
    }

    @Override
    public boolean isAlive() {
        return alive;
    }

    @Override
    public Surface surface() {
        return xdg.surface();
    }

    @Override
    public boolean visible() {
        return alive && shown && xdg.isMapped();
    }

    /** Where the positioner puts us, kept inside the output (in the parent's geometry space). */
    private Rect computePlacement() {
        int[] origin = new int[2];
        Rect constraint = Rect.EMPTY;
        if (parent != null && parent.windowPosition(origin)) {
            Output o = xdg.scene().primaryOutput();
            constraint = new Rect(o.x() - origin[0], o.y() - origin[1], o.logicalWidth(), o.logicalHeight());
        }
        return PopupPlacement.place(positioner, constraint);
    }

    @Override
    public void sendConfigure() {
        placement = computePlacement();
        resource.sendConfigure(placement.x(), placement.y(), placement.width(), placement.height());
    }

    @Override
    public void map() {
        if (dismissed) return;
        shown = true;
        xdg.scene().addPopup(this);
        PopupGrab grab = PopupGrab.current(xdg.seat());
        if (grabbed && grab != null) grab.popupShown(this);
    }

    @Override
    public void unmap() {
        if (!shown) return;
        xdg.scene().removeWindow(this);
        shown = false;
        leaveGrab();
    }

    private void leaveGrab() {
        PopupGrab grab = PopupGrab.current(xdg.seat());
        if (grabbed && grab != null) grab.popupGone(this);
    }

    @Override
    public boolean windowPosition(int[] xy) {
        if (!shown || parent == null || !parent.windowPosition(xy)) return false;
        xy[0] += placement.x();
        xy[1] += placement.y();
        return true;
    }

    /** The parent stopped being shown: the popup goes too, and the client is told. */
    @Override
    public void dismiss() {
        if (dismissed || !alive) return;
        dismissed = true;
        unmap();
        leaveGrab();
        resource.sendPopupDone();
    }

    // ---- requests ----

    @Override
    public void destroy(XdgPopup self) {
        if (xdg.hasLiveChildPopups()) {
            wmBase.postError(XdgWmBase.Error.NOT_THE_TOPMOST_POPUP, "destroy the popups opened from this one first");
        }
    }

    /**
     * Takes an explicit grab, before the popup is mapped, for a recent button, key or touch
     * event of its client (a press, or the release that ended a click):
     * a first grab from a toplevel starts a new {@link PopupGrab} (ending any other), a grab
     * from the topmost grabbing popup nests in it. A stale serial dismisses the popup at once.
     */
    @Override
    public void grab(XdgPopup self, WlSeat seatResource, int serial) {
        if (shown || xdg.isMapped()) {
            self.postError(XdgPopup.Error.INVALID_GRAB, "xdg_popup.grab after the popup was mapped");
            return;
        }
        XdgPopupRole parentPopup = parent instanceof XdgSurfaceRole x && x.roleObject() instanceof XdgPopupRole p ? p : null;
        if (parentPopup != null && !parentPopup.grabbed) {
            self.postError(XdgPopup.Error.INVALID_GRAB, "the parent popup took no explicit grab");
            return;
        }
        Seat seat = Seat.of(seatResource);
        if (dismissed || parentPopup != null && parentPopup.dismissed || !seat.isUserActionSerial(self.client(), serial)) {
            dismiss(); // a grab we do not grant: the popup goes at once, as xdg-shell says
            return;
        }
        PopupGrab current = PopupGrab.current(seat);
        if (parentPopup != null && (current == null || current.topmost() != parentPopup)) {
            wmBase.postError(XdgWmBase.Error.NOT_THE_TOPMOST_POPUP, "a grabbing popup must be opened from the topmost grabbing popup");
            return;
        }
        grabbed = true;
        if (parentPopup != null) current.push(this);
        else PopupGrab.start(seat, this);
    }

    @Override
    public void reposition(XdgPopup self, XdgPositioner positionerResource, int token) {
        PositionerState next = PositionerResource.stateOf(positionerResource);
        if (!next.isComplete()) {
            wmBase.postError(XdgWmBase.Error.INVALID_POSITIONER, "the positioner needs a size and an anchor rect");
            return;
        }
        positioner = next;
        Rect before = xdg.surface().globalBounds();
        self.sendRepositioned(token);
        xdg.configure();
        xdg.scene().damage(before);
        xdg.scene().damage(xdg.surface().globalBounds());
    }
}
