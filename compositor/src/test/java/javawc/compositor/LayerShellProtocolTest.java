package javawc.compositor;

import javawc.client.ProtocolErrorException;
import javawc.client.protocol.WlSurface;
import javawc.client.protocol.XdgPopup;
import javawc.client.protocol.XdgPositioner;
import javawc.client.protocol.XdgSurface;
import javawc.client.protocol.XdgToplevel;
import javawc.client.protocol.XdgWmBase;
import javawc.client.protocol.ZwlrLayerShellV1;
import javawc.client.protocol.ZwlrLayerSurfaceV1;
import javawc.compositor.scene.Rect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * zwlr_layer_shell_v1 in this JVM: each error the protocol defines goes to the offending client
 * (a bystander carries on), and the layout's effects clients see: configure sizes, a panel's
 * exclusive zone shrinking a maximized window, a layer surface's popup placed against it.
 */
class LayerShellProtocolTest {
    private static final int WIDTH = 800, HEIGHT = 600;
    private static InProcessCompositor compositor;
    private static TestClient bystander;

    @BeforeAll
    static void start() throws Exception {
        compositor = new InProcessCompositor("--backend", "headless", "--renderer", "software", "--width", "" + WIDTH, "--height", "" + HEIGHT);
        bystander = compositor.connect();
    }

    @AfterAll
    static void stop() throws Exception {
        bystander.close();
        compositor.close();
    }

    @AfterEach
    void bystanderStillWorks() throws Exception {
        bystander.display.roundtrip();
    }

    /** A layer surface whose configures are recorded as {serial, width, height}. */
    record Layer(WlSurface surface, ZwlrLayerSurfaceV1 layer, List<int[]> configures) {
        int[] last() {
            return configures.getLast();
        }
    }

    static Layer layer(TestClient c, ZwlrLayerShellV1 shell, int layer) {
        WlSurface s = c.compositor.createSurface();
        List<int[]> configures = new ArrayList<>();
        ZwlrLayerSurfaceV1 l = shell.getLayerSurface(s, null, layer, "test");
        l.setListener(new ZwlrLayerSurfaceV1.Listener() {
            @Override
            public void configure(ZwlrLayerSurfaceV1 self, int serial, int width, int height) {
                configures.add(new int[] {serial, width, height});
            }
        });
        return new Layer(s, l, configures);
    }

    /** Commits the initial state, acks the configure and shows a buffer of the configured size. */
    static void show(TestClient c, Layer l) throws Exception {
        l.surface().commit();
        c.display.roundtrip();
        int[] conf = l.last();
        l.layer().ackConfigure(conf[0]);
        TestClient.ShmBuffer b = c.new ShmBuffer(conf[1], conf[2], 0xff336699);
        l.surface().attach(b.buffer, 0, 0);
        l.surface().commit();
        c.display.roundtrip();
    }

    private static ProtocolErrorException error(TestClient c) {
        return assertThrows(ProtocolErrorException.class, c.display::roundtrip);
    }

    @Test
    void anUnknownLayerIsInvalidLayer() throws Exception {
        try (TestClient c = compositor.connect()) {
            ZwlrLayerShellV1 shell = c.bind(ZwlrLayerShellV1.TYPE, 4);
            shell.getLayerSurface(c.compositor.createSurface(), null, 4, "test");
            ProtocolErrorException e = error(c);
            assertEquals(ZwlrLayerShellV1.Error.INVALID_LAYER, e.code());
            assertTrue(e.objectName().startsWith("zwlr_layer_shell_v1@"), e.objectName());
        }
    }

    @Test
    void aSurfaceWithAnotherRoleOrABufferIsRefused() throws Exception {
        try (TestClient c = compositor.connect()) {
            ZwlrLayerShellV1 shell = c.bind(ZwlrLayerShellV1.TYPE, 4);
            WlSurface s = c.compositor.createSurface();
            c.wmBase.getXdgSurface(s).getToplevel();
            shell.getLayerSurface(s, null, ZwlrLayerShellV1.Layer.TOP, "test");
            assertEquals(ZwlrLayerShellV1.Error.ROLE, error(c).code());
        }
        try (TestClient c = compositor.connect(); TestClient.ShmBuffer b = c.new ShmBuffer(10, 10, 0xffffffff)) {
            ZwlrLayerShellV1 shell = c.bind(ZwlrLayerShellV1.TYPE, 4);
            WlSurface s = c.compositor.createSurface();
            s.attach(b.buffer, 0, 0);
            shell.getLayerSurface(s, null, ZwlrLayerShellV1.Layer.TOP, "test");
            assertEquals(ZwlrLayerShellV1.Error.ALREADY_CONSTRUCTED, error(c).code());
        }
    }

    @Test
    void aZeroSizeNeedsBothAnchorsOfItsAxis() throws Exception {
        try (TestClient c = compositor.connect()) {
            Layer l = layer(c, c.bind(ZwlrLayerShellV1.TYPE, 4), ZwlrLayerShellV1.Layer.TOP);
            l.layer().setSize(0, 30);
            l.layer().setAnchor(ZwlrLayerSurfaceV1.Anchor.TOP | ZwlrLayerSurfaceV1.Anchor.LEFT);
            l.surface().commit();
            ProtocolErrorException e = error(c);
            assertEquals(ZwlrLayerSurfaceV1.Error.INVALID_SIZE, e.code());
            assertTrue(e.objectName().startsWith("zwlr_layer_surface_v1@"), e.objectName());
        }
    }

    @Test
    void anchorAndKeyboardInteractivityOutsideTheirEnumsAreErrors() throws Exception {
        try (TestClient c = compositor.connect()) {
            layer(c, c.bind(ZwlrLayerShellV1.TYPE, 4), ZwlrLayerShellV1.Layer.TOP).layer().setAnchor(16);
            assertEquals(ZwlrLayerSurfaceV1.Error.INVALID_ANCHOR, error(c).code());
        }
        try (TestClient c = compositor.connect()) {
            layer(c, c.bind(ZwlrLayerShellV1.TYPE, 4), ZwlrLayerShellV1.Layer.TOP).layer().setKeyboardInteractivity(3);
            assertEquals(ZwlrLayerSurfaceV1.Error.INVALID_KEYBOARD_INTERACTIVITY, error(c).code());
        }
        try (TestClient c = compositor.connect()) { // on_demand came with version 4
            Layer l = layer(c, c.bind(ZwlrLayerShellV1.TYPE, 3), ZwlrLayerShellV1.Layer.TOP);
            l.layer().setKeyboardInteractivity(ZwlrLayerSurfaceV1.KeyboardInteractivity.ON_DEMAND);
            assertEquals(ZwlrLayerSurfaceV1.Error.INVALID_KEYBOARD_INTERACTIVITY, error(c).code());
        }
    }

    @Test
    void aBufferBeforeTheFirstAckAndAnUnknownSerialAreInvalidSurfaceState() throws Exception {
        try (TestClient c = compositor.connect(); TestClient.ShmBuffer b = c.new ShmBuffer(10, 10, 0xffffffff)) {
            Layer l = layer(c, c.bind(ZwlrLayerShellV1.TYPE, 4), ZwlrLayerShellV1.Layer.TOP);
            l.layer().setSize(10, 10);
            l.surface().commit();
            c.display.roundtrip();
            assertArrayEquals(new int[] {10, 10}, new int[] {l.last()[1], l.last()[2]});
            l.surface().attach(b.buffer, 0, 0);
            l.surface().commit(); // the configure was never acked
            assertEquals(ZwlrLayerSurfaceV1.Error.INVALID_SURFACE_STATE, error(c).code());
        }
        try (TestClient c = compositor.connect()) {
            Layer l = layer(c, c.bind(ZwlrLayerShellV1.TYPE, 4), ZwlrLayerShellV1.Layer.TOP);
            l.layer().ackConfigure(12345);
            assertEquals(ZwlrLayerSurfaceV1.Error.INVALID_SURFACE_STATE, error(c).code());
        }
    }

    @Test
    void aPopupWithoutParentMustBeAdoptedBeforeItsFirstCommit() throws Exception {
        try (TestClient c = compositor.connect()) {
            WlSurface s = c.compositor.createSurface();
            c.wmBase.getXdgSurface(s).getPopup(null, positioner(c, new Rect(0, 0, 10, 10)));
            s.commit();
            ProtocolErrorException e = error(c);
            assertEquals(XdgWmBase.Error.INVALID_POPUP_PARENT, e.code());
            assertTrue(e.objectName().startsWith("xdg_wm_base@"), e.objectName());
        }
        try (TestClient c = compositor.connect()) {
            Layer parent = layer(c, c.bind(ZwlrLayerShellV1.TYPE, 4), ZwlrLayerShellV1.Layer.TOP);
            parent.layer().setSize(100, 100);
            TestClient.Window w = c.toplevel(c.compositor.createSurface(), "parent");
            WlSurface s = c.compositor.createSurface();
            XdgPopup popup = c.wmBase.getXdgSurface(s).getPopup(w.xdgSurface(), positioner(c, new Rect(0, 0, 10, 10)));
            parent.layer().getPopup(popup); // it has a parent already
            assertEquals(ZwlrLayerSurfaceV1.Error.INVALID_SURFACE_STATE, error(c).code());
        }
    }

    private static XdgPositioner positioner(TestClient c, Rect anchor) {
        XdgPositioner p = c.wmBase.createPositioner();
        p.setSize(30, 20);
        p.setAnchorRect(anchor.x(), anchor.y(), anchor.width(), anchor.height());
        p.setAnchor(XdgPositioner.Anchor.BOTTOM_RIGHT);
        p.setGravity(XdgPositioner.Gravity.BOTTOM_RIGHT);
        return p;
    }

    @Test
    void aPanelsExclusiveZoneShrinksAMaximizedWindowUntilThePanelGoes() throws Exception {
        try (TestClient c = compositor.connect(); TestClient.ShmBuffer content = c.new ShmBuffer(100, 100, 0xffff0000)) {
            List<int[]> sizes = new ArrayList<>();
            c.autoAck = true;
            TestClient.Window w = c.window(content, "maximized");
            w.toplevel().setListener(new XdgToplevel.Listener() {
                @Override
                public void configure(XdgToplevel self, int width, int height, java.nio.ByteBuffer states) {
                    sizes.add(new int[] {width, height});
                }
            });
            w.toplevel().setMaximized();
            c.display.roundtrip();
            assertArrayEquals(new int[] {WIDTH, HEIGHT}, sizes.getLast());

            Layer panel = layer(c, c.bind(ZwlrLayerShellV1.TYPE, 4), ZwlrLayerShellV1.Layer.TOP);
            panel.layer().setAnchor(ZwlrLayerSurfaceV1.Anchor.TOP | ZwlrLayerSurfaceV1.Anchor.LEFT | ZwlrLayerSurfaceV1.Anchor.RIGHT);
            panel.layer().setSize(0, 30);
            panel.layer().setMargin(4, 0, 0, 0);
            panel.layer().setExclusiveZone(30);
            show(c, panel);
            assertArrayEquals(new int[] {WIDTH, 30}, new int[] {panel.last()[1], panel.last()[2]}, "the panel spans the output");
            assertArrayEquals(new int[] {WIDTH, HEIGHT - 34}, sizes.getLast(), "the window gets the rest (zone and margin)");

            panel.layer().destroy();
            c.display.roundtrip();
            assertArrayEquals(new int[] {WIDTH, HEIGHT}, sizes.getLast(), "the whole output again");
        }
    }

    @Test
    void aLayerSurfacesPopupIsPlacedAgainstIt() throws Exception {
        try (TestClient c = compositor.connect()) {
            Layer bar = layer(c, c.bind(ZwlrLayerShellV1.TYPE, 4), ZwlrLayerShellV1.Layer.TOP);
            bar.layer().setAnchor(ZwlrLayerSurfaceV1.Anchor.BOTTOM | ZwlrLayerSurfaceV1.Anchor.RIGHT);
            bar.layer().setSize(200, 40);
            show(c, bar);
            WlSurface s = c.compositor.createSurface();
            XdgSurface xdg = c.wmBase.getXdgSurface(s);
            int[] placed = new int[4];
            XdgPopup popup = xdg.getPopup(null, positioner(c, new Rect(10, 0, 20, 10)));
            popup.setListener(new XdgPopup.Listener() {
                @Override
                public void configure(XdgPopup self, int x, int y, int width, int height) {
                    placed[0] = x;
                    placed[1] = y;
                    placed[2] = width;
                    placed[3] = height;
                }
            });
            bar.layer().getPopup(popup);
            s.commit();
            c.display.roundtrip();
            // the anchor rect's bottom-right corner, growing right and down: in the bar's coordinates
            assertArrayEquals(new int[] {30, 10, 30, 20}, placed);
            Rect global = compositor.onLoop(() -> {
                javawc.compositor.scene.Scene.Hit hit = new javawc.compositor.scene.Scene.Hit();
                assertTrue(compositor.compositor.scene().pick(WIDTH - 1, HEIGHT - 1, hit));
                assertEquals(bar.surface().id(), hit.surface.resource().id());
                return new Rect(hit.originX, hit.originY, hit.surface.width(), hit.surface.height());
            });
            assertEquals(new Rect(WIDTH - 200, HEIGHT - 40, 200, 40), global);
        }
    }

    /** The id of the client surface on top at (x, y), as the pointer would find it. */
    private static int surfaceAt(int x, int y) throws Exception {
        return compositor.onLoop(() -> {
            javawc.compositor.scene.Scene.Hit hit = new javawc.compositor.scene.Scene.Hit();
            return compositor.compositor.scene().pick(x, y, hit) ? hit.surface.resource().id() : 0;
        });
    }

    @Test
    void aFullscreenWindowOnTopCoversTheTopLayerButNotTheOverlay() throws Exception {
        try (TestClient c = compositor.connect(); TestClient.ShmBuffer content = c.new ShmBuffer(100, 100, 0xffff0000)) {
            ZwlrLayerShellV1 shell = c.bind(ZwlrLayerShellV1.TYPE, 4);
            Layer panel = layer(c, shell, ZwlrLayerShellV1.Layer.TOP);
            panel.layer().setAnchor(ZwlrLayerSurfaceV1.Anchor.TOP | ZwlrLayerSurfaceV1.Anchor.LEFT | ZwlrLayerSurfaceV1.Anchor.RIGHT);
            panel.layer().setSize(0, 30);
            panel.layer().setExclusiveZone(30);
            show(c, panel);
            Layer notification = layer(c, shell, ZwlrLayerShellV1.Layer.OVERLAY);
            notification.layer().setAnchor(ZwlrLayerSurfaceV1.Anchor.BOTTOM | ZwlrLayerSurfaceV1.Anchor.RIGHT);
            notification.layer().setSize(100, 50);
            show(c, notification);
            c.autoAck = true;
            TestClient.Window w = c.window(content, "player");
            assertEquals(panel.surface().id(), surfaceAt(10, 10));
            w.toplevel().setFullscreen(null);
            c.display.roundtrip();
            TestClient.ShmBuffer full = c.new ShmBuffer(WIDTH, HEIGHT, 0xff000000);
            w.surface().attach(full.buffer, 0, 0);
            w.surface().commit();
            c.display.roundtrip();
            assertEquals(w.surface().id(), surfaceAt(10, 10), "the fullscreen window is above the panel");
            assertEquals(notification.surface().id(), surfaceAt(WIDTH - 10, HEIGHT - 10), "and below the overlay");
            w.toplevel().unsetFullscreen();
            c.display.roundtrip();
            assertEquals(panel.surface().id(), surfaceAt(10, 10), "the panel on top again");
        }
    }
}
