package javawc.compositor;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The primary selection through zwp_primary_selection_device_v1 against the real compositor:
 * what wlcs's PrimarySelection suite checks (the sink hears data_offer, the offer's types, then
 * selection; its receive reaches the source's send; the data arrives), and that a late request
 * cannot undo a newer selection.
 */
class PrimarySelectionIntegrationTest extends ControlledCompositorTest {
    private static final int RED = 0xffff0000, BLUE = 0xff0000ff;

    @Test
    void theFocusedClientHearsTheOfferThenTheSelectionAndPastesFromTheSource() throws Exception {
        try (TestClient a = new TestClient(compositor); TestClient.ShmBuffer red = a.new ShmBuffer(100, 100, RED);
             TestClient b = new TestClient(compositor); TestClient.ShmBuffer blue = b.new ShmBuffer(100, 100, BLUE)) {
            SeatEvents seatA = new SeatEvents(a), seatB = new SeatEvents(b);
            PrimarySelectionEvents primaryA = new PrimarySelectionEvents(seatA), primaryB = new PrimarySelectionEvents(seatB);
            TestClient.Window source = a.window(red, "source", "test.source");
            seatA.await("keyboard.enter " + source.surface().id() + " []");
            TestClient.Window sink = b.window(blue, "sink", "test.sink"); // focus on map
            seatB.await("keyboard.enter " + sink.surface().id() + " []");
            seatA.await("keyboard.leave " + source.surface().id());
            seatA.skipAll();
            seatB.skipAll();

            // a selected text just before the focus moved: its enter serial is still a recent event of its own
            primaryA.device.setSelection(primaryA.source("selected words", "text/plain;charset=utf-8"), seatA.keyboardEnterSerial);
            a.display.flush();
            String offered = seatB.await("primary.data_offer");
            List<String> after = seatB.events.subList(seatB.events.indexOf(offered), seatB.events.indexOf(offered) + 3);
            assertEquals(List.of("primary.data_offer", "primary.offer.offer text/plain;charset=utf-8", "primary.selection offer"), after);
            assertFalse(seatA.pending().stream().anyMatch(e -> e.startsWith("primary.")), "no focus, no selection, no cancel: " + seatA.events);
            assertEquals("selected words", primaryB.receive(primaryB.offer, "text/plain;charset=utf-8", seatA));
        }
    }

    @Test
    void aRequestOlderThanTheSelectionCannotReplaceIt() throws Exception {
        try (TestClient a = new TestClient(compositor); TestClient.ShmBuffer red = a.new ShmBuffer(100, 100, RED);
             TestClient background = new TestClient(compositor)) {
            SeatEvents seatA = new SeatEvents(a), seatBackground = new SeatEvents(background);
            PrimarySelectionEvents primaryA = new PrimarySelectionEvents(seatA), primaryBackground = new PrimarySelectionEvents(seatBackground);
            TestClient.Window w = a.window(red, "focused", "test.focused");
            seatA.await("keyboard.enter " + w.surface().id() + " []");
            primaryA.device.setSelection(primaryA.source("mine", "text/plain"), seatA.keyboardEnterSerial);
            seatA.await("primary.selection offer"); // the focused client sees its own selection

            // serial 0 is older than the enter serial the selection was set for: a late request must not undo a newer one
            primaryBackground.device.setSelection(primaryBackground.source("taken", "text/plain"), 0);
            background.display.flush();
            seatBackground.await("primary.source.cancelled");
            assertFalse(seatA.pending().stream().anyMatch(e -> e.startsWith("primary.")), "the selection did not change: " + seatA.events);
            assertEquals("mine", primaryA.receive(primaryA.offer, "text/plain", seatA));
        }
    }
}
