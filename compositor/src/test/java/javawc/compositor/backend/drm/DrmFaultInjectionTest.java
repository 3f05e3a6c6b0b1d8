package javawc.compositor.backend.drm;

import javawc.compositor.backend.Backend;
import javawc.compositor.core.ClientBuffer;
import javawc.compositor.output.Output;
import javawc.compositor.render.gles.RenderTarget;
import javawc.compositor.scene.Region;
import javawc.os.OsException;
import javawc.server.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The DRM backend's frame cycle against a fake device layer (docs/ROBUSTNESS.md, fault
 * injection): a {@link KmsCommits} that refuses flips as a driver does (EINVAL, EBUSY, EACCES
 * after DRM master went elsewhere) and flip-complete events delivered by the test as the
 * kernel would, or never. Faults a VM cannot produce on demand; each must leave the head
 * flipping again by itself, without waiting for a client's commit.
 */
class DrmFaultInjectionTest {
    private static final int EPERM = 1, EINVAL = 22, EBUSY = 16, EACCES = 13;
    private final byte[] mode = DrmModesTest.mode(25175, 640, 800, 480, 525, 60, true);

    /** Refuses the flips it is told to, counts the rest. */
    private static final class FakeKms implements KmsCommits {
        final Deque<Integer> refusals = new ArrayDeque<>();
        int flips, modesets;

        @Override public String name() { return "fake KMS"; }
        @Override public void modeset(DrmHead head, int fb) { modesets++; }
        @Override public void flip(DrmHead head, int fb) throws OsException {
            Integer errno = refusals.poll();
            if (errno != null) throw new OsException("page flip", errno);
            flips++;
        }
        @Override public boolean test(DrmHead head, int fb) { return true; }
        @Override public int[] scanoutFormats() { return new int[0]; }
        @Override public void restore(DrmHead head) {}
    }

    /** Two framebuffers, 1 and 2; paints can be made to throw, as a renderer bug would. */
    private static final class FakeScanout implements HeadScanout {
        int front = 1, paints, throwOnPaint;
        boolean lastEverything;

        @Override public String describe() { return "fake buffers"; }
        @Override public int paint(Backend.FramePainter painter, boolean everything) {
            if (throwOnPaint > 0) {
                throwOnPaint--;
                throw new IllegalStateException("renderer bug (injected)");
            }
            paints++;
            lastEverything = everything;
            return 3 - front;
        }
        @Override public void flipping() { front = 3 - front; }
        @Override public int front() { return front; }
        @Override public int[] capture(Backend.FramePainter painter, boolean everything) { return new int[0]; }
        @Override public void close() {}
    }

    private static final class CountingPainter implements Backend.FramePainter {
        int presented;

        @Override public Region paint(Output output, int[] framebuffer, Region alsoRepaint) { return new Region(); }
        @Override public void draw(Output output, RenderTarget target, Region area) {}
        @Override public ClientBuffer scanoutCandidate(Output output) { return null; }
        @Override public Region takeDamage(Output output) { return new Region(); }
        @Override public void presented(Output output, long monotonicNanos, long refreshNanos, long sequence, int flags) { presented++; }
    }

    private EventLoop loop;
    private final FakeKms kms = new FakeKms();
    private final FakeScanout scanout = new FakeScanout();
    private final CountingPainter painter = new CountingPainter();
    private DrmBackend backend;
    private DrmHead head;

    @BeforeEach
    void start() throws Exception {
        loop = new EventLoop();
        backend = new DrmBackend(null, kms, null);
        head = new DrmHead(0, new Output("FAKE-1", "javawc", "fake", 300, 200, new Output.Mode(640, 480, 60_000), 0, 0), 10, 20, mode, null);
        head.scanout = scanout;
        backend.heads().add(head);
        backend.startFrames(loop, painter);
        assertEquals(1, kms.modesets, "lit at start");
    }

    @AfterEach
    void stop() {
        backend.close();
        loop.close();
    }

    /** Runs the loop until {@code done} or a second has passed (60 refreshes). */
    private void runUntil(BooleanSupplier done, String what) throws Exception {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < deadline) loop.dispatch(5);
        assertTrue(done.getAsBoolean(), what);
    }

    /** The kernel's flip-complete event for the flip in flight. */
    private void flipCompletes() {
        backend.flipped(head, System.nanoTime(), 0);
    }

    @Test
    void aRefusedFlipIsTriedAgainAtTheNextRefresh() throws Exception {
        kms.refusals.add(EINVAL);
        backend.scheduleFrame();
        runUntil(() -> kms.flips == 1, "the frame flips on the next try, with no commit asking for it");
        flipCompletes();
        assertEquals(1, painter.presented, "frame callbacks go out once it is shown");
        backend.scheduleFrame();
        runUntil(() -> kms.flips == 2, "and the frames after it flip as before");
    }

    @Test
    void ebusyFlipsGoThroughOnceTheCrtcIsFree() throws Exception {
        for (int i = 0; i < 3; i++) kms.refusals.add(EBUSY);
        backend.scheduleFrame();
        runUntil(() -> kms.flips == 1, "flipped after three EBUSY");
        assertEquals(1, scanout.front, "the buffers swapped once, for the flip that went through: each refused try stays in the back buffer");
        assertFalse(scanout.lastEverything, "and each try paints only what changed since into it");
    }

    @Test
    void losingDrmMasterPausesFramesUntilItComesBack() throws Exception {
        for (int i = 0; i < 20; i++) kms.refusals.add(i % 2 == 0 ? EACCES : EPERM); // another process holds the display a third of a second
        backend.scheduleFrame();
        runUntil(() -> kms.flips == 1, "flipping again once master is back");
        flipCompletes();
        backend.scheduleFrame();
        runUntil(() -> kms.flips == 2, "the cycle runs on");
        assertEquals(1, painter.presented);
    }

    @Test
    void aMonitorUnpluggedMidFlipIsLitAgainWhenItReturns() throws Exception {
        backend.scheduleFrame();
        runUntil(() -> kms.flips == 1, "a flip in flight");
        backend.connectorsAre(Map.of(10, connector(false)));     // unplugged; the flip's event never comes
        backend.scheduleFrame();
        for (int i = 0; i < 10; i++) loop.dispatch(5);
        assertEquals(1, kms.flips, "no frames for a head without its monitor");
        backend.connectorsAre(Map.of(10, connector(true)));      // back
        assertEquals(2, kms.modesets, "lit again");
        runUntil(() -> kms.flips == 2, "the head flips again without the lost event");
        assertTrue(scanout.lastEverything, "and repaints everything, the screen having shown our old buffer");
    }

    @Test
    void aRendererExceptionCostsOneFrameNotTheCompositor() throws Exception {
        scanout.throwOnPaint = 1;
        backend.scheduleFrame();
        runUntil(() -> kms.flips == 1, "the next refresh paints and flips");
        assertTrue(scanout.lastEverything, "the frame after a failed paint repaints everything");
    }

    private DrmDevice.Connector connector(boolean connected) {
        return new DrmDevice.Connector(10, 15, 1, connected, 0, 300, 200, new int[] {30}, connected ? new byte[][] {mode} : new byte[0][]);
    }
}
