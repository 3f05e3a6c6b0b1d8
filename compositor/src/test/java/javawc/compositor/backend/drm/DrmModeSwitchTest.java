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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Live mode switches of a DRM head against a fake device layer (as {@link DrmFaultInjectionTest}):
 * the modes offered are the connector's, a switch makes buffers of the new size before the
 * modeset and frees the old ones only after it, and a modeset the driver refuses leaves the
 * head at its old mode, on its old buffers, with the reason thrown (atomic: nothing to undo;
 * legacy: lit again with the old mode).
 */
class DrmModeSwitchTest {
    private static final int EINVAL = 22;
    private final byte[] wxga = DrmModesTest.mode(71000, 1280, 1440, 800, 823, 60, true);
    private final byte[] xga = DrmModesTest.mode(65000, 1024, 1344, 768, 806, 60, false);
    private final byte[] svga = DrmModesTest.mode(40000, 800, 1056, 600, 628, 60, false);
    private final List<String> events = new ArrayList<>(); // what happened, in order

    /** Records modesets (mode size and framebuffer); refuses those it is told to. */
    private final class FakeKms implements KmsCommits {
        int refuseModesets, flips;
        boolean atomic = true;

        @Override public String name() { return "fake KMS"; }
        @Override public void modeset(DrmHead head, int fb) throws OsException {
            events.add("modeset " + DrmModes.toMode(head.mode).width() + "x" + DrmModes.toMode(head.mode).height() + " fb " + fb);
            if (refuseModesets > 0) {
                refuseModesets--;
                throw new OsException("atomic modeset", EINVAL);
            }
        }
        @Override public void flip(DrmHead head, int fb) { flips++; }
        @Override public boolean test(DrmHead head, int fb) { return true; }
        @Override public int[] scanoutFormats() { return new int[0]; }
        @Override public void restore(DrmHead head) {}
        @Override public boolean failedModesetChangesNothing() { return atomic; }
    }

    /** Two framebuffers numbered from {@code first}; records its size, paints and close. */
    private final class FakeScanout implements HeadScanout {
        final int first, width, height;
        int front;
        boolean closed, lastEverything;
        int paints;

        FakeScanout(int first, int width, int height) {
            this.first = first;
            this.width = width;
            this.height = height;
            front = first;
        }

        @Override public String describe() { return "fake " + width + "x" + height; }
        @Override public int paint(Backend.FramePainter painter, boolean everything) {
            paints++;
            lastEverything = everything;
            return front == first ? first + 1 : first;
        }
        @Override public void flipping() { front = front == first ? first + 1 : first; }
        @Override public int front() { return front; }
        @Override public int[] capture(Backend.FramePainter painter, boolean everything) { return new int[width * height]; }
        @Override public void close() {
            closed = true;
            events.add("close " + width + "x" + height);
        }
    }

    private static final class Painter implements Backend.FramePainter {
        @Override public Region paint(Output output, int[] framebuffer, Region alsoRepaint) { return new Region(); }
        @Override public void draw(Output output, RenderTarget target, Region area) {}
        @Override public ClientBuffer scanoutCandidate(Output output) { return null; }
        @Override public Region takeDamage(Output output) { return new Region(); }
        @Override public void presented(Output output, long monotonicNanos, long refreshNanos, long sequence, int flags) {}
    }

    private EventLoop loop;
    private final FakeKms kms = new FakeKms();
    private final FakeScanout first = new FakeScanout(1, 1280, 800);
    private final List<FakeScanout> made = new ArrayList<>();
    private DrmBackend backend;
    private DrmHead head;
    private Output output;

    @BeforeEach
    void start() throws Exception {
        loop = new EventLoop();
        backend = new DrmBackend(null, kms, null);
        output = new Output("Virtual-1", "javawc", "fake", 300, 200, DrmModes.toMode(wxga), 0, 0);
        head = new DrmHead(0, output, 10, 20, wxga, null);
        head.scanout = first;
        backend.heads().add(head);
        backend.scanouts = (h, w, height) -> {
            events.add("make " + w + "x" + height);
            FakeScanout s = new FakeScanout(10 * (made.size() + 1), w, height);
            made.add(s);
            return s;
        };
        backend.connectorsAre(Map.of(10, new DrmDevice.Connector(10, 15, 1, true, 0, 300, 200, new int[] {30}, new byte[][] {xga, wxga, svga})));
        backend.startFrames(loop, new Painter());
        events.clear();
    }

    @AfterEach
    void stop() {
        backend.close();
        loop.close();
    }

    private void runUntil(BooleanSupplier done, String what) throws Exception {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < deadline) loop.dispatch(5);
        assertTrue(done.getAsBoolean(), what);
    }

    @Test
    void offersEveryModeOfTheConnectorPreferredFirst() {
        assertEquals(List.of(DrmModes.toMode(wxga), DrmModes.toMode(xga), DrmModes.toMode(svga)), backend.modes(output));
        assertTrue(backend.takesMode(output, new Output.Mode(1024, 768, 60_000)), "1024x768 at 60 Hz (the mode is 60.004 Hz)");
        assertFalse(backend.takesMode(output, new Output.Mode(1920, 1080, 60_000)), "a size the connector does not offer");
        assertFalse(backend.takesMode(output, new Output.Mode(1024, 768, 75_000)), "a refresh it does not offer");
    }

    @Test
    void switchingMakesNewBuffersModesetsAndOnlyThenFreesTheOld() throws Exception {
        Output.Mode taken = backend.prepareMode(output, new Output.Mode(1024, 768, 60_000));
        assertEquals(DrmModes.toMode(xga), taken, "the connector's own mode is what the output takes");
        assertEquals(List.of("make 1024x768", "modeset 1024x768 fb 10", "close 1280x800"), events,
                "buffers of the new size, lit by one modeset, and the old ones freed after it");
        assertSame(made.getFirst(), head.scanout);
        assertSame(xga, head.mode);
        assertTrue(head.frameStale, "the next frame repaints everything into the new buffers");
        backend.scheduleFrame();
        runUntil(() -> kms.flips == 1, "frames flip on the new buffers");
        assertTrue(made.getFirst().paints == 1 && made.getFirst().lastEverything, "the first frame after the switch is painted whole");
    }

    @Test
    void aSwitchWhileAFlipIsInFlightKeepsTheFrameCycleGoing() throws Exception {
        backend.scheduleFrame();
        runUntil(() -> kms.flips == 1, "a flip in flight");
        backend.prepareMode(output, new Output.Mode(800, 600, 60_000));
        backend.flipped(head, System.nanoTime(), 0); // the flip completed before the blocking modeset returned; its event comes now
        backend.scheduleFrame();
        runUntil(() -> kms.flips == 2, "flipping again after the switch");
        assertEquals(1, made.getFirst().paints, "into the new buffers");
    }

    @Test
    void aRefusedAtomicModesetLeavesTheOldModeAndBuffers() {
        kms.refuseModesets = 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> backend.prepareMode(output, new Output.Mode(1024, 768, 60_000)));
        assertTrue(e.getMessage().contains("refused 1024x768") && e.getMessage().contains("still at 1280x800"), e.getMessage());
        assertEquals(List.of("make 1024x768", "modeset 1024x768 fb 10", "close 1024x768"), events,
                "an atomic commit that failed changed nothing: no second modeset; the new buffers freed");
        assertSame(first, head.scanout);
        assertFalse(first.closed);
        assertSame(wxga, head.mode);
    }

    @Test
    void aRefusedLegacyModesetIsRolledBackToTheOldMode() {
        kms.atomic = false;
        kms.refuseModesets = 1;
        int shown = first.front(); // the buffer lit at start
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> backend.prepareMode(output, new Output.Mode(800, 600, 60_000)));
        assertTrue(e.getMessage().contains("back at 1280x800"), e.getMessage());
        assertEquals(List.of("make 800x600", "modeset 800x600 fb 10", "modeset 1280x800 fb " + shown, "close 800x600"), events,
                "SETCRTC with the old mode and the old front buffer, before the new buffers go");
        assertSame(first, head.scanout);
        assertSame(wxga, head.mode);
    }

    @Test
    void aModeTheConnectorLacksIsRefusedWithoutAModeset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> backend.prepareMode(output, new Output.Mode(1920, 1080, 60_000)));
        assertTrue(e.getMessage().contains("has no mode 1920x1080") && e.getMessage().contains("1024x768@"), e.getMessage());
        assertEquals(List.of(), events);
    }

    @Test
    void noSwitchWhileTheMonitorIsUnplugged() {
        backend.connectorsAre(Map.of(10, new DrmDevice.Connector(10, 15, 1, false, 0, 300, 200, new int[] {30}, new byte[0][])));
        assertFalse(backend.takesMode(output, new Output.Mode(1024, 768, 60_000)));
        assertThrows(IllegalArgumentException.class, () -> backend.prepareMode(output, new Output.Mode(1024, 768, 60_000)));
        assertEquals(List.of(), events);
    }
}
