package javawc.compositor;

import javawc.client.protocol.WlSeat;
import javawc.client.protocol.WlSurface;
import javawc.client.protocol.WlTouch;
import javawc.wire.Fixed;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * wl_touch through the control channel's virtual touch device: the capability comes and goes
 * with the device (announced again to bound seats), a touch point belongs to the surface it went
 * down on with surface-local coordinates, each command is one frame, the first finger focuses
 * the window, and get_touch stays valid once the seat has had touch.
 */
class TouchIntegrationTest {
    private static final int RED = 0xffff0000, BLUE = 0xff0000ff;

    @Test
    void touchPointsGoToTheSurfaceTheyWentDownOnAndTheCapabilityFollowsTheDevice() throws Exception {
        try (CompositorProcess compositor = CompositorProcess.startWithControl("--backend", "headless");
             ControlClient control = compositor.control();
             TestClient a = new TestClient(compositor); TestClient.ShmBuffer red = a.new ShmBuffer(200, 100, RED);
             TestClient b = new TestClient(compositor); TestClient.ShmBuffer blue = b.new ShmBuffer(200, 100, BLUE)) {
            SeatEvents seatA = new SeatEvents(a), seatB = new SeatEvents(b);
            assertEquals(0, seatA.capabilities & WlSeat.Capability.TOUCH, "no touch device yet");
            assertTrue(control.send("touch-down 0 10 10").getLast().startsWith("error the seat has no touch device"));

            control.ok("touch-device add");
            a.display.roundtrip();
            assertEquals(WlSeat.Capability.TOUCH, seatA.capabilities & WlSeat.Capability.TOUCH, "announced again with touch");
            List<String> touchA = listen(seatA.seat.getTouch()), touchB = listen(seatB.seat.getTouch());
            TestClient.Window one = a.window(red, "one", "test.touch-one");
            TestClient.Window two = b.window(blue, "two", "test.touch-two");
            seatB.await("keyboard.enter " + two.surface().id() + " []");
            control.ok("place test.touch-one 100 100", "place test.touch-two 400 100");

            control.ok("touch-down 3 150.5 130", "touch-motion 3 450 160", "touch-down 4 420 110", "touch-up 3", "touch-up 4");
            a.display.roundtrip();
            b.display.roundtrip();
            String s1 = Integer.toString(one.surface().id()), s2 = Integer.toString(two.surface().id());
            assertEquals(List.of("down " + s1 + " 3 50.5 30.0", "frame", "motion 3 350.0 60.0", "frame", "up 3", "frame"), touchA,
                    "point 3 stays with the window it touched, even over another one");
            assertEquals(List.of("down " + s2 + " 4 20.0 10.0", "frame", "up 4", "frame"), touchB);
            seatA.await("keyboard.enter " + s1 + " []"); // the first finger focused it

            touchA.clear();
            control.ok("touch-down 0 10 500", "touch-up 0"); // nothing there
            control.ok("touch-down 1 110 110", "touch-cancel");
            a.display.roundtrip();
            assertEquals(List.of("down " + s1 + " 1 10.0 10.0", "frame", "cancel"), touchA);

            control.ok("touch-device remove");
            a.display.roundtrip();
            assertEquals(0, seatA.capabilities & WlSeat.Capability.TOUCH, "announced again without touch");
            seatA.seat.getTouch(); // the seat had touch: no protocol error now
            a.display.roundtrip();
            assertTrue(control.send("touch-device remove").getLast().startsWith("error"));
        }
    }

    private static List<String> listen(WlTouch touch) {
        List<String> events = new ArrayList<>();
        touch.setListener(new WlTouch.Listener() {
            @Override
            public void down(WlTouch self, int serial, int time, WlSurface surface, int id, int x, int y) {
                events.add("down " + surface.id() + " " + id + " " + Fixed.toDouble(x) + " " + Fixed.toDouble(y));
            }

            @Override
            public void up(WlTouch self, int serial, int time, int id) {
                events.add("up " + id);
            }

            @Override
            public void motion(WlTouch self, int time, int id, int x, int y) {
                events.add("motion " + id + " " + Fixed.toDouble(x) + " " + Fixed.toDouble(y));
            }

            @Override
            public void frame(WlTouch self) {
                events.add("frame");
            }

            @Override
            public void cancel(WlTouch self) {
                events.add("cancel");
            }
        });
        return events;
    }
}
