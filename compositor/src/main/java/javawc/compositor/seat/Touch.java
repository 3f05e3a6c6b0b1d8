package javawc.compositor.seat;

import javawc.compositor.core.Surface;
import javawc.compositor.scene.Scene;
import javawc.server.protocol.WlTouch;
import javawc.wire.Fixed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * wl_touch, and the seat's touch points. The seat has the touch capability while at least one
 * touch device is there ({@link #deviceAdded}; libinput's touchscreens, or the control
 * channel's virtual one). Each touch point belongs to the surface it went down on (the topmost
 * taking input there) until it lifts: its motion and up go to that surface's client, in
 * surface-local coordinates, whatever is under it by then. The first finger down raises the
 * window and gives it the keyboard, as a click does. Events are grouped by {@link #frame}.
 */
public final class Touch implements WlTouch.Handler {
    private final Seat seat;
    private final Scene scene;
    private final Scene.Hit hit = new Scene.Hit();
    private final int[] xy = new int[2];
    private final Map<Integer, Surface> points = new HashMap<>(); // touch id -> the surface it went down on (null: none)
    private final List<SeatClient> framePending = new ArrayList<>();
    private int devices;
    private boolean everAvailable;

    Touch(Seat seat, Scene scene) {
        this.seat = seat;
        this.scene = scene;
    }

    /** Whether the seat has the touch capability now. */
    public boolean available() {
        return devices > 0;
    }

    /** Whether it ever had it: from then on wl_seat.get_touch is no protocol error, even while no device is there. */
    boolean everAvailable() {
        return everAvailable;
    }

    /** A touch device appeared; the first one adds the touch capability. */
    public void deviceAdded() {
        if (devices++ > 0) return;
        everAvailable = true;
        seat.capabilitiesChanged();
    }

    /** A touch device went; with the last one the points are cancelled and the capability goes. */
    public void deviceRemoved() {
        if (devices == 0 || --devices > 0) return;
        cancel();
        seat.capabilitiesChanged();
    }

    // ---- input ----

    /** Finger {@code id} touched down at the global position (x, y). */
    public void down(int id, double x, double y, int timeMs) {
        seat.inputActivity();
        if (points.containsKey(id)) return;
        Surface s = scene.pick(x, y, hit) ? hit.surface : null;
        if (s != null && points.isEmpty()) hit.window.activate(); // touch to focus, as click to focus
        points.put(id, s);
        SeatClient c = seat.clientOf(s);
        if (c == null || c.touches.isEmpty() || s.isDestroyed() || !s.position(xy)) return;
        int serial = seat.nextSerial();
        c.serials.record(serial, InputSerials.Kind.TOUCH_DOWN);
        int fx = Fixed.fromDouble(x - xy[0]), fy = Fixed.fromDouble(y - xy[1]);
        for (WlTouch t : c.touches) t.sendDown(serial, timeMs, s.resource(), id, fx, fy);
        pending(c);
    }

    /** Finger {@code id} moved to the global position (x, y). */
    public void motion(int id, double x, double y, int timeMs) {
        seat.inputActivity();
        Surface s = points.get(id);
        SeatClient c = seat.clientOf(s);
        if (c == null || s.isDestroyed() || !s.position(xy)) return;
        int fx = Fixed.fromDouble(x - xy[0]), fy = Fixed.fromDouble(y - xy[1]);
        for (WlTouch t : c.touches) t.sendMotion(timeMs, id, fx, fy);
        pending(c);
    }

    /** Finger {@code id} lifted. */
    public void up(int id, int timeMs) {
        seat.inputActivity();
        if (!points.containsKey(id)) return;
        Surface s = points.remove(id);
        SeatClient c = seat.clientOf(s);
        if (c == null || s.isDestroyed()) return;
        int serial = seat.nextSerial();
        c.serials.record(serial, InputSerials.Kind.TOUCH_UP);
        for (WlTouch t : c.touches) t.sendUp(serial, timeMs, id);
        pending(c);
    }

    /**
     * The scene changed: a point whose surface is no longer shown (destroyed or unmapped) gets
     * its up now, so the client does not wait for one that would never reach it; the finger
     * itself stays down, going nowhere, until it lifts.
     */
    void sceneChanged(int timeMs) {
        if (points.isEmpty()) return;
        for (Map.Entry<Integer, Surface> point : points.entrySet()) {
            Surface s = point.getValue();
            if (s == null || !s.isDestroyed() && s.position(xy)) continue;
            point.setValue(null);
            SeatClient c = seat.clientOf(s);
            if (c == null || c.touches.isEmpty()) continue;
            int serial = seat.nextSerial();
            c.serials.record(serial, InputSerials.Kind.TOUCH_UP);
            for (WlTouch t : c.touches) t.sendUp(serial, timeMs, point.getKey());
            pending(c);
        }
        frame();
    }

    /** Ends a set of touch events that belong together (wl_touch.frame). */
    public void frame() {
        for (SeatClient c : framePending) {
            for (WlTouch t : c.touches) t.sendFrame();
        }
        framePending.clear();
    }

    /** The touch session ends without the points lifting (wl_touch.cancel to each client that had some). */
    public void cancel() {
        List<SeatClient> told = new ArrayList<>();
        for (Surface s : points.values()) {
            SeatClient c = seat.clientOf(s);
            if (c == null || told.contains(c)) continue;
            told.add(c);
            for (WlTouch t : c.touches) t.sendCancel();
        }
        points.clear();
        framePending.clear();
    }

    private void pending(SeatClient c) {
        if (!framePending.contains(c)) framePending.add(c);
    }

    // ---- wl_touch ----

    void bound(WlTouch r) {
        r.setHandler(this);
    }

    @Override
    public void release(WlTouch self) {
        // destructor: the resource is destroyed after this returns
    }
}
