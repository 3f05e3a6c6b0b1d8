package javawc.compositor.datadevice;

import javawc.server.protocol.WlDataDeviceManager.DndAction;

/** The drag-and-drop action masks of wl_data_device_manager.dnd_action, and how one action is picked. */
final class DndActions {
    static final int ALL = DndAction.COPY | DndAction.MOVE | DndAction.ASK;

    private DndActions() {}

    /** Only known action bits. */
    static boolean isMask(int actions) {
        return (actions & ~ALL) == 0;
    }

    /** Exactly one action, or none. */
    static boolean isSingle(int action) {
        return action == DndAction.NONE || action == DndAction.COPY || action == DndAction.MOVE || action == DndAction.ASK;
    }

    /**
     * The action both sides support: the destination's preferred one when the source allows
     * it, else the first in bit order (copy, move, ask), else none.
     */
    static int choose(int sourceActions, int destinationActions, int preferred) {
        int common = sourceActions & destinationActions;
        if ((common & preferred) != 0) return preferred;
        return Integer.lowestOneBit(common);
    }
}
