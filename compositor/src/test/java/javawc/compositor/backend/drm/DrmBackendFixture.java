package javawc.compositor.backend.drm;

import javawc.compositor.backend.Backend;
import javawc.compositor.core.ClientBuffer;
import javawc.compositor.output.Output;
import javawc.compositor.render.gles.RenderTarget;
import javawc.compositor.scene.Region;
import javawc.os.OsException;
import javawc.server.EventLoop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@link DrmBackend} with one head (connector 10, CRTC 20) on a fake device layer, run by a
 * real {@link EventLoop}: KMS that refuses the commits it is told to, as a driver does, and
 * scanout buffers that only count. Flip-complete events come when the test says, as the
 * kernel's would, or never. Made, then adjusted (scanout maker, connectors), then {@link #start}ed.
 */
final class DrmBackendFixture implements AutoCloseable {
    static final int EPERM = 1, EINVAL = 22, EACCES = 13, EBUSY = 16;
    static final int CONNECTOR = 10;

    /** What happened, in order: "modeset WxH fb N", "make WxH", "close WxH". */
    final List<String> events = new ArrayList<>();
    final FakeKms kms = new FakeKms();
    final CountingPainter painter = new CountingPainter();
    final FakeScanout firstScanout;
    final EventLoop loop;
    final DrmBackend backend;
    final Output output;
    final DrmHead head;

    /** A head lit at {@code mode}, on two fake framebuffers numbered 1 and 2. */
    DrmBackendFixture(byte[] mode) throws OsException {
        loop = new EventLoop();
        backend = new DrmBackend(null, kms, null);
        output = new Output("Virtual-1", "javawc", "fake", 300, 200, DrmModes.toMode(mode), 0, 0);
        head = new DrmHead(0, output, CONNECTOR, 20, mode, null);
        firstScanout = new FakeScanout(1, DrmModes.width(mode), DrmModes.height(mode));
        head.scanout = firstScanout;
        backend.heads().add(head);
    }

    /** Starts the frame cycle (one modeset lights the head) and forgets the events so far. */
    void start() throws OsException {
        backend.frames().start(loop, painter);
        events.clear();
    }

    /** Runs the loop until {@code done} or a second has passed (60 refreshes). */
    void runUntil(BooleanSupplier done, String what) throws OsException {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < deadline) loop.dispatch(5);
        assertTrue(done.getAsBoolean(), what);
    }

    /** The kernel's flip-complete event for the flip in flight. */
    void flipCompletes() {
        backend.frames().flipped(head, System.nanoTime(), 0);
    }

    /** The head's connector as the kernel would report it: with {@code modes} when connected, none when not. */
    static DrmDevice.Connector connector(boolean connected, byte[]... modes) {
        return new DrmDevice.Connector(CONNECTOR, 15, 1, connected, 0, 300, 200, new int[] {30}, connected ? modes : new byte[0][]);
    }

    @Override
    public void close() {
        backend.close();
        loop.close();
    }

    /** Counts commits and records modesets; refuses the flips and modesets it is told to. */
    final class FakeKms implements KmsCommits {
        /** errno for each coming flip to refuse, in order. */
        final Deque<Integer> flipRefusals = new ArrayDeque<>();
        int refuseModesets, flips, modesets;
        /** Whether a refused modeset changed nothing (atomic), or must be undone (legacy). */
        boolean atomic = true;

        @Override public String name() { return "fake KMS"; }
        @Override public void modeset(DrmHead h, int fb) throws OsException {
            events.add("modeset " + DrmModes.width(h.mode) + "x" + DrmModes.height(h.mode) + " fb " + fb);
            if (refuseModesets > 0) {
                refuseModesets--;
                throw new OsException("atomic modeset", EINVAL);
            }
            modesets++;
        }
        @Override public void flip(DrmHead h, int fb) throws OsException {
            Integer errno = flipRefusals.poll();
            if (errno != null) throw new OsException("page flip", errno);
            flips++;
        }
        @Override public boolean test(DrmHead h, int fb) { return true; }
        @Override public int[] scanoutFormats() { return new int[0]; }
        @Override public void restore(DrmHead h) {}
        @Override public boolean failedModesetChangesNothing() { return atomic; }
    }

    /** Two framebuffers numbered {@code first} and {@code first + 1}; paints can be made to throw, as a renderer bug would. */
    final class FakeScanout implements HeadScanout {
        final int first, width, height;
        int front, paints, throwOnPaint;
        boolean closed, lastEverything;

        FakeScanout(int first, int width, int height) {
            this.first = first;
            this.width = width;
            this.height = height;
            front = first;
        }

        private int back() {
            return front == first ? first + 1 : first;
        }

        @Override public String describe() { return "fake " + width + "x" + height; }
        @Override public int paint(Backend.FramePainter framePainter, boolean everything) {
            if (throwOnPaint > 0) {
                throwOnPaint--;
                throw new IllegalStateException("renderer bug (injected)");
            }
            paints++;
            lastEverything = everything;
            return back();
        }
        @Override public void flipping() { front = back(); }
        @Override public int front() { return front; }
        @Override public int[] capture(Backend.FramePainter framePainter, boolean everything) { return new int[width * height]; }
        @Override public void close() {
            closed = true;
            events.add("close " + width + "x" + height);
        }
    }

    /** Paints nothing; counts the frames shown. */
    static final class CountingPainter implements Backend.FramePainter {
        int presented;

        @Override public Region paint(Output o, int[] framebuffer, Region alsoRepaint) { return new Region(); }
        @Override public void draw(Output o, RenderTarget target, Region area) {}
        @Override public ClientBuffer scanoutCandidate(Output o) { return null; }
        @Override public Region takeDamage(Output o) { return new Region(); }
        @Override public void presented(Output o, long monotonicNanos, long refreshNanos, long sequence, int flags) { presented++; }
    }
}
