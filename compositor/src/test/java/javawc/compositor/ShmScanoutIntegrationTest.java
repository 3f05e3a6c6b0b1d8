package javawc.compositor;

import javawc.client.ProtocolErrorException;
import javawc.client.protocol.WlBuffer;
import javawc.client.protocol.WlCallback;
import javawc.client.protocol.WlShm;
import javawc.client.protocol.WlSurface;
import javawc.os.Descriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Shm buffers are read when they are shown, not copied at commit: a fullscreen opaque buffer
 * is the headless output's frame as it is (no copy), held until a frame shows another, and a
 * file shrunk after its commit is its client's error when the compositor reads it.
 */
@ParameterizedClass(name = "{0} renderer")
@ValueSource(strings = {"software", "gles"})
class ShmScanoutIntegrationTest {
    @Parameter
    String renderer;

    private static final int W = 1280, H = 720;
    private static final int RED = 0xffff0000, BLUE = 0xff0000ff, GREEN = 0xff00ff00;
    private static CompositorProcess compositor;
    private static Path shot;

    @BeforeParameterizedClassInvocation
    static void start(String renderer) throws Exception {
        // kiosk: every toplevel is fullscreen, so a W x H buffer alone makes up the output's frame
        compositor = CompositorProcess.startWithScreenshots("--backend", "headless", "--renderer", renderer, "--kiosk");
        shot = compositor.screenshotPath();
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        compositor.close();
    }

    /** Attaches {@code b} with full damage and waits until a frame has shown it. */
    private static void show(TestClient c, WlSurface surface, TestClient.ShmBuffer b) throws Exception {
        boolean[] done = {false};
        surface.attach(b.buffer, 0, 0);
        surface.damageBuffer(0, 0, b.width, b.height);
        surface.frame().setListener(new WlCallback.Listener() {
            @Override
            public void done(WlCallback self, int time) {
                done[0] = true;
            }
        });
        surface.commit();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!done[0]) {
            assertTrue(System.nanoTime() < deadline, "no frame within 5 s");
            c.display.dispatch(1000);
        }
        c.display.roundtrip();
    }

    private static boolean[] trackReleases(TestClient.ShmBuffer... buffers) {
        boolean[] released = new boolean[buffers.length];
        for (int i = 0; i < buffers.length; i++) {
            int index = i;
            buffers[i].buffer.setListener(new WlBuffer.Listener() {
                @Override
                public void release(WlBuffer self) {
                    released[index] = true;
                }
            });
        }
        return released;
    }

    @Test
    void aFullscreenBufferIsShownAsItIsAndHeldUntilAFrameShowsAnother() throws Exception {
        try (TestClient c = new TestClient(compositor);
             TestClient.ShmBuffer first = c.new ShmBuffer(W, H, RED, WlShm.Format.XRGB8888);
             TestClient.ShmBuffer second = c.new ShmBuffer(W, H, BLUE, WlShm.Format.XRGB8888)) {
            boolean[] released = trackReleases(first, second);
            TestClient.Window w = c.window(first, "fullscreen");
            show(c, w.surface(), first);
            assertFalse(released[0], "the buffer on screen is held");

            show(c, w.surface(), second);
            assertTrue(released[0], "the first buffer goes back once a frame shows the second");
            assertFalse(released[1], "the second is held while it is shown");
            assertEquals(BLUE & 0xffffff, Screenshot.take(compositor, shot).rgb(W / 2, H / 2), "a screenshot reads the buffer shown");

            released[0] = false;
            first.fill(0, 0, W, H, GREEN); // ours again: drawn into after its release, as a client does
            show(c, w.surface(), first);
            assertTrue(released[1]);
            assertFalse(released[0]);
            Screenshot s = Screenshot.take(compositor, shot);
            assertEquals(GREEN & 0xffffff, s.rgb(5, 5));
            assertEquals(GREEN & 0xffffff, s.rgb(W - 5, H - 5));
        }
    }

    @Test
    void aFileShrunkAfterItsCommitIsItsClientsErrorWhenRead() throws Exception {
        try (TestClient bystander = new TestClient(compositor); TestClient.ShmBuffer small = bystander.new ShmBuffer(64, 64, GREEN);
             TestClient bad = new TestClient(compositor); TestClient.ShmBuffer content = bad.new ShmBuffer(W, H, RED, WlShm.Format.XRGB8888)) {
            bystander.window(small, "bystander");
            TestClient.Window w = bad.window(content, "shrinks its file");
            show(bad, w.surface(), content); // whole at commit: shown as it is, not read yet
            Descriptors.truncate(content.fd, 0);
            Screenshot.take(compositor, shot); // the screenshot has to read it now
            ProtocolErrorException e = assertThrows(ProtocolErrorException.class, () -> {
                for (int i = 0; i < 50; i++) bad.display.dispatch(100); // only reading: the compositor closes after the error
            });
            assertEquals(WlShm.Error.INVALID_FD, e.code());
            assertTrue(e.getMessage().contains("error accessing SHM buffer"), e.getMessage());
            assertTrue(compositor.process.isAlive());
            bystander.display.roundtrip();
            Screenshot s = Screenshot.take(compositor, shot);
            assertEquals(W, s.width(), "the compositor still draws");
        }
    }
}
