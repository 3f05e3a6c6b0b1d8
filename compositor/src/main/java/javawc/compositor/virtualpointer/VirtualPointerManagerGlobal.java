package javawc.compositor.virtualpointer;

import javawc.compositor.output.Output;
import javawc.compositor.output.OutputGlobal;
import javawc.compositor.scene.Scene;
import javawc.compositor.seat.Seat;
import javawc.server.Global;
import javawc.server.GlobalRegistry;
import javawc.server.protocol.WlOutput;
import javawc.server.protocol.WlSeat;
import javawc.server.protocol.ZwlrVirtualPointerManagerV1;
import javawc.server.protocol.ZwlrVirtualPointerV1;

/**
 * zwlr_virtual_pointer_manager_v1 (v2, from our facts-only XML): makes virtual pointers on the
 * one seat (a seat argument is only a suggestion, and there is one), optionally mapped to one
 * output for absolute motion.
 */
public final class VirtualPointerManagerGlobal implements ZwlrVirtualPointerManagerV1.Handler {
    public static final int VERSION = 2;

    private final Seat seat;
    private final Scene scene;
    private final Global global;

    public VirtualPointerManagerGlobal(GlobalRegistry registry, Seat seat, Scene scene) {
        this.seat = seat;
        this.scene = scene;
        this.global = registry.add(ZwlrVirtualPointerManagerV1.SPEC, VERSION, ZwlrVirtualPointerManagerV1::new, r -> r.setHandler(this));
    }

    public Global global() {
        return global;
    }

    @Override
    public void createVirtualPointer(ZwlrVirtualPointerManagerV1 self, WlSeat wlSeat, ZwlrVirtualPointerV1 id) {
        new VirtualPointer(id, seat, scene, null);
    }

    @Override
    public void createVirtualPointerWithOutput(ZwlrVirtualPointerManagerV1 self, WlSeat wlSeat, WlOutput output, ZwlrVirtualPointerV1 id) {
        Output o = output == null ? null : OutputGlobal.of(output);
        new VirtualPointer(id, seat, scene, o);
    }

    @Override
    public void destroy(ZwlrVirtualPointerManagerV1 self) {
        // destructor: pointers made through it live on
    }
}
