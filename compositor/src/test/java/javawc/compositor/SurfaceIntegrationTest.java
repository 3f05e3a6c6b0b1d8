package javawc.compositor;

import javawc.client.ProtocolErrorException;
import javawc.client.protocol.WlCallback;
import javawc.client.protocol.WlShm;
import javawc.client.protocol.WlSubsurface;
import javawc.client.protocol.WlBuffer;
import javawc.client.protocol.WlSurface;
import javawc.client.protocol.XdgPositioner;
import javawc.client.protocol.XdgSurface;
import javawc.client.protocol.XdgToplevel;
import javawc.compositor.render.software.SoftwareRenderer;
import javawc.os.Descriptors;
import javawc.os.OwnedFd;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Surfaces, shm, subsurfaces and xdg-shell through our client library, checked on screen and on the wire. */
@ParameterizedClass(name = "{0} renderer")
@ValueSource(strings = {"software", "gles"})
class SurfaceIntegrationTest {
    /** Every test runs with both renderers; gles fails (never skips) when EGL cannot start. */
    @Parameter
    String renderer;

    private static final int BG = SoftwareRenderer.BACKGROUND & 0xffffff;
    private static final int RED = 0xffff0000, BLUE = 0xff0000ff, GREEN = 0xff00ff00;
    private static final int W = 1280, H = 720;
    private static CompositorProcess compositor;
    private static Path shot;

    @BeforeParameterizedClassInvocation
    static void start(String renderer) throws Exception {
        compositor = CompositorProcess.startWithScreenshots("--backend", "headless", "--renderer", renderer);
        shot = compositor.screenshotPath();
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        compositor.close();
    }

    private static Screenshot screenshot() throws Exception {
        Thread.sleep(100); // past the next refresh
        return Screenshot.take(compositor, shot);
    }

    @Test
    void ourPixelsLandWhereWePutThem() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer b = c.new ShmBuffer(200, 100, RED)) {
            b.fill(10, 10, 50, 50, BLUE);
            c.window(b, "known colours");
            Screenshot s = screenshot();
            int x = (W - 200) / 2, y = (H - 100) / 2;
            assertEquals(RED & 0xffffff, s.rgb(x, y));
            assertEquals(RED & 0xffffff, s.rgb(x + 199, y + 99));
            assertEquals(BLUE & 0xffffff, s.rgb(x + 10, y + 10));
            assertEquals(BLUE & 0xffffff, s.rgb(x + 59, y + 59));
            assertEquals(RED & 0xffffff, s.rgb(x + 60, y + 60));
            assertEquals(BG, s.rgb(x - 1, y));
            assertEquals(BG, s.rgb(x + 200, y + 99));
        }
    }

    @Test
    void aDestroyedWindowLeavesTheScreen() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer b = c.new ShmBuffer(100, 100, RED)) {
            TestClient.Window w = c.window(b, "going");
            int x = (W - 100) / 2, y = (H - 100) / 2;
            assertEquals(RED & 0xffffff, screenshot().rgb(x + 50, y + 50));
            w.toplevel().destroy();
            c.display.roundtrip();
            assertEquals(BG, screenshot().rgb(x + 50, y + 50), "destroying the toplevel repaints what was under it");
        }
    }

    @Test
    void aTruncatedPoolIsItsClientsErrorAlone() throws Exception {
        try (TestClient bystander = new TestClient(compositor); TestClient.ShmBuffer green = bystander.new ShmBuffer(64, 64, GREEN);
             TestClient bad = new TestClient(compositor); TestClient.ShmBuffer content = bad.new ShmBuffer(256, 256, RED)) {
            bystander.window(green, "bystander");
            WlSurface surface = bad.compositor.createSurface();
            surface.attach(content.buffer, 0, 0);
            surface.damageBuffer(0, 0, 256, 256);
            surface.commit();
            bad.display.roundtrip(); // copied fine while the file was whole
            Descriptors.truncate(content.fd, 0);
            surface.attach(content.buffer, 0, 0);
            surface.damageBuffer(0, 0, 256, 256);
            surface.commit();
            ProtocolErrorException e = assertThrows(ProtocolErrorException.class, bad.display::roundtrip);
            assertEquals(WlShm.Error.INVALID_FD, e.code());
            assertTrue(e.getMessage().contains("error accessing SHM buffer"), e.getMessage());
            assertTrue(compositor.process.isAlive());
            bystander.display.roundtrip();
            Screenshot s = screenshot();
            assertEquals(GREEN & 0xffffff, s.rgb((W - 64) / 2 + 5, (H - 64) / 2 + 5), "the bystander is still shown");
        }
    }

    private static ProtocolErrorException expectError(TestClient c) {
        return assertThrows(ProtocolErrorException.class, c.display::roundtrip);
    }

    @Test
    void shmErrors() throws Exception {
        try (TestClient c = new TestClient(compositor); OwnedFd fd = Descriptors.memfd("small", 4096)) {
            // a pool larger than its file is mapped as libwayland maps it; reading past the file is the buffer's error
            WlBuffer tail = c.shm.createPool(fd, 8192).createBuffer(0, 32, 64, 128, WlShm.Format.ARGB8888);
            c.display.roundtrip();
            WlSurface s = c.compositor.createSurface();
            s.attach(tail, 0, 0);
            s.damageBuffer(0, 0, 32, 64);
            s.commit();
            ProtocolErrorException e = expectError(c);
            assertEquals(WlShm.Error.INVALID_FD, e.code());
            assertTrue(e.getMessage().contains("error accessing SHM buffer"), e.getMessage());
        }
        try (TestClient c = new TestClient(compositor); OwnedFd fd = Descriptors.memfd("pool", 4096)) {
            c.shm.createPool(fd, 4096).createBuffer(0, 16, 16, 16 * 4, 0x12345678);
            assertEquals(WlShm.Error.INVALID_FORMAT, expectError(c).code());
        }
        try (TestClient c = new TestClient(compositor); OwnedFd fd = Descriptors.memfd("pool", 4096)) {
            c.shm.createPool(fd, 4096).createBuffer(0, 16, 16, 8, WlShm.Format.ARGB8888);
            assertEquals(WlShm.Error.INVALID_STRIDE, expectError(c).code(), "stride below width * 4");
        }
        try (TestClient c = new TestClient(compositor); OwnedFd fd = Descriptors.memfd("pool", 4096)) {
            c.shm.createPool(fd, 4096).createBuffer(0, 32, 33, 128, WlShm.Format.ARGB8888);
            assertEquals(WlShm.Error.INVALID_STRIDE, expectError(c).code(), "33 rows of 128 bytes do not fit 4096 bytes");
        }
        try (TestClient c = new TestClient(compositor); OwnedFd fd = Descriptors.memfd("pool", 8192)) {
            c.shm.createPool(fd, 8192).resize(4096);
            ProtocolErrorException e = expectError(c);
            assertTrue(e.getMessage().contains("shrinking"), e.getMessage());
        }
    }

    @Test
    void xdgSurfaceRules() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer b = c.new ShmBuffer(16, 16, RED)) {
            WlSurface s = c.compositor.createSurface();
            c.wmBase.getXdgSurface(s).getToplevel();
            s.attach(b.buffer, 0, 0);
            s.commit();
            assertEquals(XdgSurface.Error.UNCONFIGURED_BUFFER, expectError(c).code());
        }
        try (TestClient c = new TestClient(compositor)) {
            XdgSurface xdg = c.wmBase.getXdgSurface(c.compositor.createSurface());
            xdg.getToplevel();
            xdg.ackConfigure(12345);
            assertEquals(XdgSurface.Error.INVALID_SERIAL, expectError(c).code());
        }
        try (TestClient c = new TestClient(compositor)) {
            XdgSurface xdg = c.wmBase.getXdgSurface(c.compositor.createSurface());
            xdg.getToplevel();
            xdg.getToplevel();
            assertEquals(XdgSurface.Error.ALREADY_CONSTRUCTED, expectError(c).code());
        }
        try (TestClient c = new TestClient(compositor)) {
            WlSurface s = c.compositor.createSurface();
            c.wmBase.getXdgSurface(s);
            s.commit();
            assertEquals(XdgSurface.Error.NOT_CONSTRUCTED, expectError(c).code());
        }
        try (TestClient c = new TestClient(compositor)) {
            c.wmBase.getXdgSurface(c.compositor.createSurface()).setWindowGeometry(0, 0, 0, 10);
            assertEquals(XdgSurface.Error.INVALID_SIZE, expectError(c).code());
        }
        try (TestClient c = new TestClient(compositor)) {
            XdgSurface parent = c.wmBase.getXdgSurface(c.compositor.createSurface());
            parent.getToplevel();
            XdgPositioner p = c.wmBase.createPositioner();
            p.setSize(10, 10); // no anchor rect
            c.wmBase.getXdgSurface(c.compositor.createSurface()).getPopup(parent, p);
            assertEquals(5 /* xdg_wm_base.invalid_positioner */, expectError(c).code());
        }
        try (TestClient c = new TestClient(compositor)) {
            c.wmBase.createPositioner().setSize(0, 10);
            assertEquals(XdgPositioner.Error.INVALID_INPUT, expectError(c).code());
        }
        try (TestClient c = new TestClient(compositor)) {
            WlSurface s = c.compositor.createSurface();
            c.wmBase.getXdgSurface(s);
            c.subcompositor.getSubsurface(s, c.compositor.createSurface());
            assertEquals(0 /* wl_subcompositor.bad_surface */, expectError(c).code(), "an xdg_surface's wl_surface cannot also be a subsurface");
        }
    }

    @Test
    void toplevelConfigureCarriesBoundsCapabilitiesAndActivation() throws Exception {
        try (TestClient c = new TestClient(compositor)) {
            WlSurface s = c.compositor.createSurface();
            XdgSurface xdg = c.wmBase.getXdgSurface(s);
            int[] bounds = new int[2];
            int[] configured = {-1, -1};
            boolean[] maximizeOffered = {false};
            xdg.getToplevel().setListener(new XdgToplevel.Listener() {
                @Override
                public void configureBounds(XdgToplevel self, int width, int height) {
                    bounds[0] = width;
                    bounds[1] = height;
                }

                @Override
                public void wmCapabilities(XdgToplevel self, java.nio.ByteBuffer caps) {
                    while (caps.hasRemaining()) if (caps.getInt() == XdgToplevel.WmCapabilities.MAXIMIZE) maximizeOffered[0] = true;
                }

                @Override
                public void configure(XdgToplevel self, int width, int height, java.nio.ByteBuffer states) {
                    configured[0] = width;
                    configured[1] = height;
                }
            }).setMaximized();
            s.commit();
            c.display.roundtrip();
            assertArrayEquals(new int[] {W, H}, bounds);
            assertTrue(maximizeOffered[0]);
            assertArrayEquals(new int[] {W, H}, configured, "maximized: the output's size");
        }
    }

    @Test
    void aShownSurfaceEntersTheOutput() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer b = c.new ShmBuffer(32, 32, RED)) {
            WlSurface s = c.compositor.createSurface();
            javawc.client.protocol.WlOutput[] entered = {null};
            s.setListener(new WlSurface.Listener() {
                @Override
                public void enter(WlSurface self, javawc.client.protocol.WlOutput output) {
                    entered[0] = output;
                }
            });
            c.toplevel(s, "test");
            s.attach(b.buffer, 0, 0);
            s.commit();
            long deadline = System.currentTimeMillis() + 2000;
            while (entered[0] == null && System.currentTimeMillis() < deadline) c.display.dispatch(100);
            assertSame(c.output, entered[0], "wl_surface.enter names our wl_output");
        }
    }

    @Test
    void frameCallbacksFollowARepaintOfAShownSurfaceOnly() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer b = c.new ShmBuffer(32, 32, RED)) {
            // a surface with no role is never shown: its callback waits
            WlSurface hidden = c.compositor.createSurface();
            boolean[] hiddenDone = {false};
            hidden.frame().setListener(new WlCallback.Listener() {
                @Override
                public void done(WlCallback self, int time) {
                    hiddenDone[0] = true;
                }
            });
            hidden.attach(b.buffer, 0, 0);
            hidden.commit();
            TestClient.Window w = c.window(b, "frames");
            int[] done = {0};
            w.surface().frame().setListener(new WlCallback.Listener() {
                @Override
                public void done(WlCallback self, int time) {
                    done[0]++;
                }
            });
            w.surface().commit();
            long deadline = System.currentTimeMillis() + 2000;
            while (done[0] == 0 && System.currentTimeMillis() < deadline) c.display.dispatch(100);
            assertEquals(1, done[0], "the shown surface's callback fired once");
            c.display.dispatch(300);
            assertFalse(hiddenDone[0], "no frame callback for a surface that is not shown");
        }
    }

    @Test
    void synchronizedSubsurfaceWaitsForItsParentAndStacks() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer parentBuf = c.new ShmBuffer(100, 100, RED);
             TestClient.ShmBuffer childBuf = c.new ShmBuffer(20, 20, BLUE)) {
            TestClient.Window parent = c.window(parentBuf, "parent");
            WlSurface child = c.compositor.createSurface();
            WlSubsurface sub = c.subcompositor.getSubsurface(child, parent.surface());
            sub.setPosition(10, 10);
            child.attach(childBuf.buffer, 0, 0);
            child.commit();
            c.display.roundtrip();
            int x = (W - 100) / 2, y = (H - 100) / 2;
            assertEquals(RED & 0xffffff, screenshot().rgb(x + 15, y + 15), "synchronized: nothing until the parent commits");
            parent.surface().commit();
            c.display.roundtrip();
            assertEquals(BLUE & 0xffffff, screenshot().rgb(x + 15, y + 15), "shown at (10,10) after the parent's commit");
            sub.placeBelow(parent.surface());
            parent.surface().commit();
            c.display.roundtrip();
            assertEquals(RED & 0xffffff, screenshot().rgb(x + 15, y + 15), "below the opaque parent now");
        }
    }

    @Test
    void bufferScaleAndTransform() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer b = c.new ShmBuffer(40, 20, RED)) {
            b.fill(20, 0, 20, 20, BLUE); // left half red, right half blue
            WlSurface s = c.compositor.createSurface();
            c.toplevel(s, "test");
            s.setBufferTransform(1); // 90: the client drew its 20x40 window rotated counter-clockwise
            s.attach(b.buffer, 0, 0);
            s.commit();
            c.display.roundtrip();
            Screenshot shotRotated = screenshot();
            int x = (W - 20) / 2, y = (H - 40) / 2;
            assertEquals(RED & 0xffffff, shotRotated.rgb(x + 10, y + 5), "buffer's left half is the surface's top");
            assertEquals(BLUE & 0xffffff, shotRotated.rgb(x + 10, y + 35));
            assertEquals(BG, shotRotated.rgb(x + 25, y + 5), "20 wide, not 40");
            s.setBufferTransform(0);
            s.setBufferScale(2);
            s.attach(b.buffer, 0, 0);
            s.commit();
            c.display.roundtrip();
            Screenshot scaled = screenshot();
            // still placed where it was mapped: now 20x10
            assertEquals(RED & 0xffffff, scaled.rgb(x + 5, y + 5));
            assertEquals(BLUE & 0xffffff, scaled.rgb(x + 15, y + 5));
            assertEquals(BG, scaled.rgb(x + 5, y + 15), "10 high at scale 2");
        }
    }
}
