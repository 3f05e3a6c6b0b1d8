package javawc.compositor.relativepointer;

import javawc.compositor.core.Surface;
import javawc.compositor.seat.Pointer;
import javawc.compositor.seat.RelativeMotionListener;
import javawc.compositor.seat.Seat;
import javawc.server.Client;
import javawc.server.GlobalRegistry;
import javawc.server.protocol.WlPointer;
import javawc.server.protocol.ZwpRelativePointerManagerV1;
import javawc.server.protocol.ZwpRelativePointerV1;
import javawc.wire.Fixed;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * zwp_relative_pointer_manager_v1 (v1): each zwp_relative_pointer_v1 hears how the seat's
 * pointer devices moved while its client has the pointer focus, accelerated and not, also while
 * a pointer lock keeps the pointer still. Motion reaches the relative pointers of the client
 * owning the focus, whichever of its wl_pointers they were made from (the one seat).
 */
public final class RelativePointerManagerGlobal implements ZwpRelativePointerManagerV1.Handler, RelativeMotionListener {
    public static final int VERSION = 1;

    private final Pointer pointer;
    private final Map<Client, List<ZwpRelativePointerV1>> byClient = new IdentityHashMap<>();
    private final ZwpRelativePointerV1.Handler relativeHandler = self -> {
        // destructor: the resource leaves byClient through its destroy listener
    };

    public RelativePointerManagerGlobal(GlobalRegistry registry, Seat seat) {
        this.pointer = seat.pointer();
        pointer.addRelativeMotionListener(this);
        registry.add(ZwpRelativePointerManagerV1.SPEC, VERSION, ZwpRelativePointerManagerV1::new, r -> r.setHandler(this));
    }

    @Override
    public void getRelativePointer(ZwpRelativePointerManagerV1 self, ZwpRelativePointerV1 id, WlPointer wlPointer) {
        id.setHandler(relativeHandler);
        List<ZwpRelativePointerV1> list = byClient.computeIfAbsent(id.client(), c -> new ArrayList<>(1));
        list.add(id);
        id.onDestroy(() -> {
            list.remove(id);
            if (list.isEmpty()) byClient.remove(id.client());
        });
    }

    @Override
    public boolean relativeMotion(double dx, double dy, double dxUnaccelerated, double dyUnaccelerated, long timeUsec) {
        Surface focus = pointer.focus();
        if (focus == null || focus.isDestroyed()) return false;
        List<ZwpRelativePointerV1> list = byClient.get(focus.client());
        if (list == null) return false;
        int fdx = Fixed.fromDouble(dx), fdy = Fixed.fromDouble(dy);
        int udx = Fixed.fromDouble(dxUnaccelerated), udy = Fixed.fromDouble(dyUnaccelerated);
        for (int i = 0; i < list.size(); i++) list.get(i).sendRelativeMotion((int) (timeUsec >>> 32), (int) timeUsec, fdx, fdy, udx, udy);
        return true;
    }

    @Override
    public void destroy(ZwpRelativePointerManagerV1 self) {
        // destructor: relative pointers made through it live on
    }
}
