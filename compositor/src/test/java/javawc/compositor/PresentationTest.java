package javawc.compositor;

import javawc.client.protocol.WlOutput;
import javawc.client.protocol.WlSurface;
import javawc.client.protocol.WpPresentation;
import javawc.client.protocol.WpPresentationFeedback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * wp_presentation in a whole compositor in this JVM (headless at 60 Hz): the clock is
 * CLOCK_MONOTONIC, a commit's feedback is presented with our frame clock's time, period and
 * tick count (no hardware flags) after sync_output for the client's wl_output, and it is
 * discarded when a later commit replaces it before a frame, when the surface is not shown,
 * or when the surface is destroyed.
 */
class PresentationTest {
    private static final int RED = 0xffff0000;
    private static final long PERIOD = 1_000_000_000_000L / 60_000; // the headless 60 Hz mode's frame, in ns

    private InProcessCompositor ip;
    private TestClient client;
    private WpPresentation presentation;
    private final int[] clock = {-1};

    /** What one feedback object heard. */
    private static final class Heard implements WpPresentationFeedback.Listener {
        final List<WlOutput> syncOutputs = new ArrayList<>();
        long nanos = -1, sequence = -1;
        int refresh = -1, flags = -1;
        boolean presented, discarded;

        @Override
        public void syncOutput(WpPresentationFeedback self, WlOutput output) {
            syncOutputs.add(output);
        }

        @Override
        public void presented(WpPresentationFeedback self, int secHi, int secLo, int nsec, int refresh, int seqHi, int seqLo, int flags) {
            presented = true;
            nanos = ((long) secHi << 32 | Integer.toUnsignedLong(secLo)) * 1_000_000_000L + nsec;
            sequence = (long) seqHi << 32 | Integer.toUnsignedLong(seqLo);
            this.refresh = refresh;
            this.flags = flags;
        }

        @Override
        public void discarded(WpPresentationFeedback self) {
            discarded = true;
        }

        boolean answered() {
            return presented || discarded;
        }
    }

    @BeforeEach
    void start() throws Exception {
        ip = new InProcessCompositor("--backend", "headless", "--renderer", "software");
        client = ip.connect();
        presentation = ExtraGlobals.bind(client, WpPresentation.NAME, WpPresentation.TYPE, 1);
        presentation.setListener(new WpPresentation.Listener() {
            @Override
            public void clockId(WpPresentation self, int id) {
                clock[0] = id;
            }
        });
        client.display.roundtrip();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        ip.close();
    }

    private Heard feedback(WlSurface surface) {
        Heard h = new Heard();
        presentation.feedback(surface).setListener(h);
        return h;
    }

    private void await(Heard... all) throws Exception {
        long deadline = System.currentTimeMillis() + 3000;
        while (System.currentTimeMillis() < deadline) {
            boolean done = true;
            for (Heard h : all) done &= h.answered();
            if (done) return;
            client.display.dispatch(20);
        }
        fail("no presented or discarded within 3 s");
    }

    @Test
    void theClockIsClockMonotonic() {
        assertEquals(1, clock[0]);
    }

    @Test
    void commitsArePresentedOnTheFrameClockWithItsPeriodAndSequence() throws Exception {
        try (TestClient.ShmBuffer content = client.new ShmBuffer(32, 32, RED)) {
            TestClient.Window w = client.window(content, "presented");
            List<Heard> frames = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Heard h = feedback(w.surface());
                w.surface().attach(content.buffer, 0, 0);
                w.surface().damageBuffer(0, 0, 32, 32);
                w.surface().commit();
                await(h);
                frames.add(h);
            }
            for (int i = 0; i < frames.size(); i++) {
                Heard h = frames.get(i);
                assertTrue(h.presented, "frame " + i + " presented");
                assertEquals(PERIOD, h.refresh);
                assertEquals(0, h.flags, "headless: no vsync, no hardware clock or completion, no zero copy");
                assertEquals(List.of(client.output), h.syncOutputs);
                long now = System.nanoTime();
                assertTrue(h.nanos <= now && h.nanos > now - 5_000_000_000L, "a CLOCK_MONOTONIC time, as System.nanoTime's");
                if (i > 0) {
                    Heard before = frames.get(i - 1);
                    long ticks = h.sequence - before.sequence;
                    assertTrue(ticks >= 1, "the sequence advances");
                    assertEquals(ticks * PERIOD, h.nanos - before.nanos, "times fall on the clock's grid: sequence difference times the period");
                }
            }
        }
    }

    @Test
    void aCommitReplacedBeforeAnyFrameIsDiscarded() throws Exception {
        try (TestClient.ShmBuffer content = client.new ShmBuffer(32, 32, RED)) {
            TestClient.Window w = client.window(content, "replaced");
            Heard first = feedback(w.surface());
            w.surface().commit();
            Heard second = feedback(w.surface());
            w.surface().commit(); // both applied in one turn, before the next frame is made
            await(first, second);
            assertTrue(first.discarded);
            assertTrue(second.presented);
        }
    }

    @Test
    void aSurfaceThatIsNotShownHasItsFeedbackDiscarded() throws Exception {
        WlSurface surface = client.compositor.createSurface(); // no role, never shown
        Heard h = feedback(surface);
        surface.commit();
        await(h);
        assertTrue(h.discarded);
    }

    @Test
    void destroyingTheSurfaceDiscardsFeedbackNotYetPresented() throws Exception {
        WlSurface surface = client.compositor.createSurface();
        Heard h = feedback(surface); // never committed
        surface.destroy();
        await(h);
        assertTrue(h.discarded);
    }

    @Test
    void aSynchronizedSubsurfaceIsPresentedWithItsParentsCommit() throws Exception {
        try (TestClient.ShmBuffer content = client.new ShmBuffer(32, 32, RED); TestClient.ShmBuffer small = client.new ShmBuffer(8, 8, RED)) {
            TestClient.Window w = client.window(content, "parent");
            WlSurface child = client.compositor.createSurface();
            client.subcompositor.getSubsurface(child, w.surface()); // synchronized by default
            child.attach(small.buffer, 0, 0);
            Heard h = feedback(child);
            child.commit();
            Thread.sleep(100); // frames pass; the child's state waits in its cache
            client.display.dispatchPending();
            assertFalse(h.answered(), "not applied until the parent commits");
            w.surface().commit();
            await(h);
            assertTrue(h.presented);
        }
    }
}
