package javawc.compositor;

import javawc.client.ProtocolErrorException;
import javawc.client.protocol.WlSurface;
import javawc.client.protocol.WpFractionalScaleManagerV1;
import javawc.client.protocol.WpFractionalScaleV1;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * wp_fractional_scale_manager_v1 in a whole compositor in this JVM: the preferred scale, in
 * 120ths, is the output's at once, follows a live scale change and a move to another output,
 * and a second object for one surface is fractional_scale_exists.
 */
class FractionalScaleTest {
    private static List<Integer> listen(WpFractionalScaleV1 f) {
        List<Integer> heard = new ArrayList<>();
        f.setListener(new WpFractionalScaleV1.Listener() {
            @Override
            public void preferredScale(WpFractionalScaleV1 self, int scale) {
                heard.add(scale);
            }
        });
        return heard;
    }

    private static void awaitLast(TestClient c, List<Integer> heard, int expected) throws Exception {
        long deadline = System.currentTimeMillis() + 3000;
        while ((heard.isEmpty() || heard.getLast() != expected) && System.currentTimeMillis() < deadline) c.display.dispatch(20);
        assertEquals(expected, heard.isEmpty() ? -1 : heard.getLast(), "preferred scales heard: " + heard);
    }

    @Test
    void preferredScaleFollowsTheOutputsScaleAndTheSurfacesOutput() throws Exception {
        try (InProcessCompositor ip = new InProcessCompositor("--backend", "headless", "--renderer", "software", "--outputs", "2",
                "--width", "640", "--height", "480");
             TestClient c = ip.connect();
             TestClient.ShmBuffer content = c.new ShmBuffer(40, 40, 0xff00ff00)) {
            ip.onLoop(() -> {
                ip.compositor.outputs().setScale("HEADLESS-2", 2);
                return null;
            });
            WpFractionalScaleManagerV1 manager = ExtraGlobals.bind(c, WpFractionalScaleManagerV1.NAME, WpFractionalScaleManagerV1.TYPE, 1);
            WlSurface surface = c.compositor.createSurface();
            List<Integer> heard = listen(manager.getFractionalScale(surface));
            c.display.roundtrip();
            assertEquals(List.of(120), heard, "told at once: the first output's scale, where it will be shown");

            TestClient.Window w = c.toplevel(surface, "scaled", "test.scaled");
            surface.attach(content.buffer, 0, 0);
            surface.commit();
            c.display.roundtrip();
            ip.onLoop(() -> {
                ip.compositor.outputs().setScale("HEADLESS-1", 1.5);
                return null;
            });
            awaitLast(c, heard, 180);

            ip.onLoop(() -> {
                ip.compositor.windowManager().moveToNextOutput(ip.compositor.windowManager().windows().getFirst());
                return null;
            });
            awaitLast(c, heard, 240);
            assertNotNull(w);
        }
    }

    @Test
    void aSecondObjectForOneSurfaceIsFractionalScaleExists() throws Exception {
        try (InProcessCompositor ip = new InProcessCompositor("--backend", "headless", "--renderer", "software"); TestClient c = ip.connect()) {
            WpFractionalScaleManagerV1 manager = ExtraGlobals.bind(c, WpFractionalScaleManagerV1.NAME, WpFractionalScaleManagerV1.TYPE, 1);
            WlSurface surface = c.compositor.createSurface();
            manager.getFractionalScale(surface);
            manager.getFractionalScale(surface);
            ProtocolErrorException e = assertThrows(ProtocolErrorException.class, c.display::roundtrip);
            assertEquals(javawc.server.protocol.WpFractionalScaleManagerV1.Error.FRACTIONAL_SCALE_EXISTS, e.code());
        }
    }

    @Test
    void anotherObjectAfterTheFirstIsDestroyedIsFine() throws Exception {
        try (InProcessCompositor ip = new InProcessCompositor("--backend", "headless", "--renderer", "software"); TestClient c = ip.connect()) {
            WpFractionalScaleManagerV1 manager = ExtraGlobals.bind(c, WpFractionalScaleManagerV1.NAME, WpFractionalScaleManagerV1.TYPE, 1);
            WlSurface surface = c.compositor.createSurface();
            manager.getFractionalScale(surface).destroy();
            List<Integer> heard = listen(manager.getFractionalScale(surface));
            c.display.roundtrip();
            assertEquals(List.of(120), heard);
        }
    }
}
