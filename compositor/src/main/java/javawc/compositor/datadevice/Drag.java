package javawc.compositor.datadevice;

import javawc.compositor.core.Surface;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Scene;
import javawc.compositor.seat.Pointer;
import javawc.compositor.seat.PointerGrab;
import javawc.compositor.seat.Seat;
import javawc.compositor.selection.FocusedClientDevices;
import javawc.os.OwnedFd;
import javawc.server.Client;
import javawc.server.protocol.WlDataDevice;
import javawc.server.protocol.WlDataDeviceManager.DndAction;
import javawc.server.protocol.WlDataOffer;
import javawc.server.protocol.WlDataSource;
import javawc.wire.Fixed;

import java.util.ArrayList;
import java.util.List;

/**
 * One drag and drop, from wl_data_device.start_drag until the destination finishes (or it is
 * cancelled). While the button is held it is the pointer's grab: the surface under the pointer
 * (any client's, or only the origin client's for a drag without a source) gets
 * wl_data_device enter, motion and leave with a fresh offer, and the wl_pointer gets nothing.
 * The action is the one both sides allow, the destination's preference first. Releasing the
 * last button drops on a destination that accepted a mime type and an action (drop, then
 * dnd_drop_performed, and dnd_finished once it finishes), and cancels otherwise.
 */
final class Drag implements PointerGrab {
    private final Seat seat;
    private final Pointer pointer;
    private final Scene scene;
    private final FocusedClientDevices<WlDataDevice> devices;
    private final Client origin;
    private final DataSource source; // null: the origin client moves the data itself
    private final Scene.Hit hit = new Scene.Hit();
    private final int[] xy = new int[2];
    private final List<DataOffer> offers = new ArrayList<>(); // one per data device of the focus client
    private Surface icon;
    private Rect iconBounds = Rect.EMPTY;
    private Surface focus;
    private int sentX, sentY;
    private String accepted;
    private int destinationActions, preferred, action;
    private boolean grabbing, dropped, over, askAtDrop;

    Drag(Seat seat, Scene scene, FocusedClientDevices<WlDataDevice> devices, Surface originSurface, DataSource source, Surface icon) {
        this.seat = seat;
        this.pointer = seat.pointer();
        this.scene = scene;
        this.devices = devices;
        this.origin = originSurface.client();
        this.source = source;
        this.icon = icon;
        if (source != null) source.usedBy(this);
        originSurface.resource().onDestroy(() -> {
            if (grabbing && source == null) cancelWhileGrabbing(true);
        });
        if (icon != null) {
            ((DragIconRole) icon.role()).shownBy(this);
            icon.resource().onDestroy(() -> this.icon = null);
        }
    }

    /** Takes the pointer: the origin's wl_pointer gets leave, the surface under the pointer an enter. */
    void start() {
        grabbing = true;
        pointer.startGrab(this);
        pointer.setFocus(null);
        scene.setDragIcon(icon);
        motion(Seat.nowMs());
    }

    Surface icon() {
        return icon;
    }

    /** Whether the icon is shown: while the button is held. */
    boolean showsIcon() {
        return grabbing;
    }

    // ---- the grab ----

    @Override
    public void motion(int timeMs) {
        moveIcon();
        Surface target = null;
        if (scene.pick(pointer.x(), pointer.y(), hit) && (source != null || hit.surface.client() == origin)) target = hit.surface;
        if (target != focus) {
            leave();
            enter(target);
        } else if (focus != null && focus.position(xy)) {
            int fx = Fixed.fromDouble(pointer.x() - xy[0]), fy = Fixed.fromDouble(pointer.y() - xy[1]);
            if (fx == sentX && fy == sentY) return;
            sentX = fx;
            sentY = fy;
            List<WlDataDevice> list = devices.of(focus.client());
            for (int i = 0; i < list.size(); i++) list.get(i).sendMotion(timeMs, fx, fy);
        }
    }

    @Override
    public void button(int timeMs, int button, boolean pressed) {
        if (!pressed && pointer.buttonCount() == 0) drop();
    }

    @Override
    public void cancel() {
        cancelWhileGrabbing(false);
    }

    private void moveIcon() {
        if (icon == null) return;
        Rect now = icon.globalBounds();
        if (now.equals(iconBounds)) return;
        scene.damage(iconBounds);
        iconBounds = now;
        scene.damage(iconBounds);
    }

    // ---- focus ----

    private void enter(Surface target) {
        focus = target;
        if (target == null || !target.position(xy)) return;
        List<WlDataDevice> list = devices.of(target.client());
        if (list.isEmpty()) return;
        sentX = Fixed.fromDouble(pointer.x() - xy[0]);
        sentY = Fixed.fromDouble(pointer.y() - xy[1]);
        int serial = seat.nextSerial();
        for (int i = 0; i < list.size(); i++) {
            WlDataDevice device = list.get(i);
            DataOffer offer = source == null ? null : DataOffer.introduceForDrag(device, this, source);
            device.sendEnter(serial, target.resource(), sentX, sentY, offer == null ? null : offer.resource());
            if (offer == null) continue;
            offers.add(offer);
            if (offer.version() >= WlDataOffer.EVENT_SOURCE_ACTIONS_SINCE) offer.resource().sendSourceActions(source.actions());
        }
        updateAction();
    }

    /** Ends the focus's part: leave for its devices, its offers go stale, the source hears nothing is accepted. */
    private void leave() {
        if (focus == null) return;
        List<WlDataDevice> list = devices.of(focus.client());
        for (int i = 0; i < list.size(); i++) list.get(i).sendLeave();
        focus = null;
        offers.clear();
        destinationActions = 0;
        preferred = 0;
        if (accepted != null && source != null) source.resource().sendTarget(null);
        accepted = null;
        updateAction();
    }

    // ---- negotiation, from the destination's offers ----

    void accept(DataOffer offer, String mimeType) {
        if (!offers.contains(offer) || over) return; // an offer of an earlier focus: ignored
        accepted = mimeType;
        if (source != null) source.resource().sendTarget(mimeType);
    }

    /** Returns why the request is refused, or null. */
    String setActions(DataOffer offer, int actions, int preferredAction) {
        if (!offers.contains(offer) || over) return null;
        if (dropped) {
            // after the drop only an "ask" may be settled, with an action the source allows
            if (action != DndAction.ASK) return null;
            if (preferredAction == DndAction.ASK || (preferredAction & source.actions()) == 0 && preferredAction != DndAction.NONE) {
                return "the final action 0x" + Integer.toHexString(preferredAction) + " is not one the source offers (0x" + Integer.toHexString(source.actions()) + ")";
            }
            destinationActions = actions;
            preferred = preferredAction;
            action = preferredAction; // the source hears it right before dnd_finished
            return null;
        }
        destinationActions = actions;
        preferred = preferredAction;
        updateAction();
        return null;
    }

    private void updateAction() {
        if (source == null) return;
        int chosen = focus == null || offers.isEmpty() ? DndAction.NONE : DndActions.choose(source.actions(), destinationActions(), preferred);
        if (chosen == action) return;
        action = chosen;
        for (DataOffer o : offers) if (o.version() >= WlDataOffer.EVENT_ACTION_SINCE) o.resource().sendAction(action);
        if (source.version() >= WlDataSource.EVENT_ACTION_SINCE) source.resource().sendAction(action);
    }

    /** Before version 3 a destination has no actions to set: it takes copy. */
    private int destinationActions() {
        return offers.getFirst().version() >= WlDataOffer.REQUEST_SET_ACTIONS_SINCE ? destinationActions : DndAction.COPY;
    }

    void receive(DataOffer offer, String mimeType, OwnedFd fd) {
        try (fd) {
            if (offers.contains(offer) && !over && source.mimeTypes().contains(mimeType)) source.send(mimeType, fd);
        }
    }

    // ---- the end ----

    private void drop() {
        grabbing = false;
        boolean accepts = focus != null && (source == null || !offers.isEmpty() && accepted != null && action != DndAction.NONE);
        if (accepts) {
            List<WlDataDevice> list = devices.of(focus.client());
            for (int i = 0; i < list.size(); i++) list.get(i).sendDrop();
            dropped = true;
            askAtDrop = action == DndAction.ASK;
            if (source == null) over = true;
            else if (source.version() >= WlDataSource.EVENT_DND_DROP_PERFORMED_SINCE) source.resource().sendDndDropPerformed();
        } else {
            leave();
            cancelSource();
        }
        release(true);
    }

    /** Returns why finish is refused (invalid_finish), or null when it concludes the drag. */
    String finish(DataOffer offer) {
        if (!dropped || over || !offers.contains(offer)) return "finish before a drop on this offer";
        if (accepted == null) return "finish without an accepted mime type";
        if (action == DndAction.NONE) return "finish without an action";
        if (action == DndAction.ASK) return "finish before the ask action was settled with set_actions";
        over = true;
        source.usedBy(null);
        if (source.version() >= WlDataSource.EVENT_DND_FINISHED_SINCE) {
            if (askAtDrop) source.resource().sendAction(action); // how the destination settled the ask
            source.resource().sendDndFinished();
        }
        return null;
    }

    /** A destination offer went: after a drop without finish, the drag failed. */
    void offerDestroyed(DataOffer offer) {
        if (!offers.remove(offer) || !dropped || over || !offers.isEmpty()) return;
        over = true;
        if (offer.version() >= WlDataOffer.REQUEST_FINISH_SINCE) {
            cancelSource();
        } else if (source.version() >= WlDataSource.EVENT_DND_FINISHED_SINCE) {
            source.resource().sendDndFinished(); // an old destination has no finish: destroying the offer is its end
        }
    }

    void sourceDestroyed() {
        if (grabbing) cancelWhileGrabbing(true);
        over = true;
    }

    private void cancelWhileGrabbing(boolean endGrab) {
        grabbing = false;
        leave();
        cancelSource();
        release(endGrab);
    }

    private void cancelSource() {
        over = true;
        if (source == null) return;
        source.usedBy(null);
        if (source.version() >= WlDataSource.EVENT_DND_FINISHED_SINCE) source.resource().sendCancelled(); // older sources hear only of replaced selections
    }

    /** Hides the icon and gives the pointer back (unless another grab took it). */
    private void release(boolean endGrab) {
        scene.setDragIcon(null);
        scene.damage(iconBounds);
        if (endGrab) pointer.endGrab(this);
    }
}
