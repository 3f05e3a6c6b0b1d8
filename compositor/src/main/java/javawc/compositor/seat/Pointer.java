package javawc.compositor.seat;

import javawc.compositor.core.Surface;
import javawc.compositor.cursor.CursorImage;
import javawc.compositor.cursor.CursorImages;
import javawc.compositor.cursor.CursorShape;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Scene;
import javawc.server.Client;
import javawc.server.protocol.WlPointer;
import javawc.server.protocol.WlSurface;
import javawc.wire.Fixed;

import java.util.List;

/**
 * wl_pointer, and the seat's pointer: its global position, the surface it is over (the
 * focus), the buttons held, the cursor image and the grab, if any, that decides where events
 * go. Without a grab the focus is the topmost surface under the pointer that takes input,
 * except while a button is held: then it stays where the press happened (the implicit grab),
 * so a drag that leaves the window still reaches it. A press also raises the window and gives
 * it the keyboard focus (click to focus). Until a device first moves or clicks, the pointer
 * points at nothing, so a headless compositor with no pointer device sends no enter events.
 *
 * <p>The cursor: the surface the focused client set with set_cursor (none: hidden, as the
 * protocol says), or, until that client sets one after getting the focus, and over no window
 * at all, the compositor's arrow; a grab may show a shape of its own instead (move, resize).
 * Nothing is shown before the pointer first moves.
 */
public final class Pointer implements WlPointer.Handler {
    private static final int MAX_BUTTONS = 16;

    private final Seat seat;
    private final Scene scene;
    private final Scene.Hit hit = new Scene.Hit();
    private final int[] xy = new int[2];
    private final int[] held = new int[MAX_BUTTONS];
    private int heldCount, pressSerial;
    private double x, y;
    private final double[] clamped = new double[2]; // clampToOutputs' answer, reused on every motion
    private final double[] constrained = new double[2]; // the constraint's answer, likewise
    private final List<RelativeMotionListener> relativeListeners = new java.util.ArrayList<>(1);
    private final List<Runnable> movedListeners = new java.util.ArrayList<>(1);
    private MotionConstraint constraint;
    private boolean active, framePending, framesHeld;
    private Surface focus;
    private int sentX, sentY; // the last surface-local position the focus client was sent (wl_fixed)
    private int focusSerial;  // the enter serial of the current focus; 0 while its client was not told
    private PointerGrab grab;
    private Surface cursor;          // the client cursor surface on screen, or null
    private Surface clientCursor;    // what the focus's client last set with set_cursor (null: hidden)
    private boolean clientCursorSet; // whether it did since it got the focus
    private CursorImages cursorImages; // the compositor's cursors; null: none (then only clients' show)

    Pointer(Seat seat, Scene scene) {
        this.seat = seat;
        this.scene = scene;
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    /** The surface that gets pointer events, or null. */
    public Surface focus() {
        return focus;
    }

    public int buttonCount() {
        return heldCount;
    }

    /** The serial of the press that began the current held-button grab (0 if it reached no client). */
    public int pressSerial() {
        return heldCount > 0 ? pressSerial : 0;
    }

    public PointerGrab grab() {
        return grab;
    }

    /** The client cursor surface on screen, or null (hidden, or the compositor's own image shown). */
    public Surface cursor() {
        return cursor;
    }

    /** Gives the pointer the compositor's own cursors, shown where no client cursor is. */
    public void useCursorImages(CursorImages images) {
        cursorImages = images;
        images.get(CursorShape.DEFAULT, scene.maxOutputScale()); // read now: the log says at start which theme, and the first motion does not wait
        updateCursor();
    }

    // ---- input, from devices and the control channel ----

    public void addRelativeMotionListener(RelativeMotionListener listener) {
        relativeListeners.add(listener);
    }

    /** Puts {@code c} in charge of device motion (null: none); the pointer calls it on every motion. */
    public void setConstraint(MotionConstraint c) {
        constraint = c;
    }

    /** Hears that the pointer moved or its focus changed (after the events went out). */
    public void addMovedListener(Runnable listener) {
        movedListeners.add(listener);
    }

    /**
     * A device put the pointer at the global position (x, y) (an absolute device, the control
     * channel): as far as a constraint lets it, kept inside the outputs; the distance is
     * reported as relative motion too, as a relative device's would be.
     */
    public void motionTo(double newX, double newY, int timeMs) {
        if (!active) {
            placeAt(newX, newY, timeMs);
            return;
        }
        relativeMotion(newX - x, newY - y, newX - x, newY - y, timeMs * 1000L);
        moveConstrained(newX, newY, timeMs);
    }

    /** Moves the pointer to (x, y) with no constraint asked: a warp (an output change, a lock's cursor hint). */
    public void warpTo(double newX, double newY) {
        placeAt(newX, newY, Seat.nowMs());
    }

    private void relativeMotion(double dx, double dy, double udx, double udy, long timeUsec) {
        seat.inputActivity();
        for (int i = 0; i < relativeListeners.size(); i++) {
            if (relativeListeners.get(i).relativeMotion(dx, dy, udx, udy, timeUsec)) framePending = true;
        }
    }

    private void moveConstrained(double toX, double toY, int timeMs) {
        if (constraint != null) {
            constraint.constrain(x, y, toX, toY, constrained);
            toX = constrained[0];
            toY = constrained[1];
        }
        placeAt(toX, toY, timeMs);
    }

    private void placeAt(double newX, double newY, int timeMs) {
        Rect before = cursor != null ? cursor.globalBounds() : null;
        scene.clampToOutputs(newX, newY, clamped);
        x = clamped[0];
        y = clamped[1];
        active = true;
        if (before != null) {
            scene.damage(before);
            scene.damage(cursor.globalBounds());
        }
        moved(timeMs); // places the compositor's cursor image too
    }

    public void motionBy(double dx, double dy, int timeMs) {
        motionBy(dx, dy, dx, dy, timeMs * 1000L);
    }

    /** A relative device moved by (dx, dy) after acceleration, (udx, udy) before it; the time in microseconds. */
    public void motionBy(double dx, double dy, double udx, double udy, long timeUsec) {
        int timeMs = (int) (timeUsec / 1000);
        wakeUp(timeMs);
        relativeMotion(dx, dy, udx, udy, timeUsec);
        moveConstrained(x + dx, y + dy, timeMs);
    }

    /** A button (an evdev code such as BTN_LEFT) went down or up; repeats of either are ignored. */
    public void button(int button, boolean pressed, int timeMs) {
        seat.inputActivity();
        wakeUp(timeMs);
        if (pressed) {
            if (isHeld(button) || heldCount == MAX_BUTTONS) return;
            held[heldCount++] = button;
        } else if (!removeHeld(button)) {
            return;
        }
        if (grab != null) grab.button(timeMs, button, pressed);
        else ordinaryButton(timeMs, button, pressed);
        endFrame();
    }

    /** A scroll on {@code axis} (wl_pointer.axis) by {@code value}; {@code value120} counts wheel clicks in 120ths (0 if none). */
    public void axis(int source, int axis, double value, int value120, int timeMs) {
        seat.inputActivity();
        wakeUp(timeMs);
        if (grab != null) grab.axis(timeMs, source, axis, value, value120);
        else sendAxis(timeMs, source, axis, value, value120);
        endFrame();
    }

    /** An output moved, changed size or went away: the pointer stays on one. */
    public void outputsChanged() {
        if (active) placeAt(x, y, Seat.nowMs());
    }

    /** The scene changed: what is under the pointer may have too. */
    void sceneChanged() {
        if (active) moved(Seat.nowMs());
    }

    /**
     * The client is destroying {@code s}: if it has the focus, the leave goes out now, while the
     * surface's id is still valid; what is under the pointer instead is entered at the end of
     * the turn, with the rest of the scene's changes.
     */
    void surfaceDestroying(Surface s) {
        if (s != focus) return;
        setFocus(null);
        endFrame();
    }

    private void moved(int timeMs) {
        if (grab != null) {
            grab.motion(timeMs);
        } else {
            refocus(null);
            sendMotion(timeMs);
        }
        endFrame();
        updateCursor();
        for (int i = 0; i < movedListeners.size(); i++) movedListeners.get(i).run();
    }

    /** The first event of any device puts the pointer in the middle of the primary output, over whatever is there. */
    private void wakeUp(int timeMs) {
        if (active) return;
        Rect area = scene.primaryOutput().logicalBounds(); // the layout's middle may fall between outputs
        x = area.x() + area.width() / 2.0;
        y = area.y() + area.height() / 2.0;
        active = true;
        moved(timeMs);
    }

    private boolean isHeld(int button) {
        for (int i = 0; i < heldCount; i++) if (held[i] == button) return true;
        return false;
    }

    private boolean removeHeld(int button) {
        for (int i = 0; i < heldCount; i++) {
            if (held[i] == button) {
                held[i] = held[--heldCount];
                return true;
            }
        }
        return false;
    }

    private void ordinaryButton(int timeMs, int button, boolean pressed) {
        if (pressed && heldCount == 1 && focus != null && scene.pick(x, y, hit) && hit.surface == focus) {
            hit.window.activate(); // click to focus: raise, keyboard focus, activated state
        }
        sendButton(timeMs, button, pressed);
        if (!pressed && heldCount == 0) {
            refocus(null);
            sendMotion(timeMs);
        }
    }

    // ---- grabs ----

    /** Starts {@code g}; a grab already running is cancelled. */
    public void startGrab(PointerGrab g) {
        PointerGrab previous = grab;
        grab = g;
        if (previous != null && previous != g) previous.cancel();
        updateCursor();
    }

    /** Ends {@code g} if it is the current grab; the focus goes back to what is under the pointer. */
    public void endGrab(PointerGrab g) {
        if (grab != g) return;
        grab = null;
        if (active) {
            refocus(null);
            sendMotion(Seat.nowMs());
            endFrame();
        }
        updateCursor();
    }

    // ---- deliveries, for the ordinary behaviour and for grabs ----

    /**
     * Makes the topmost surface under the pointer the focus (only if {@code onlyClient}'s, when
     * given). While a button is held the focus stays, unless its surface stopped being shown.
     */
    public void refocus(Client onlyClient) {
        if (heldCount > 0) {
            if (focus != null && !focus.position(xy)) setFocus(null);
            return;
        }
        Surface s = null;
        if (active && scene.pick(x, y, hit) && (onlyClient == null || hit.surface.client() == onlyClient)) s = hit.surface;
        setFocus(s);
    }

    /** Moves the focus: leave for the old surface, enter (with the position) for the new one. */
    public void setFocus(Surface s) {
        if (s == focus) return;
        SeatClient old = seat.clientOf(focus), now = seat.clientOf(s);
        if (old != null && !focus.isDestroyed()) {
            int serial = seat.nextSerial();
            List<WlPointer> pointers = old.pointers;
            for (int i = 0; i < pointers.size(); i++) pointers.get(i).sendLeave(serial, focus.resource());
            framePending = true;
        }
        if (old != now) {
            sendFrame(); // the old client's leave is a frame of its own, even while frames are held
            clientCursor = null; // the new client sets its own cursor on enter; until then, ours
            clientCursorSet = false;
        }
        focus = s;
        focusSerial = 0;
        updateCursor();
        if (s == null || !s.position(xy)) return;
        sentX = Fixed.fromDouble(x - xy[0]);
        sentY = Fixed.fromDouble(y - xy[1]);
        if (now == null) return;
        int serial = enterSerial(now);
        List<WlPointer> pointers = now.pointers;
        for (int i = 0; i < pointers.size(); i++) pointers.get(i).sendEnter(serial, s.resource(), sentX, sentY);
        framePending = true;
    }

    /** The enter serial of the current focus, made (and remembered for set_cursor) when first needed. */
    private int enterSerial(SeatClient c) {
        if (focusSerial == 0) {
            focusSerial = seat.nextSerial();
            c.pointerEnterSerial = focusSerial;
            c.serials.record(focusSerial, InputSerials.Kind.POINTER_ENTER);
        }
        return focusSerial;
    }

    /** Sends motion to the focus if the surface-local position changed. */
    public void sendMotion(int timeMs) {
        SeatClient c = seat.clientOf(focus);
        if (c == null || !focus.position(xy)) return;
        int fx = Fixed.fromDouble(x - xy[0]), fy = Fixed.fromDouble(y - xy[1]);
        if (fx == sentX && fy == sentY) return;
        sentX = fx;
        sentY = fy;
        List<WlPointer> pointers = c.pointers;
        for (int i = 0; i < pointers.size(); i++) pointers.get(i).sendMotion(timeMs, fx, fy);
        framePending = true;
    }

    /** Sends a button event to the focus, with a serial its client may later name. */
    public void sendButton(int timeMs, int button, boolean pressed) {
        SeatClient c = seat.clientOf(focus);
        if (pressed && heldCount == 1) pressSerial = 0;
        if (c == null || focus.isDestroyed()) return;
        int serial = seat.nextSerial();
        c.serials.record(serial, pressed ? InputSerials.Kind.BUTTON_PRESS : InputSerials.Kind.BUTTON_RELEASE);
        if (pressed && heldCount == 1) pressSerial = serial;
        int state = pressed ? WlPointer.ButtonState.PRESSED : WlPointer.ButtonState.RELEASED;
        List<WlPointer> pointers = c.pointers;
        for (int i = 0; i < pointers.size(); i++) pointers.get(i).sendButton(serial, timeMs, button, state);
        framePending = true;
    }

    /**
     * Sends a scroll to the focus: axis_source (v5), the wheel clicks as axis_value120 (v8) or
     * axis_discrete (v5 to 7), then the axis; a finger lifting (value 0) is axis_stop (v5).
     */
    public void sendAxis(int timeMs, int source, int axis, double value, int value120) {
        SeatClient c = seat.clientOf(focus);
        if (c == null || focus.isDestroyed()) return;
        int fixed = Fixed.fromDouble(value);
        List<WlPointer> pointers = c.pointers;
        for (int i = 0; i < pointers.size(); i++) {
            WlPointer p = pointers.get(i);
            boolean v5 = p.version() >= WlPointer.EVENT_AXIS_SOURCE_SINCE;
            if (v5 && (source != WlPointer.AxisSource.WHEEL_TILT || p.version() >= 6)) p.sendAxisSource(source);
            if (value == 0 && source == WlPointer.AxisSource.FINGER) {
                if (v5) p.sendAxisStop(timeMs, axis);
                continue;
            }
            if (value120 != 0) {
                if (p.version() >= WlPointer.EVENT_AXIS_VALUE120_SINCE) p.sendAxisValue120(axis, value120);
                else if (v5 && value120 / 120 != 0) p.sendAxisDiscrete(axis, value120 / 120);
            }
            p.sendAxis(timeMs, axis, fixed);
        }
        framePending = true;
    }

    /**
     * Holds back wl_pointer.frame until {@link #releaseFrames}: a device whose events come in
     * groups (a virtual pointer's frame) has them all closed by one frame, as one libinput event would be.
     */
    public void holdFrames() {
        framesHeld = true;
    }

    public void releaseFrames() {
        framesHeld = false;
        endFrame();
    }

    /** Closes the events sent since the last frame with wl_pointer.frame (v5). */
    void endFrame() {
        if (!framesHeld) sendFrame();
    }

    private void sendFrame() {
        if (!framePending) return;
        framePending = false;
        SeatClient c = seat.clientOf(focus);
        if (c == null) return;
        List<WlPointer> pointers = c.pointers;
        for (int i = 0; i < pointers.size(); i++) {
            if (pointers.get(i).version() >= WlPointer.EVENT_FRAME_SINCE) pointers.get(i).sendFrame();
        }
    }

    // ---- the cursor ----

    /**
     * Puts on screen the cursor the state calls for: a grab's own shape; else the client's
     * surface once the focus's client has set one (or nothing, if it set none); else our arrow.
     * Called on every motion: when nothing changed it changes nothing and allocates nothing.
     */
    private void updateCursor() {
        if (clientCursor != null && clientCursor.isDestroyed()) clientCursor = null; // it took its cursor away: hidden
        CursorShape shape = grab != null ? grab.cursorShape() : null;
        Surface surface = null;
        CursorImage image = null;
        if (!active) {
            // pointing at nothing yet: nothing to show
        } else if (shape == null && clientCursorSet) {
            surface = clientCursor;
        } else if (cursorImages != null) {
            image = cursorImages.get(shape != null ? shape : CursorShape.DEFAULT, scene.maxOutputScale());
        }
        cursor = surface;
        scene.setCursor(surface);
        if (image == null) scene.setCursorImage(null, 0, 0);
        else scene.setCursorImage(image, (int) Math.floor(x) - image.hotspotX(), (int) Math.floor(y) - image.hotspotY());
    }

    // ---- wl_pointer ----

    /** A client asked for a wl_pointer: if it has the focus, the new object is told at once. */
    void bound(WlPointer r, SeatClient c) {
        r.setHandler(this);
        if (focus == null || focus.client() != r.client() || focus.isDestroyed()) return;
        r.sendEnter(enterSerial(c), focus.resource(), sentX, sentY);
        if (r.version() >= WlPointer.EVENT_FRAME_SINCE) r.sendFrame();
    }

    @Override
    public void setCursor(WlPointer self, int serial, WlSurface surfaceResource, int hotspotX, int hotspotY) {
        Surface s = surfaceResource == null ? null : Surface.of(surfaceResource);
        CursorRole role = null;
        if (s != null) {
            if (s.role() instanceof CursorRole r) {
                role = r;
            } else {
                role = new CursorRole(this);
                if (!s.setRole(role, self, WlPointer.Error.ROLE)) return;
            }
        }
        SeatClient c = seat.clientOf(self.client());
        if (c == null || serial != c.pointerEnterSerial) return; // not the latest enter: ignored, as the protocol says
        boolean ours = focus != null && focus.client() == self.client();
        if (!ours && (s == null || s != cursor)) return;
        Rect before = cursor != null ? cursor.globalBounds() : Rect.EMPTY;
        if (role != null) role.setHotspot(hotspotX, hotspotY);
        scene.damage(before);
        clientCursor = s;
        clientCursorSet = true;
        updateCursor();
        if (cursor != null) scene.damage(cursor.globalBounds());
    }

    @Override
    public void release(WlPointer self) {
        // destructor: the resource is destroyed after this returns
    }
}
