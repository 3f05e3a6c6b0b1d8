package javawc.compositor.pointergestures;

import javawc.compositor.core.Surface;
import javawc.compositor.seat.Gestures;
import javawc.compositor.seat.Seat;
import javawc.server.Client;
import javawc.server.GlobalRegistry;
import javawc.server.Resource;
import javawc.server.protocol.WlPointer;
import javawc.server.protocol.ZwpPointerGestureHoldV1;
import javawc.server.protocol.ZwpPointerGesturePinchV1;
import javawc.server.protocol.ZwpPointerGestureSwipeV1;
import javawc.server.protocol.ZwpPointerGesturesV1;
import javawc.wire.Fixed;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * zwp_pointer_gestures_v1 (v3: swipe, pinch, hold). A gesture goes to the surface under the
 * pointer when it begins (the pointer focus), to that client's gesture objects of its kind, and
 * stays with that surface until it ends, wherever the pointer goes meanwhile; a gesture that
 * began over no client's surface is not sent at all.
 */
public final class PointerGesturesGlobal implements ZwpPointerGesturesV1.Handler, Gestures {
    public static final int VERSION = 3;

    private final Seat seat;
    private final Map<Client, List<ZwpPointerGestureSwipeV1>> swipes = new IdentityHashMap<>();
    private final Map<Client, List<ZwpPointerGesturePinchV1>> pinches = new IdentityHashMap<>();
    private final Map<Client, List<ZwpPointerGestureHoldV1>> holds = new IdentityHashMap<>();
    private Surface swipeTarget, pinchTarget, holdTarget;

    public PointerGesturesGlobal(GlobalRegistry registry, Seat seat) {
        this.seat = seat;
        seat.setGestures(this);
        registry.add(ZwpPointerGesturesV1.SPEC, VERSION, ZwpPointerGesturesV1::new, r -> r.setHandler(this));
    }

    private static <R extends Resource> void track(Map<Client, List<R>> byClient, R r) {
        List<R> list = byClient.computeIfAbsent(r.client(), c -> new ArrayList<>(1));
        list.add(r);
        r.onDestroy(() -> {
            list.remove(r);
            if (list.isEmpty()) byClient.remove(r.client());
        });
    }

    @Override
    public void getSwipeGesture(ZwpPointerGesturesV1 self, ZwpPointerGestureSwipeV1 id, WlPointer pointer) {
        id.setHandler(s -> { /* destructor */ });
        track(swipes, id);
    }

    @Override
    public void getPinchGesture(ZwpPointerGesturesV1 self, ZwpPointerGesturePinchV1 id, WlPointer pointer) {
        id.setHandler(p -> { /* destructor */ });
        track(pinches, id);
    }

    @Override
    public void getHoldGesture(ZwpPointerGesturesV1 self, ZwpPointerGestureHoldV1 id, WlPointer pointer) {
        id.setHandler(h -> { /* destructor */ });
        track(holds, id);
    }

    /** The surface a gesture beginning now goes to, or null. */
    private Surface target() {
        seat.inputActivity();
        Surface s = seat.pointer().focus();
        return s == null || s.isDestroyed() ? null : s;
    }

    /** The gesture objects of {@code target}'s client while the surface lives, else null. */
    private static <R> List<R> of(Map<Client, List<R>> byClient, Surface target) {
        return target == null || target.isDestroyed() ? null : byClient.get(target.client());
    }

    // ---- swipe ----

    @Override
    public void swipeBegin(int timeMs, int fingers) {
        swipeTarget = target();
        List<ZwpPointerGestureSwipeV1> list = of(swipes, swipeTarget);
        if (list == null) return;
        int serial = seat.nextSerial();
        for (int i = 0; i < list.size(); i++) list.get(i).sendBegin(serial, timeMs, swipeTarget.resource(), fingers);
    }

    @Override
    public void swipeUpdate(int timeMs, double dx, double dy) {
        seat.inputActivity();
        List<ZwpPointerGestureSwipeV1> list = of(swipes, swipeTarget);
        if (list == null) return;
        for (int i = 0; i < list.size(); i++) list.get(i).sendUpdate(timeMs, Fixed.fromDouble(dx), Fixed.fromDouble(dy));
    }

    @Override
    public void swipeEnd(int timeMs, boolean cancelled) {
        seat.inputActivity();
        List<ZwpPointerGestureSwipeV1> list = of(swipes, swipeTarget);
        swipeTarget = null;
        if (list == null) return;
        int serial = seat.nextSerial();
        for (int i = 0; i < list.size(); i++) list.get(i).sendEnd(serial, timeMs, cancelled ? 1 : 0);
    }

    // ---- pinch ----

    @Override
    public void pinchBegin(int timeMs, int fingers) {
        pinchTarget = target();
        List<ZwpPointerGesturePinchV1> list = of(pinches, pinchTarget);
        if (list == null) return;
        int serial = seat.nextSerial();
        for (int i = 0; i < list.size(); i++) list.get(i).sendBegin(serial, timeMs, pinchTarget.resource(), fingers);
    }

    @Override
    public void pinchUpdate(int timeMs, double dx, double dy, double scale, double rotation) {
        seat.inputActivity();
        List<ZwpPointerGesturePinchV1> list = of(pinches, pinchTarget);
        if (list == null) return;
        int fdx = Fixed.fromDouble(dx), fdy = Fixed.fromDouble(dy), fscale = Fixed.fromDouble(scale), frotation = Fixed.fromDouble(rotation);
        for (int i = 0; i < list.size(); i++) list.get(i).sendUpdate(timeMs, fdx, fdy, fscale, frotation);
    }

    @Override
    public void pinchEnd(int timeMs, boolean cancelled) {
        seat.inputActivity();
        List<ZwpPointerGesturePinchV1> list = of(pinches, pinchTarget);
        pinchTarget = null;
        if (list == null) return;
        int serial = seat.nextSerial();
        for (int i = 0; i < list.size(); i++) list.get(i).sendEnd(serial, timeMs, cancelled ? 1 : 0);
    }

    // ---- hold ----

    @Override
    public void holdBegin(int timeMs, int fingers) {
        holdTarget = target();
        List<ZwpPointerGestureHoldV1> list = of(holds, holdTarget);
        if (list == null) return;
        int serial = seat.nextSerial();
        for (int i = 0; i < list.size(); i++) list.get(i).sendBegin(serial, timeMs, holdTarget.resource(), fingers);
    }

    @Override
    public void holdEnd(int timeMs, boolean cancelled) {
        seat.inputActivity();
        List<ZwpPointerGestureHoldV1> list = of(holds, holdTarget);
        holdTarget = null;
        if (list == null) return;
        int serial = seat.nextSerial();
        for (int i = 0; i < list.size(); i++) list.get(i).sendEnd(serial, timeMs, cancelled ? 1 : 0);
    }

    @Override
    public void release(ZwpPointerGesturesV1 self) {
        // destructor: gesture objects made through it live on
    }
}
