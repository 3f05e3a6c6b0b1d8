package javawc.compositor.input;

import javawc.server.protocol.WlPointer;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class LibinputEventsTest {
    @Test
    void scrollEventTypesGiveTheirAxisSource() {
        assertEquals(WlPointer.AxisSource.WHEEL, LibinputEvents.axisSource(LibInput.EVENT_POINTER_SCROLL_WHEEL));
        assertEquals(WlPointer.AxisSource.FINGER, LibinputEvents.axisSource(LibInput.EVENT_POINTER_SCROLL_FINGER));
        assertEquals(WlPointer.AxisSource.CONTINUOUS, LibinputEvents.axisSource(LibInput.EVENT_POINTER_SCROLL_CONTINUOUS));
        assertEquals(-1, LibinputEvents.axisSource(LibInput.EVENT_POINTER_AXIS), "the old axis event duplicates the others");
    }

    @Test
    void axesMapToWlPointerAxes() {
        assertEquals(WlPointer.Axis.VERTICAL_SCROLL, LibinputEvents.wlAxis(LibInput.AXIS_SCROLL_VERTICAL));
        assertEquals(WlPointer.Axis.HORIZONTAL_SCROLL, LibinputEvents.wlAxis(LibInput.AXIS_SCROLL_HORIZONTAL));
        assertEquals(-120, LibinputEvents.value120(-120.0));
        assertEquals(60, LibinputEvents.value120(59.99999));
    }

    @Test
    void onlyTheFirstPressAndTheLastReleaseOfACodeAcrossDevicesReachTheSeat() {
        assertTrue(LibinputEvents.reachesSeat(true, 1));
        assertFalse(LibinputEvents.reachesSeat(true, 2), "a second keyboard presses a key already held");
        assertFalse(LibinputEvents.reachesSeat(false, 1), "one keyboard lets go, the other still holds it");
        assertTrue(LibinputEvents.reachesSeat(false, 0));
    }

    @Test
    void openFailuresNameTheNodesAndSayWhatToDo() {
        Map<String, String> failures = new LinkedHashMap<>();
        failures.put("/dev/input/event0", "Permission denied (errno 13)");
        failures.put("/dev/input/event3", "Permission denied (errno 13)");
        String m = LibinputEvents.openFailures(failures, true);
        assertTrue(m.startsWith("cannot open /dev/input/event0 (Permission denied (errno 13)), /dev/input/event3 ("), m);
        assertTrue(m.contains("as root or as a member of the 'input' group") && m.contains("--session libseat") && m.contains("--backend headless"), m);
        String other = LibinputEvents.openFailures(Map.of("/dev/input/event1", "No such device (errno 19)"), false);
        assertTrue(other.contains("--input none"), other);
    }
}
