package javawc.compositor;

import javawc.client.ProtocolErrorException;
import javawc.client.protocol.WlRegistry;
import javawc.client.protocol.WlShm;
import javawc.client.protocol.ZwlrScreencopyFrameV1;
import javawc.client.protocol.ZwlrScreencopyManagerV1;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * zwlr_screencopy_manager_v1 against the real compositor: Debian's grim writes the pixels our
 * own --screenshot has of the same (still) frame, and grim -g crops; a client of ours gets the
 * protocol's events and errors (already_used, invalid_buffer), damage with copy_with_damage,
 * and failed for a region off the output.
 */
class ScreencopyIntegrationTest extends ControlledCompositorTest {

    /** A window whose every pixel differs from its neighbours, so any offset or channel swap shows. */
    private static TestClient.Window patternWindow(TestClient c, TestClient.ShmBuffer buffer, String appId) throws Exception {
        buffer.paint((x, y) -> 0xff000000 | (x * 7 & 0xff) << 16 | (y * 5 & 0xff) << 8 | (x + y) * 3 & 0xff);
        return c.window(buffer, "pattern", appId);
    }

    @Test
    void grimWritesTheFrameOurScreenshotHasAndCropsARegion() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer pattern = c.new ShmBuffer(300, 200, 0)) {
            patternWindow(c, pattern, "test.grim");
            control.ok("place test.grim 5 5");
            c.display.roundtrip();
            Screenshot ours = Screenshot.take(compositor, compositor.screenshotPath());
            Path whole = compositor.runtimeDir.resolve("grim.png"), part = compositor.runtimeDir.resolve("grim-part.png");
            CompositorProcess.Result r = compositor.run(30, "grim", whole.toString());
            assertEquals(0, r.exitCode(), r.output());
            BufferedImage grim = ImageIO.read(whole.toFile());
            assertEquals(ours.width(), grim.getWidth());
            assertEquals(ours.height(), grim.getHeight());
            assertSamePixels(ours, grim, 0, 0);

            r = compositor.run(30, "grim", "-g", "10,10 200x100", part.toString());
            assertEquals(0, r.exitCode(), r.output());
            BufferedImage crop = ImageIO.read(part.toFile());
            assertEquals(200, crop.getWidth());
            assertEquals(100, crop.getHeight());
            assertSamePixels(ours, crop, 10, 10);
            assertFalse(compositor.stderr().contains("(grim): protocol error"), compositor.stderr()); // other tests here make errors on purpose
        }
    }

    private static void assertSamePixels(Screenshot ours, BufferedImage theirs, int atX, int atY) {
        int differ = 0;
        for (int y = 0; y < theirs.getHeight(); y++) {
            for (int x = 0; x < theirs.getWidth(); x++) {
                if ((theirs.getRGB(x, y) & 0xffffff) != ours.rgb(atX + x, atY + y)) differ++;
            }
        }
        assertEquals(0, differ, "pixels that differ from our screenshot");
    }

    /** A client's screencopy frame, its events as text lines. */
    private static final class Capture {
        final ZwlrScreencopyFrameV1 frame;
        final List<String> events = new ArrayList<>();
        int width, height, stride, format;

        Capture(ZwlrScreencopyFrameV1 frame) {
            this.frame = frame.setListener(new ZwlrScreencopyFrameV1.Listener() {
                @Override
                public void buffer(ZwlrScreencopyFrameV1 self, int f, int w, int h, int s) {
                    format = f;
                    width = w;
                    height = h;
                    stride = s;
                    events.add("buffer " + f + " " + w + "x" + h + " " + s);
                }

                @Override
                public void bufferDone(ZwlrScreencopyFrameV1 self) {
                    events.add("buffer_done");
                }

                @Override
                public void flags(ZwlrScreencopyFrameV1 self, int flags) {
                    events.add("flags " + flags);
                }

                @Override
                public void damage(ZwlrScreencopyFrameV1 self, int x, int y, int w, int h) {
                    events.add("damage " + x + "," + y + " " + w + "x" + h);
                }

                @Override
                public void ready(ZwlrScreencopyFrameV1 self, int hi, int lo, int nsec) {
                    events.add("ready");
                }

                @Override
                public void failed(ZwlrScreencopyFrameV1 self) {
                    events.add("failed");
                }
            });
        }

        void await(TestClient c, String event) throws Exception {
            for (int i = 0; i < 200 && !events.contains(event); i++) {
                c.display.roundtrip();
                if (!events.contains(event)) Thread.sleep(10);
            }
            assertTrue(events.contains(event), "no " + event + ": " + events);
        }
    }

    private static ZwlrScreencopyManagerV1 bindManager(TestClient c) throws Exception {
        ZwlrScreencopyManagerV1[] found = {null};
        c.display.wlDisplay().getRegistry().setListener(new WlRegistry.Listener() {
            @Override
            public void global(WlRegistry r, int name, String iface, int version) {
                if (iface.equals(ZwlrScreencopyManagerV1.NAME)) found[0] = r.bind(name, ZwlrScreencopyManagerV1.TYPE, version);
            }
        });
        c.display.roundtrip();
        assertNotNull(found[0], "no zwlr_screencopy_manager_v1 offered");
        return found[0];
    }

    @Test
    void aFrameOffersOneShmBufferAndCopiesOnceWithDamageTheFirstTime() throws Exception {
        try (TestClient c = new TestClient(compositor)) {
            ZwlrScreencopyManagerV1 manager = bindManager(c);
            Capture cap = new Capture(manager.captureOutputRegion(0, c.output, 20, 30, 64, 48));
            c.display.roundtrip();
            assertEquals(List.of("buffer " + WlShm.Format.XRGB8888 + " 64x48 256", "buffer_done"), cap.events);
            try (TestClient.ShmBuffer target = c.new ShmBuffer(64, 48, 0, WlShm.Format.XRGB8888)) {
                cap.frame.copyWithDamage(target.buffer);
                cap.await(c, "ready");
                assertEquals(List.of("flags 0", "damage 0,0 64x48", "ready"), cap.events.subList(2, cap.events.size()));
            }
        }
    }

    @Test
    void copyWithDamageWaitsForAChangeAndSaysWhere() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer white = c.new ShmBuffer(50, 50, 0xffffffff)) {
            ZwlrScreencopyManagerV1 manager = bindManager(c);
            Capture first = new Capture(manager.captureOutputRegion(0, c.output, 0, 0, 400, 300));
            c.display.roundtrip();
            try (TestClient.ShmBuffer target = c.new ShmBuffer(400, 300, 0, WlShm.Format.XRGB8888)) {
                first.frame.copyWithDamage(target.buffer);
                first.await(c, "ready"); // the first copy of this manager: all of it is new
                Capture second = new Capture(manager.captureOutputRegion(0, c.output, 0, 0, 400, 300));
                c.display.roundtrip();
                second.frame.copyWithDamage(target.buffer);
                c.window(white, "damage", "test.damage"); // mapped in the middle of the output, away from the region
                control.ok("place test.damage 100 120");
                second.await(c, "ready");
                List<String> damage = second.events.stream().filter(e -> e.startsWith("damage")).toList();
                assertTrue(damage.contains("damage 100,120 50x50"), "the window's new place is the damage: " + second.events);
            }
        }
    }

    @Test
    void aSecondCopyIsAlreadyUsed() throws Exception {
        try (TestClient c = new TestClient(compositor)) {
            Capture cap = new Capture(bindManager(c).captureOutput(0, c.output));
            c.display.roundtrip();
            try (TestClient.ShmBuffer target = c.new ShmBuffer(cap.width, cap.height, 0, WlShm.Format.XRGB8888)) {
                cap.frame.copy(target.buffer);
                cap.frame.copy(target.buffer);
                ProtocolErrorException e = assertThrows(ProtocolErrorException.class, c.display::roundtrip);
                assertEquals(ZwlrScreencopyFrameV1.Error.ALREADY_USED, e.code(), e.getMessage());
            }
        }
    }

    @Test
    void aBufferOfAnotherSizeIsInvalid() throws Exception {
        try (TestClient c = new TestClient(compositor)) {
            Capture cap = new Capture(bindManager(c).captureOutputRegion(0, c.output, 0, 0, 100, 100));
            c.display.roundtrip();
            try (TestClient.ShmBuffer target = c.new ShmBuffer(99, 100, 0, WlShm.Format.XRGB8888)) {
                cap.frame.copy(target.buffer);
                ProtocolErrorException e = assertThrows(ProtocolErrorException.class, c.display::roundtrip);
                assertEquals(ZwlrScreencopyFrameV1.Error.INVALID_BUFFER, e.code(), e.getMessage());
            }
        }
    }

    @Test
    void aRegionOffTheOutputFails() throws Exception {
        try (TestClient c = new TestClient(compositor)) {
            Capture cap = new Capture(bindManager(c).captureOutputRegion(0, c.output, 5000, 5000, 10, 10));
            cap.await(c, "failed");
            assertFalse(cap.events.contains("buffer_done"), cap.events.toString());
        }
    }
}
