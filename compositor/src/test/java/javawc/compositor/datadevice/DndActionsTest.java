package javawc.compositor.datadevice;

import org.junit.jupiter.api.Test;

import static javawc.server.protocol.WlDataDeviceManager.DndAction.ASK;
import static javawc.server.protocol.WlDataDeviceManager.DndAction.COPY;
import static javawc.server.protocol.WlDataDeviceManager.DndAction.MOVE;
import static javawc.server.protocol.WlDataDeviceManager.DndAction.NONE;
import static org.junit.jupiter.api.Assertions.*;

class DndActionsTest {
    @Test
    void thePreferredActionWinsWhenBothSidesAllowIt() {
        assertEquals(MOVE, DndActions.choose(COPY | MOVE, COPY | MOVE, MOVE));
        assertEquals(ASK, DndActions.choose(COPY | MOVE | ASK, COPY | ASK, ASK));
    }

    @Test
    void otherwiseTheFirstCommonActionInBitOrder() {
        assertEquals(COPY, DndActions.choose(COPY | MOVE, COPY | MOVE, NONE));
        assertEquals(MOVE, DndActions.choose(MOVE | ASK, COPY | MOVE | ASK, COPY), "copy is preferred but the source does not allow it");
        assertEquals(NONE, DndActions.choose(COPY, MOVE, MOVE));
        assertEquals(NONE, DndActions.choose(COPY | MOVE, NONE, NONE));
    }

    @Test
    void masksAndSingleActions() {
        assertTrue(DndActions.isMask(COPY | MOVE | ASK));
        assertTrue(DndActions.isMask(NONE));
        assertFalse(DndActions.isMask(8));
        assertTrue(DndActions.isSingle(NONE));
        assertTrue(DndActions.isSingle(ASK));
        assertFalse(DndActions.isSingle(COPY | MOVE));
        assertFalse(DndActions.isSingle(8));
    }
}
