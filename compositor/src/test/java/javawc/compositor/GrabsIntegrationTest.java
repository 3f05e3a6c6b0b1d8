package javawc.compositor;

import javawc.client.protocol.WlSurface;
import javawc.client.protocol.XdgPopup;
import javawc.client.protocol.XdgPositioner;
import javawc.client.protocol.XdgSurface;
import javawc.client.protocol.XdgToplevel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Grabs against the real compositor: an xdg_popup grab dismissed by a click outside its
 * client, a grab refused for a stale serial, and xdg_toplevel move and resize following the
 * pointer while the button that started them is held.
 */
class GrabsIntegrationTest extends ControlledCompositorTest {
    private static final int RED = 0xffff0000, BLUE = 0xff0000ff, GREEN = 0xff00ff00;

    /** A popup of {@code parent} at (20, 20) in its window geometry, 80x60, grabbing with {@code serial}; not yet mapped. */
    private record Popup(WlSurface surface, XdgSurface xdg, XdgPopup popup, boolean[] done) {}

    private static Popup grabbingPopup(TestClient c, TestClient.Window parent, SeatEvents seat, int serial) throws Exception {
        XdgPositioner positioner = c.wmBase.createPositioner();
        positioner.setSize(80, 60);
        positioner.setAnchorRect(20, 20, 1, 1);
        positioner.setAnchor(XdgPositioner.Anchor.TOP_LEFT);
        positioner.setGravity(XdgPositioner.Gravity.BOTTOM_RIGHT);
        WlSurface surface = c.compositor.createSurface();
        XdgSurface xdg = c.wmBase.getXdgSurface(surface);
        int[] configured = {0};
        xdg.setListener(new XdgSurface.Listener() {
            @Override
            public void configure(XdgSurface self, int s) {
                configured[0] = s;
            }
        });
        XdgPopup popup = xdg.getPopup(parent.xdgSurface(), positioner);
        boolean[] done = {false};
        popup.setListener(new XdgPopup.Listener() {
            @Override
            public void popupDone(XdgPopup self) {
                done[0] = true;
            }
        });
        popup.grab(seat.seat, serial);
        surface.commit();
        c.display.roundtrip();
        if (configured[0] != 0) xdg.ackConfigure(configured[0]);
        return new Popup(surface, xdg, popup, done);
    }

    @Test
    void aClickOutsideTheGrabbingClientDismissesItsPopup() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(200, 200, RED);
             TestClient.ShmBuffer green = c.new ShmBuffer(80, 60, GREEN);
             TestClient other = new TestClient(compositor); TestClient.ShmBuffer blue = other.new ShmBuffer(200, 200, BLUE)) {
            SeatEvents seat = new SeatEvents(c), otherSeat = new SeatEvents(other);
            other.window(blue, "bystander", "test.bystander");
            control.ok("place test.bystander 600 100");
            TestClient.Window w = c.window(red, "menu owner", "test.menus");
            control.ok("place test.menus 100 100", "pointer-motion 150 150", "pointer-button BTN_LEFT press");
            seat.await("pointer.button 272 1");
            Popup p = grabbingPopup(c, w, seat, seat.buttonSerial);
            p.surface().attach(green.buffer, 0, 0);
            p.surface().commit();
            control.ok("pointer-button BTN_LEFT release");
            seat.await("keyboard.enter " + p.surface().id() + " []"); // the topmost grabbing popup has the keyboard

            seat.await("pointer.enter " + p.surface().id() + " 30.0 30.0"); // released: the popup under the pointer gets it
            control.ok("pointer-motion 130 130", "pointer-button BTN_LEFT press", "pointer-button BTN_LEFT release");
            seat.await("pointer.motion 10.0 10.0");
            seat.await("pointer.button 272 1"); // a click inside the popup is the popup's
            seat.await("pointer.button 272 0");
            assertFalse(p.done()[0]);

            control.ok("pointer-motion 650 150"); // over the other client: owner events only, so nobody is entered
            seat.await("pointer.leave " + p.surface().id());
            control.ok("pointer-button BTN_LEFT press");
            seat.await(e -> p.done()[0], "popup_done");
            control.ok("pointer-button BTN_LEFT release");
            seat.await("keyboard.enter " + w.surface().id() + " []"); // back to the window the popup came from
            otherSeat.awaitPrefix("pointer.enter "); // once the button is up, the pointer is simply over the other window
            assertFalse(otherSeat.events.stream().anyMatch(e -> e.startsWith("pointer.button")), "the dismissing click reaches nobody: " + otherSeat.events);
        }
    }

    @Test
    void aGrabForTheReleaseThatEndedAClickIsGranted() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(200, 200, RED);
             TestClient.ShmBuffer green = c.new ShmBuffer(80, 60, GREEN)) {
            SeatEvents seat = new SeatEvents(c);
            TestClient.Window w = c.window(red, "menu on release", "test.release");
            control.ok("place test.release 100 100", "pointer-motion 150 150", "pointer-button BTN_LEFT press", "pointer-button BTN_LEFT release");
            seat.await("pointer.button 272 0");
            Popup p = grabbingPopup(c, w, seat, seat.buttonSerial); // the release's serial: a menu opened on click
            p.surface().attach(green.buffer, 0, 0);
            p.surface().commit();
            seat.await("keyboard.enter " + p.surface().id() + " []");
            assertFalse(p.done()[0], "the grab was granted");
        }
    }

    @Test
    void aNewWindowTakingTheKeyboardFocusDismissesTheGrab() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(200, 200, RED);
             TestClient.ShmBuffer green = c.new ShmBuffer(80, 60, GREEN); TestClient.ShmBuffer blue = c.new ShmBuffer(100, 100, BLUE)) {
            SeatEvents seat = new SeatEvents(c);
            TestClient.Window w = c.window(red, "menu owner", "test.newwindow");
            control.ok("place test.newwindow 100 100", "pointer-motion 150 150", "pointer-button BTN_LEFT press");
            seat.await("pointer.button 272 1");
            Popup p = grabbingPopup(c, w, seat, seat.buttonSerial);
            p.surface().attach(green.buffer, 0, 0);
            p.surface().commit();
            control.ok("pointer-button BTN_LEFT release");
            seat.await("keyboard.enter " + p.surface().id() + " []");
            int popupFocused = seat.events.size();
            TestClient.Window second = c.window(blue, "dialog", "test.dialog"); // focused on map
            seat.await(e -> p.done()[0], "popup_done");
            seat.await("keyboard.enter " + second.surface().id() + " []");
            List<String> since = seat.events.subList(popupFocused, seat.events.size());
            assertFalse(since.contains("keyboard.enter " + w.surface().id() + " []"),
                    "the focus goes to the new window, not back to the popup's parent first: " + since);
        }
    }

    @Test
    void aGrabForASerialThatIsNotARecentPressDismissesThePopupAtOnce() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(200, 200, RED)) {
            SeatEvents seat = new SeatEvents(c);
            TestClient.Window w = c.window(red, "no grab", "test.nograb");
            seat.await("keyboard.enter " + w.surface().id() + " []");
            Popup p = grabbingPopup(c, w, seat, seat.keyboardEnterSerial); // an enter is no user action
            assertTrue(p.done()[0]);
        }
    }

    @Test
    void moveFollowsThePointerWhileTheButtonIsHeld() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(200, 100, RED)) {
            SeatEvents seat = new SeatEvents(c);
            TestClient.Window w = c.window(red, "moving", "test.move");
            control.ok("place test.move 100 100", "pointer-motion 150 150");
            w.toplevel().move(seat.seat, 777); // not a press: ignored
            c.display.roundtrip();
            control.ok("pointer-button BTN_LEFT press");
            seat.await("pointer.button 272 1");
            w.toplevel().move(seat.seat, seat.buttonSerial);
            c.display.roundtrip();
            seat.await("pointer.leave " + w.surface().id()); // the window loses the pointer during the move
            control.ok("pointer-motion 170 160", "pointer-motion 200 180", "pointer-button BTN_LEFT release");
            assertTrue(control.send("list-windows").contains("window test.move 150 130 200 100 focused moving"), control.send("list-windows").toString());
            seat.await("pointer.enter " + w.surface().id() + " 50.0 50.0"); // the pointer is over it again afterwards
            control.ok("pointer-motion 300 300");
            assertTrue(control.send("list-windows").contains("window test.move 150 130 200 100 focused moving"), "the move has ended");
        }
    }

    @Test
    void resizeConfiguresTheDraggedSizeWithTheResizingStateAndKeepsTheOppositeEdges() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(200, 100, RED);
             TestClient.ShmBuffer bigger = c.new ShmBuffer(220, 110, RED)) {
            c.autoAck = true;
            SeatEvents seat = new SeatEvents(c);
            TestClient.Window w = c.window(red, "resizing", "test.resize");
            List<String> configures = KeyboardFocusIntegrationTest.configures(w);
            control.ok("place test.resize 100 100", "pointer-motion 101 101", "pointer-button BTN_LEFT press");
            seat.await("pointer.button 272 1");
            w.toplevel().resize(seat.seat, seat.buttonSerial, XdgToplevel.ResizeEdge.TOP_LEFT);
            c.display.roundtrip();
            assertEquals("200 100 [4,3]", configures.getLast(), "resizing from the current size: " + configures);
            control.ok("pointer-motion 81 91");
            c.display.roundtrip();
            assertEquals("220 110 [4,3]", configures.getLast(), configures.toString());
            w.surface().attach(bigger.buffer, 0, 0);
            w.surface().damageBuffer(0, 0, 220, 110);
            w.surface().commit();
            c.display.roundtrip();
            assertTrue(control.send("list-windows").contains("window test.resize 80 90 220 110 focused resizing"),
                    "grown to the top left, the bottom-right corner kept: " + control.send("list-windows"));
            control.ok("pointer-button BTN_LEFT release");
            c.display.roundtrip();
            assertEquals("220 110 [4]", configures.getLast(), "the last configure has no resizing state: " + configures);
        }
    }
}
