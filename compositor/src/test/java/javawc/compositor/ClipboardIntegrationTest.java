package javawc.compositor;

import javawc.client.ProtocolErrorException;
import javawc.client.protocol.WlDataDeviceManager;
import javawc.client.protocol.WlDataOffer;
import javawc.client.protocol.WlDataSource;
import javawc.client.protocol.ZwlrDataControlDeviceV1;
import javawc.client.protocol.ZwlrDataControlSourceV1;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The clipboard through wl_data_device and zwlr_data_control against the real compositor:
 * only the focused client sees the selection, announced just before its keyboard enter; the
 * data goes from the source's client into the receiver's pipe; stale serials are ignored;
 * misuse gets the protocol's errors; pastes leave no descriptor behind in the compositor.
 */
class ClipboardIntegrationTest extends ControlledCompositorTest {
    private static final int RED = 0xffff0000, BLUE = 0xff0000ff;

    @Test
    void theSelectionReachesOnlyTheFocusedClientJustBeforeItsKeyboardEnter() throws Exception {
        try (TestClient a = new TestClient(compositor); TestClient.ShmBuffer red = a.new ShmBuffer(100, 100, RED);
             TestClient b = new TestClient(compositor); TestClient.ShmBuffer blue = b.new ShmBuffer(100, 100, BLUE)) {
            SeatEvents seatA = new SeatEvents(a), seatB = new SeatEvents(b);
            DataDeviceEvents clipA = new DataDeviceEvents(seatA), clipB = new DataDeviceEvents(seatB);
            TestClient.Window one = a.window(red, "copy", "test.copy");
            seatA.await("keyboard.enter " + one.surface().id() + " []");
            clipA.device.setSelection(clipA.source("copied text", "text/plain", "text/plain;charset=utf-8"), seatA.keyboardEnterSerial);
            seatA.await("data_device.selection offer"); // the focused client sees its own selection
            assertFalse(seatB.pending().stream().anyMatch(e -> e.startsWith("data_device.selection")), "no focus, no selection: " + seatB.events);

            TestClient.Window two = b.window(blue, "paste", "test.paste"); // focus on map
            String enter = seatB.await("keyboard.enter " + two.surface().id() + " []");
            List<String> before = seatB.events.subList(seatB.events.indexOf(enter) - 4, seatB.events.indexOf(enter));
            assertEquals(List.of("data_device.data_offer", "offer.offer text/plain", "offer.offer text/plain;charset=utf-8", "data_device.selection offer"), before);
            assertEquals("copied text", clipB.receive(clipB.offer, "text/plain;charset=utf-8", seatA));

            control.ok("place test.copy 0 0", "place test.paste 300 0", "pointer-motion 350 50", "pointer-button BTN_LEFT press", "pointer-button BTN_LEFT release");
            seatB.skipAll(); // clicking b's own window again: the focus stays within b, nothing is announced
            assertFalse(seatB.pending().stream().anyMatch(e -> e.startsWith("data_device.selection")), seatB.events.toString());
        }
    }

    @Test
    void aSerialNeverSentIsIgnoredAndItsSourceCancelled() throws Exception {
        try (TestClient a = new TestClient(compositor); TestClient.ShmBuffer red = a.new ShmBuffer(100, 100, RED)) {
            SeatEvents seat = new SeatEvents(a);
            DataDeviceEvents clip = new DataDeviceEvents(seat);
            TestClient.Window w = a.window(red, "stale", "test.stale");
            seat.await("keyboard.enter " + w.surface().id() + " []");
            clip.device.setSelection(clip.source("first", "text/plain"), seat.keyboardEnterSerial);
            seat.await("data_device.selection offer");
            WlDataOffer first = clip.offer;
            clip.device.setSelection(clip.source("second", "text/plain"), seat.keyboardEnterSerial + 1000);
            seat.await("source.cancelled");
            assertFalse(seat.pending().contains("data_device.selection offer"), "the selection did not change: " + seat.events);
            assertEquals("first", clip.receive(first, "text/plain", seat));
        }
    }

    @Test
    void aSourceUsedTwiceIsInvalidSource() throws Exception {
        try (TestClient a = new TestClient(compositor); TestClient.ShmBuffer red = a.new ShmBuffer(100, 100, RED)) {
            SeatEvents seat = new SeatEvents(a);
            DataDeviceEvents clip = new DataDeviceEvents(seat);
            TestClient.Window w = a.window(red, "twice", "test.twice");
            seat.await("keyboard.enter " + w.surface().id() + " []");
            WlDataSource source = clip.source("once", "text/plain");
            clip.device.setSelection(source, seat.keyboardEnterSerial);
            clip.device.setSelection(source, seat.keyboardEnterSerial);
            ProtocolErrorException e = assertThrows(ProtocolErrorException.class, a.display::roundtrip);
            assertEquals(WlDataSource.Error.INVALID_SOURCE, e.code(), e.getMessage());
            assertEquals(source.toString(), e.objectName());
        }
    }

    @Test
    void aDragAndDropSourceCannotBeTheSelection() throws Exception {
        try (TestClient a = new TestClient(compositor); TestClient.ShmBuffer red = a.new ShmBuffer(100, 100, RED)) {
            SeatEvents seat = new SeatEvents(a);
            DataDeviceEvents clip = new DataDeviceEvents(seat);
            TestClient.Window w = a.window(red, "dnd-source", "test.dnd-source");
            seat.await("keyboard.enter " + w.surface().id() + " []");
            WlDataSource source = clip.source("dragged", "text/plain");
            source.setActions(WlDataDeviceManager.DndAction.COPY);
            clip.device.setSelection(source, seat.keyboardEnterSerial);
            ProtocolErrorException e = assertThrows(ProtocolErrorException.class, a.display::roundtrip);
            assertEquals(WlDataSource.Error.INVALID_SOURCE, e.code(), e.getMessage());
        }
    }

    @Test
    void finishAndSetActionsOnASelectionOfferAreErrors() throws Exception {
        for (boolean finish : new boolean[] {true, false}) {
            try (TestClient a = new TestClient(compositor); TestClient.ShmBuffer red = a.new ShmBuffer(100, 100, RED)) {
                SeatEvents seat = new SeatEvents(a);
                DataDeviceEvents clip = new DataDeviceEvents(seat);
                TestClient.Window w = a.window(red, "offer-errors", "test.offer-errors");
                seat.await("keyboard.enter " + w.surface().id() + " []");
                clip.device.setSelection(clip.source("x", "text/plain"), seat.keyboardEnterSerial);
                seat.await("data_device.selection offer");
                if (finish) clip.offer.finish();
                else clip.offer.setActions(WlDataDeviceManager.DndAction.COPY, WlDataDeviceManager.DndAction.COPY);
                ProtocolErrorException e = assertThrows(ProtocolErrorException.class, a.display::roundtrip);
                assertEquals(finish ? WlDataOffer.Error.INVALID_FINISH : WlDataOffer.Error.INVALID_OFFER, e.code(), e.getMessage());
            }
        }
    }

    @Test
    void dataControlSeesAndSetsTheSelectionWithoutFocus() throws Exception {
        try (TestClient a = new TestClient(compositor); TestClient.ShmBuffer red = a.new ShmBuffer(100, 100, RED);
             TestClient tool = new TestClient(compositor)) {
            SeatEvents seat = new SeatEvents(a);
            DataDeviceEvents clip = new DataDeviceEvents(seat);
            DataControlEvents control = new DataControlEvents(tool);
            assertTrue(control.events.getFirst().startsWith("control.selection "), "the current selection comes first: " + control.events);
            assertTrue(control.events.get(1).startsWith("control.primary_selection "), control.events.toString());

            TestClient.Window w = a.window(red, "focused", "test.focused");
            seat.await("keyboard.enter " + w.surface().id() + " []");
            clip.device.setSelection(clip.source("from the window", "text/plain"), seat.keyboardEnterSerial);
            a.display.flush();
            control.await("control.selection offer [text/plain]");
            assertEquals("from the window", control.receive(control.selection, "text/plain", () -> seat.await("source.send text/plain")));

            ZwlrDataControlSourceV1 mine = control.source("from the tool", "text/plain;charset=utf-8");
            control.device.setSelection(mine);
            control.await("control.selection offer [text/plain;charset=utf-8]"); // data-control devices hear every change, their own too
            seat.await("source.cancelled");
            seat.await("data_device.selection offer");
            assertEquals("from the tool", clip.receive(clip.offer, "text/plain;charset=utf-8", () -> control.await("control.source.send text/plain;charset=utf-8")));
        }
    }

    @Test
    void aDataControlSourceTakesNoTypesOnceSetAndIsSetOnlyOnce() throws Exception {
        try (TestClient tool = new TestClient(compositor)) {
            DataControlEvents control = new DataControlEvents(tool);
            ZwlrDataControlSourceV1 source = control.source("x", "text/plain");
            control.device.setSelection(source);
            source.offer("text/html");
            ProtocolErrorException e = assertThrows(ProtocolErrorException.class, tool.display::roundtrip);
            assertEquals(ZwlrDataControlSourceV1.Error.INVALID_OFFER, e.code(), e.getMessage());
        }
        try (TestClient tool = new TestClient(compositor)) {
            DataControlEvents control = new DataControlEvents(tool);
            ZwlrDataControlSourceV1 source = control.source("x", "text/plain");
            control.device.setSelection(source);
            control.device.setPrimarySelection(source);
            ProtocolErrorException e = assertThrows(ProtocolErrorException.class, tool.display::roundtrip);
            assertEquals(ZwlrDataControlDeviceV1.Error.USED_SOURCE, e.code(), e.getMessage());
            assertEquals(control.device.toString(), e.objectName());
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a leaked write end would block the read forever
    void manyPastesLeaveNoDescriptorInTheCompositor() throws Exception {
        try (TestClient a = new TestClient(compositor); TestClient.ShmBuffer red = a.new ShmBuffer(100, 100, RED);
             TestClient tool = new TestClient(compositor)) {
            SeatEvents seat = new SeatEvents(a);
            DataDeviceEvents clip = new DataDeviceEvents(seat);
            DataControlEvents control = new DataControlEvents(tool);
            TestClient.Window w = a.window(red, "many", "test.many");
            seat.await("keyboard.enter " + w.surface().id() + " []");
            clip.device.setSelection(clip.source("again and again", "text/plain"), seat.keyboardEnterSerial);
            a.display.flush();
            control.await("control.selection offer [text/plain]");
            long before = WlClipboardIntegrationTest.settledFdCount(compositor); // earlier tests' clients may still be closing
            for (int i = 0; i < 200; i++) {
                assertEquals("again and again", control.receive(control.selection, "text/plain", () -> seat.await("source.send text/plain")));
            }
            a.display.roundtrip(); // every send event, and the descriptor it carried, has left the compositor
            tool.display.roundtrip();
            assertEquals(before, compositor.fdCount(), "the compositor's open descriptors after 200 pastes");
        }
    }
}
