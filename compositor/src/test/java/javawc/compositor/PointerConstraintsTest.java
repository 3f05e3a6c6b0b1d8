package javawc.compositor;

import javawc.client.ProtocolErrorException;
import javawc.client.protocol.WlRegion;
import javawc.client.protocol.ZwpConfinedPointerV1;
import javawc.client.protocol.ZwpLockedPointerV1;
import javawc.client.protocol.ZwpPointerConstraintsV1;
import javawc.client.protocol.ZwpRelativePointerManagerV1;
import javawc.client.protocol.ZwpRelativePointerV1;
import javawc.compositor.seat.Seat;
import javawc.wire.Fixed;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * zwp_pointer_constraints_v1 and zwp_relative_pointer_manager_v1 in process: the errors the
 * spec defines (already_constrained; a lifetime outside the enum), a lock that keeps the pointer
 * still while relative motion still arrives and puts it at the cursor hint when it ends, and a
 * confinement to a region set by set_region, which takes effect with the surface's commit.
 */
class PointerConstraintsTest {
    private static final int ONESHOT = ZwpPointerConstraintsV1.Lifetime.ONESHOT, PERSISTENT = ZwpPointerConstraintsV1.Lifetime.PERSISTENT;
    private static final String ARGS = "--backend headless --renderer software --width 640 --height 480";

    /** A 200x100 window centred on the 640x480 output: global (220, 190) to (420, 290). */
    private static TestClient.Window window(TestClient c) throws Exception {
        TestClient.ShmBuffer content = c.new ShmBuffer(200, 100, 0xff336699);
        return c.window(content, "constrained");
    }

    private static void move(InProcessCompositor ip, double dx, double dy) throws Exception {
        ip.onLoop(() -> {
            ip.compositor.seat().pointer().motionBy(dx, dy, Seat.nowMs());
            return null;
        });
    }

    private static void moveTo(InProcessCompositor ip, double x, double y) throws Exception {
        ip.onLoop(() -> {
            ip.compositor.seat().pointer().motionTo(x, y, Seat.nowMs());
            return null;
        });
    }

    private static double[] pointer(InProcessCompositor ip) throws Exception {
        return ip.onLoop(() -> new double[] {ip.compositor.seat().pointer().x(), ip.compositor.seat().pointer().y()});
    }

    @Test
    void aSecondConstraintOnTheSameSurfaceIsAlreadyConstrained() throws Exception {
        try (InProcessCompositor ip = new InProcessCompositor(ARGS.split(" "));
             TestClient c = ip.connect()) {
            SeatEvents seat = new SeatEvents(c);
            ExtensionGlobals g = new ExtensionGlobals(c);
            ZwpPointerConstraintsV1 constraints = g.bind(ZwpPointerConstraintsV1.NAME, ZwpPointerConstraintsV1.TYPE);
            TestClient.Window w = window(c);
            constraints.lockPointer(w.surface(), seat.pointer, null, ONESHOT);
            c.display.roundtrip();
            constraints.confinePointer(w.surface(), seat.pointer, null, PERSISTENT);
            ProtocolErrorException e = assertThrows(ProtocolErrorException.class, c.display::roundtrip);
            assertEquals(ZwpPointerConstraintsV1.Error.ALREADY_CONSTRAINED, e.code());
            assertTrue(e.objectName().startsWith(ZwpPointerConstraintsV1.NAME + "@"), e.objectName());
        }
    }

    @Test
    void aLifetimeOutsideTheEnumIsAMalformedRequest() throws Exception {
        try (InProcessCompositor ip = new InProcessCompositor(ARGS.split(" "));
             TestClient c = ip.connect()) {
            SeatEvents seat = new SeatEvents(c);
            ZwpPointerConstraintsV1 constraints = new ExtensionGlobals(c).bind(ZwpPointerConstraintsV1.NAME, ZwpPointerConstraintsV1.TYPE);
            constraints.lockPointer(window(c).surface(), seat.pointer, null, 7);
            ProtocolErrorException e = assertThrows(ProtocolErrorException.class, c.display::roundtrip);
            assertEquals(1, e.code()); // wl_display.invalid_method
            assertTrue(e.getMessage().contains("lifetime 7"), e.getMessage());
        }
    }

    @Test
    void aLockKeepsThePointerStillWhileRelativeMotionArrivesAndEndsAtTheCursorHint() throws Exception {
        try (InProcessCompositor ip = new InProcessCompositor(ARGS.split(" "));
             TestClient c = ip.connect()) {
            SeatEvents seat = new SeatEvents(c);
            ExtensionGlobals g = new ExtensionGlobals(c);
            ZwpPointerConstraintsV1 constraints = g.bind(ZwpPointerConstraintsV1.NAME, ZwpPointerConstraintsV1.TYPE);
            ZwpRelativePointerV1 relative = g.bind(ZwpRelativePointerManagerV1.NAME, ZwpRelativePointerManagerV1.TYPE).getRelativePointer(seat.pointer);
            List<String> motions = new ArrayList<>();
            relative.setListener(new ZwpRelativePointerV1.Listener() {
                @Override
                public void relativeMotion(ZwpRelativePointerV1 self, int hi, int lo, int dx, int dy, int udx, int udy) {
                    motions.add(Fixed.toDouble(dx) + " " + Fixed.toDouble(dy));
                }
            });
            TestClient.Window w = window(c);
            moveTo(ip, 300, 250); // over the window, which has the keyboard focus
            List<String> events = new ArrayList<>();
            ZwpLockedPointerV1 lock = constraints.lockPointer(w.surface(), seat.pointer, null, ONESHOT);
            lock.setListener(new ZwpLockedPointerV1.Listener() {
                @Override
                public void locked(ZwpLockedPointerV1 self) {
                    events.add("locked");
                }

                @Override
                public void unlocked(ZwpLockedPointerV1 self) {
                    events.add("unlocked");
                }
            });
            c.display.roundtrip();
            assertEquals(List.of("locked"), events);
            motions.clear();
            seat.skipAll();
            move(ip, 15, -5);
            c.display.roundtrip();
            assertArrayEquals(new double[] {300, 250}, pointer(ip));
            assertEquals(List.of("15.0 -5.0"), motions);
            assertFalse(seat.pending().stream().anyMatch(e -> e.startsWith("pointer.motion")), seat.pending().toString());

            lock.setCursorPositionHint(Fixed.fromDouble(10), Fixed.fromDouble(20));
            w.surface().commit(); // the hint is double-buffered
            c.display.roundtrip();
            TestClient.Window other = window(c); // takes the keyboard focus: the lock ends, the pointer goes to the hint
            c.display.roundtrip();
            assertEquals(List.of("locked", "unlocked"), events);
            assertArrayEquals(new double[] {220 + 10, 190 + 20}, pointer(ip));
            assertNotNull(other);

            // one-shot: spent, so the surface may have a new constraint
            constraints.lockPointer(w.surface(), seat.pointer, null, ONESHOT);
            c.display.roundtrip();
        }
    }

    @Test
    void aConfinementStaysInsideTheSurfacesInputRegion() throws Exception {
        try (InProcessCompositor ip = new InProcessCompositor(ARGS.split(" "));
             TestClient c = ip.connect()) {
            SeatEvents seat = new SeatEvents(c);
            ZwpPointerConstraintsV1 constraints = new ExtensionGlobals(c).bind(ZwpPointerConstraintsV1.NAME, ZwpPointerConstraintsV1.TYPE);
            TestClient.Window w = window(c);
            WlRegion input = c.compositor.createRegion();
            input.add(0, 0, 100, 100); // the left half of the 200x100 window takes input
            w.surface().setInputRegion(input);
            w.surface().commit();
            c.display.roundtrip();
            moveTo(ip, 250, 220);
            List<String> events = new ArrayList<>();
            constraints.confinePointer(w.surface(), seat.pointer, null, PERSISTENT).setListener(new ZwpConfinedPointerV1.Listener() {
                @Override
                public void confined(ZwpConfinedPointerV1 self) {
                    events.add("confined");
                }
            });
            c.display.roundtrip();
            assertEquals(List.of("confined"), events);
            move(ip, 1000, 0);
            assertArrayEquals(new double[] {220 + 99, 220}, pointer(ip));
        }
    }

    @Test
    void aSubsurfaceOfTheSameClientOverTheSurfaceCountsAsTheSurface() throws Exception {
        try (InProcessCompositor ip = new InProcessCompositor(ARGS.split(" "));
             TestClient c = ip.connect()) {
            SeatEvents seat = new SeatEvents(c);
            ZwpPointerConstraintsV1 constraints = new ExtensionGlobals(c).bind(ZwpPointerConstraintsV1.NAME, ZwpPointerConstraintsV1.TYPE);
            TestClient.Window w = window(c);
            javawc.client.protocol.WlSurface content = c.compositor.createSurface();
            c.subcompositor.getSubsurface(content, w.surface()).setPosition(50, 25);
            TestClient.ShmBuffer video = c.new ShmBuffer(40, 40, 0xffff0000);
            content.attach(video.buffer, 0, 0);
            content.commit();
            w.surface().commit(); // a synchronized subsurface shows with its parent's commit
            c.display.roundtrip();
            moveTo(ip, 280, 225); // over the subsurface
            assertTrue(ip.onLoop(() -> ip.compositor.seat().pointer().focus() != ip.compositor.seat().keyboardFocus()), "the pointer is over the subsurface");
            List<String> events = new ArrayList<>();
            constraints.lockPointer(w.surface(), seat.pointer, null, ONESHOT).setListener(new ZwpLockedPointerV1.Listener() {
                @Override
                public void locked(ZwpLockedPointerV1 self) {
                    events.add("locked");
                }
            });
            c.display.roundtrip();
            assertEquals(List.of("locked"), events);
            move(ip, 30, 30);
            assertArrayEquals(new double[] {280, 225}, pointer(ip));
        }
    }

    @Test
    void aConfinementHoldsThePointerInItsRegionFromTheCommitAfterSetRegion() throws Exception {
        try (InProcessCompositor ip = new InProcessCompositor(ARGS.split(" "));
             TestClient c = ip.connect()) {
            SeatEvents seat = new SeatEvents(c);
            ZwpPointerConstraintsV1 constraints = new ExtensionGlobals(c).bind(ZwpPointerConstraintsV1.NAME, ZwpPointerConstraintsV1.TYPE);
            TestClient.Window w = window(c);
            moveTo(ip, 300, 250);
            List<String> events = new ArrayList<>();
            ZwpConfinedPointerV1 confined = constraints.confinePointer(w.surface(), seat.pointer, null, PERSISTENT);
            confined.setListener(new ZwpConfinedPointerV1.Listener() {
                @Override
                public void confined(ZwpConfinedPointerV1 self) {
                    events.add("confined");
                }

                @Override
                public void unconfined(ZwpConfinedPointerV1 self) {
                    events.add("unconfined");
                }
            });
            c.display.roundtrip();
            assertEquals(List.of("confined"), events);
            move(ip, 1000, 1000);
            assertArrayEquals(new double[] {419, 289}, pointer(ip)); // the whole surface: its last pixel

            WlRegion region = c.compositor.createRegion();
            region.add(50, 25, 20, 10); // global (270, 215) to (290, 225)
            confined.setRegion(region);
            c.display.roundtrip();
            move(ip, -1000, 0);
            assertArrayEquals(new double[] {220, 289}, pointer(ip)); // not committed yet: the old region still holds
            w.surface().commit();
            c.display.roundtrip();
            move(ip, 1000, -1000);
            assertArrayEquals(new double[] {289, 215}, pointer(ip));
            move(ip, -5, 5);
            assertArrayEquals(new double[] {284, 220}, pointer(ip)); // inside: moves freely
        }
    }
}
