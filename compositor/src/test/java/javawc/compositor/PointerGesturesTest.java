package javawc.compositor;

import javawc.client.protocol.ZwpPointerGestureHoldV1;
import javawc.client.protocol.ZwpPointerGesturePinchV1;
import javawc.client.protocol.ZwpPointerGestureSwipeV1;
import javawc.client.protocol.ZwpPointerGesturesV1;
import javawc.client.protocol.WlSurface;
import javawc.compositor.input.ControlCommands;
import javawc.wire.Fixed;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * zwp_pointer_gestures_v1: offered only with a source of gestures (libinput on DRM, or the
 * control channel, which injects them here); swipe, pinch and hold go to the surface under the
 * pointer when they begin and stay with it; a gesture begun over nothing reaches nobody.
 */
class PointerGesturesTest {
    private static final String[] HEADLESS = "--backend headless --renderer software --width 640 --height 480".split(" ");

    @Test
    void withoutASourceOfGesturesTheGlobalIsNotOffered() throws Exception {
        try (InProcessCompositor ip = new InProcessCompositor(HEADLESS); TestClient c = ip.connect()) {
            assertFalse(new ExtensionGlobals(c).offers(ZwpPointerGesturesV1.NAME));
        }
    }

    @Test
    void swipePinchAndHoldReachTheSurfaceUnderThePointerAtTheirBegin() throws Exception {
        Path dir = Files.createTempDirectory("javawc-gestures");
        List<String> args = new ArrayList<>(List.of(HEADLESS));
        args.addAll(List.of("--control-socket", dir.resolve("control").toString()));
        try (InProcessCompositor ip = new InProcessCompositor(args.toArray(String[]::new)); TestClient c = ip.connect()) {
            SeatEvents seat = new SeatEvents(c);
            ExtensionGlobals g = new ExtensionGlobals(c);
            assertEquals(3, g.version(ZwpPointerGesturesV1.NAME));
            ZwpPointerGesturesV1 gestures = g.bind(ZwpPointerGesturesV1.NAME, ZwpPointerGesturesV1.TYPE);
            List<String> events = new ArrayList<>();
            gestures.getSwipeGesture(seat.pointer).setListener(new ZwpPointerGestureSwipeV1.Listener() {
                @Override
                public void begin(ZwpPointerGestureSwipeV1 self, int serial, int time, WlSurface surface, int fingers) {
                    events.add("swipe begin " + fingers);
                }

                @Override
                public void update(ZwpPointerGestureSwipeV1 self, int time, int dx, int dy) {
                    events.add("swipe update " + Fixed.toDouble(dx) + " " + Fixed.toDouble(dy));
                }

                @Override
                public void end(ZwpPointerGestureSwipeV1 self, int serial, int time, int cancelled) {
                    events.add("swipe end " + cancelled);
                }
            });
            gestures.getPinchGesture(seat.pointer).setListener(new ZwpPointerGesturePinchV1.Listener() {
                @Override
                public void begin(ZwpPointerGesturePinchV1 self, int serial, int time, WlSurface surface, int fingers) {
                    events.add("pinch begin " + fingers);
                }

                @Override
                public void update(ZwpPointerGesturePinchV1 self, int time, int dx, int dy, int scale, int rotation) {
                    events.add("pinch update " + Fixed.toDouble(scale) + " " + Fixed.toDouble(rotation));
                }

                @Override
                public void end(ZwpPointerGesturePinchV1 self, int serial, int time, int cancelled) {
                    events.add("pinch end " + cancelled);
                }
            });
            gestures.getHoldGesture(seat.pointer).setListener(new ZwpPointerGestureHoldV1.Listener() {
                @Override
                public void begin(ZwpPointerGestureHoldV1 self, int serial, int time, WlSurface surface, int fingers) {
                    events.add("hold begin " + fingers);
                }

                @Override
                public void end(ZwpPointerGestureHoldV1 self, int serial, int time, int cancelled) {
                    events.add("hold end " + cancelled);
                }
            });
            c.window(c.new ShmBuffer(200, 100, 0xff336699), "touchpad"); // at (220, 190)
            ControlCommands control = ip.onLoop(() -> new ControlCommands(ip.compositor.seat(), ip.compositor.scene()));
            run(ip, control, "pointer-motion 10 10", "gesture swipe begin 3", "gesture swipe update 5 0", "gesture swipe end");
            c.display.roundtrip();
            assertEquals(List.of(), events, "begun over no surface: nobody hears it");

            run(ip, control, "pointer-motion 300 240", "gesture swipe begin 3", "pointer-motion 10 10", "gesture swipe update 5 -2",
                    "gesture swipe end", "pointer-motion 300 240", "gesture pinch begin 2", "gesture pinch update 0 0 1.5 -10",
                    "gesture pinch end cancelled", "pointer-motion 10 10", "gesture hold begin 4", "gesture hold end",
                    "pointer-motion 300 240", "gesture hold begin 4", "gesture hold end");
            c.display.roundtrip();
            assertEquals(List.of("swipe begin 3", "swipe update 5.0 -2.0", "swipe end 0", "pinch begin 2", "pinch update 1.5 -10.0", "pinch end 1",
                    "hold begin 4", "hold end 0"), events, "the swipe stayed with its surface; the first hold began over nothing");
            assertTrue(control.execute("gesture hold update 1 1").startsWith("error"));
            assertTrue(control.execute("gesture swipe begin 0").startsWith("error"));
        }
    }

    private static void run(InProcessCompositor ip, ControlCommands control, String... commands) throws Exception {
        ip.onLoop(() -> {
            for (String command : commands) assertEquals("ok\n", control.execute(command), command);
            return null;
        });
    }
}
