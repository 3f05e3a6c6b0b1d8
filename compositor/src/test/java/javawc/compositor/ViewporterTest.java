package javawc.compositor;

import javawc.client.ProtocolErrorException;
import javawc.client.protocol.WlSurface;
import javawc.client.protocol.WpViewport;
import javawc.client.protocol.WpViewporter;
import javawc.compositor.core.Surface;
import javawc.compositor.output.Output;
import javawc.compositor.scene.Rect;
import javawc.server.protocol.WpViewport.Error;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * wp_viewporter against its spec, in a whole compositor in this JVM (headless, software
 * renderer): crop and scale change the surface's size, input area and pixels, unsetting
 * brings the buffer's size back, and each error the spec defines reaches the offending
 * client (and only it) at the moment the spec says.
 */
class ViewporterTest {
    private static final int RED = 0xffff0000, BLUE = 0xff0000ff, GREEN = 0xff00ff00;
    private static final int ONE = 256; // 1.0 in 24.8 fixed point

    private InProcessCompositor ip;
    private TestClient client;
    private WpViewporter viewporter;

    @BeforeEach
    void start() throws Exception {
        ip = new InProcessCompositor("--backend", "headless", "--renderer", "software");
        client = ip.connect();
        viewporter = ExtraGlobals.bind(client, WpViewporter.NAME, WpViewporter.TYPE, 1);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        ip.close();
    }

    /** The window's surface (the only toplevel) as the compositor sees it. */
    private Surface shown() throws Exception {
        return ip.onLoop(() -> ip.compositor.scene().toplevels().getFirst().surface());
    }

    private int[] screen() throws Exception {
        Thread.sleep(60); // past the next refresh
        return ip.onLoop(() -> ip.compositor.backend().capture(ip.compositor.scene().primaryOutput()));
    }

    private static int at(int[] screen, int x, int y) {
        return screen[y * 1280 + x];
    }

    @Test
    void cropAndScaleSetSizeInputAndPixelsAndUnsettingRestoresTheBuffer() throws Exception {
        try (TestClient.ShmBuffer content = client.new ShmBuffer(40, 30, RED)) {
            content.fill(20, 0, 20, 30, BLUE);   // right half blue
            content.fill(20, 0, 20, 1, GREEN);   // with a green top row
            TestClient.Window w = client.window(content, "viewport");
            assertEquals(40, shown().width());

            WpViewport viewport = viewporter.getViewport(w.surface());
            viewport.setSource(20 * ONE, ONE, 20 * ONE, 29 * ONE); // the blue half below the green row
            viewport.setDestination(80, 58);
            w.surface().commit();
            client.display.roundtrip();
            Surface s = shown();
            assertEquals(80, s.width());
            assertEquals(58, s.height());
            assertTrue(ip.onLoop(() -> s.acceptsInput(79, 57)), "input reaches the whole destination");
            assertFalse(ip.onLoop(() -> s.acceptsInput(80, 10)), "and no further");
            Rect r = ip.onLoop(s::globalBounds);
            int[] px = screen();
            for (int y = r.y(); y < r.bottom(); y++) {
                for (int x = r.x(); x < r.right(); x++) assertEquals(BLUE, at(px, x, y), "blue at " + x + "," + y);
            }

            viewport.destroy(); // crop and scale go with the next commit
            w.surface().commit();
            client.display.roundtrip();
            assertEquals(40, shown().width());
            assertEquals(30, shown().height());
        }
    }

    @Test
    void destinationAloneScalesTheWholeBufferAndSourceAloneCrops() throws Exception {
        try (TestClient.ShmBuffer content = client.new ShmBuffer(10, 10, RED)) {
            TestClient.Window w = client.window(content, "viewport");
            WpViewport viewport = viewporter.getViewport(w.surface());
            viewport.setDestination(35, 21);
            w.surface().commit();
            client.display.roundtrip();
            assertEquals(35, shown().width());
            assertEquals(21, shown().height());
            Surface shown = shown();
            Rect r = ip.onLoop(shown::globalBounds);
            int[] px = screen();
            assertEquals(RED, at(px, r.x(), r.y()));
            assertEquals(RED, at(px, r.right() - 1, r.bottom() - 1));

            viewport.setDestination(-1, -1);
            viewport.setSource(2 * ONE, 3 * ONE, 4 * ONE, 5 * ONE);
            w.surface().commit();
            client.display.roundtrip();
            assertEquals(4, shown().width());
            assertEquals(5, shown().height());
        }
    }

    private ProtocolErrorException expectError() {
        return assertThrows(ProtocolErrorException.class, client.display::roundtrip);
    }

    @Test
    void negativeSourcePositionIsBadValue() {
        WlSurface surface = client.compositor.createSurface();
        viewporter.getViewport(surface).setSource(-ONE, 0, ONE, ONE);
        ProtocolErrorException e = expectError();
        assertEquals(Error.BAD_VALUE, e.code());
        assertTrue(e.objectName().startsWith("wp_viewport"), e.objectName());
    }

    @Test
    void zeroSourceSizeAndPartlyUnsetSourceAreBadValue() throws Exception {
        WlSurface surface = client.compositor.createSurface();
        viewporter.getViewport(surface).setSource(0, 0, 0, ONE);
        assertEquals(Error.BAD_VALUE, expectError().code());

        TestClient other = ip.connect();
        try {
            WpViewporter vp = ExtraGlobals.bind(other, WpViewporter.NAME, WpViewporter.TYPE, 1);
            vp.getViewport(other.compositor.createSurface()).setSource(-ONE, -ONE, -ONE, ONE); // not all -1
            assertEquals(Error.BAD_VALUE, assertThrows(ProtocolErrorException.class, other.display::roundtrip).code());
        } finally {
            other.close();
        }
    }

    @Test
    void zeroOrHalfUnsetDestinationIsBadValue() throws Exception {
        viewporter.getViewport(client.compositor.createSurface()).setDestination(0, 10);
        assertEquals(Error.BAD_VALUE, expectError().code());

        TestClient other = ip.connect();
        try {
            WpViewporter vp = ExtraGlobals.bind(other, WpViewporter.NAME, WpViewporter.TYPE, 1);
            vp.getViewport(other.compositor.createSurface()).setDestination(-1, 10);
            assertEquals(Error.BAD_VALUE, assertThrows(ProtocolErrorException.class, other.display::roundtrip).code());
        } finally {
            other.close();
        }
    }

    @Test
    void fractionalSourceSizeWithoutDestinationIsBadSizeAtCommit() throws Exception {
        try (TestClient.ShmBuffer content = client.new ShmBuffer(20, 20, RED)) {
            TestClient.Window w = client.window(content, "viewport");
            WpViewport viewport = viewporter.getViewport(w.surface());
            viewport.setSource(0, 0, 10 * ONE + ONE / 2, 10 * ONE);
            client.display.roundtrip(); // not an error until the state is applied
            w.surface().commit();
            assertEquals(Error.BAD_SIZE, expectError().code());
        }
    }

    @Test
    void fractionalSourceSizeIsBadSizeAlsoWithoutABuffer() {
        WlSurface surface = client.compositor.createSurface();
        viewporter.getViewport(surface).setSource(0, 0, ONE + 1, ONE);
        surface.commit();
        assertEquals(Error.BAD_SIZE, expectError().code());
    }

    @Test
    void fractionalSourceWithDestinationIsFine() throws Exception {
        try (TestClient.ShmBuffer content = client.new ShmBuffer(20, 20, RED)) {
            TestClient.Window w = client.window(content, "viewport");
            WpViewport viewport = viewporter.getViewport(w.surface());
            viewport.setSource(ONE / 4, ONE / 2, 10 * ONE + ONE / 2, 7 * ONE + 3);
            viewport.setDestination(30, 30);
            w.surface().commit();
            client.display.roundtrip();
            assertEquals(30, shown().width());
            assertEquals(30, shown().height());
        }
    }

    @Test
    void sourceOutsideTheBufferIsOutOfBufferAtCommit() throws Exception {
        try (TestClient.ShmBuffer content = client.new ShmBuffer(20, 20, RED)) {
            TestClient.Window w = client.window(content, "viewport");
            w.surface().setBufferScale(2); // 10x10 surface units: the source is checked against those
            w.surface().commit();
            client.display.roundtrip();
            WpViewport viewport = viewporter.getViewport(w.surface());
            viewport.setSource(5 * ONE, 0, 5 * ONE + 1, 10 * ONE);
            viewport.setDestination(10, 10);
            w.surface().commit();
            assertEquals(Error.OUT_OF_BUFFER, expectError().code());
        }
    }

    @Test
    void sourceOutsideIsNoErrorWithoutABuffer() throws Exception {
        WlSurface surface = client.compositor.createSurface();
        WpViewport viewport = viewporter.getViewport(surface);
        viewport.setSource(0, 0, 500 * ONE, 500 * ONE);
        surface.commit();
        assertDoesNotThrow(client.display::roundtrip);
    }

    @Test
    void secondViewportForASurfaceIsViewportExists() {
        WlSurface surface = client.compositor.createSurface();
        viewporter.getViewport(surface);
        viewporter.getViewport(surface);
        ProtocolErrorException e = expectError();
        assertEquals(javawc.server.protocol.WpViewporter.Error.VIEWPORT_EXISTS, e.code());
        assertTrue(e.objectName().startsWith("wp_viewporter"), e.objectName());
    }

    @Test
    void aViewportCanBeMadeAgainAfterTheFirstIsDestroyed() throws Exception {
        WlSurface surface = client.compositor.createSurface();
        viewporter.getViewport(surface).destroy();
        viewporter.getViewport(surface).setDestination(5, 5);
        assertDoesNotThrow(client.display::roundtrip);
    }

    @Test
    void requestsAfterTheSurfaceIsDestroyedAreNoSurface() {
        WlSurface surface = client.compositor.createSurface();
        WpViewport viewport = viewporter.getViewport(surface);
        surface.destroy();
        viewport.setDestination(10, 10);
        assertEquals(Error.NO_SURFACE, expectError().code());
    }

    @Test
    void destroyingTheViewportAfterItsSurfaceIsFine() throws Exception {
        WlSurface surface = client.compositor.createSurface();
        WpViewport viewport = viewporter.getViewport(surface);
        surface.destroy();
        viewport.destroy();
        assertDoesNotThrow(client.display::roundtrip);
    }

    @Test
    void anErrorLeavesOtherClientsAlone() throws Exception {
        TestClient bystander = ip.connect();
        try (TestClient.ShmBuffer content = bystander.new ShmBuffer(8, 8, RED)) {
            bystander.window(content, "bystander");
            viewporter.getViewport(client.compositor.createSurface()).setDestination(0, 0);
            expectError();
            bystander.display.roundtrip();
            Output o = ip.onLoop(() -> ip.compositor.scene().primaryOutput());
            assertNotNull(o);
            assertEquals(1, ip.onLoop(() -> ip.compositor.scene().toplevels().size()), "the bystander's window is still there");
        } finally {
            bystander.close();
        }
    }
}
