package javawc.compositor.backend.drm;

import javawc.compositor.backend.Backend;
import javawc.compositor.output.Output;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static javawc.compositor.backend.drm.DrmBackendFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The DRM backend's frame cycle against a fake device layer (docs/ROBUSTNESS.md, fault
 * injection; {@link DrmBackendFixture}): flips refused as a driver does (EINVAL, EBUSY, EACCES
 * after DRM master went elsewhere) and flip-complete events delivered by the test as the
 * kernel would, or never. Faults a VM cannot produce on demand; each must leave the head
 * flipping again by itself, without waiting for a client's commit.
 */
class DrmFaultInjectionTest {
    private final byte[] mode = DrmModesTest.mode(25175, 640, 800, 480, 525, 60, true);
    private DrmBackendFixture drm;
    private DrmBackendFixture.FakeKms kms;
    private DrmBackendFixture.FakeScanout scanout;

    @BeforeEach
    void start() throws Exception {
        drm = new DrmBackendFixture(mode);
        kms = drm.kms;
        scanout = drm.firstScanout;
        drm.start();
        assertEquals(1, kms.modesets, "lit at start");
    }

    @AfterEach
    void stop() {
        drm.close();
    }

    @Test
    void aRefusedFlipIsTriedAgainAtTheNextRefresh() throws Exception {
        kms.flipRefusals.add(EINVAL);
        drm.backend.scheduleFrame();
        drm.runUntil(() -> kms.flips == 1, "the frame flips on the next try, with no commit asking for it");
        drm.flipCompletes();
        assertEquals(1, drm.painter.presented, "frame callbacks go out once it is shown");
        drm.backend.scheduleFrame();
        drm.runUntil(() -> kms.flips == 2, "and the frames after it flip as before");
    }

    @Test
    void ebusyFlipsGoThroughOnceTheCrtcIsFree() throws Exception {
        for (int i = 0; i < 3; i++) kms.flipRefusals.add(EBUSY);
        drm.backend.scheduleFrame();
        drm.runUntil(() -> kms.flips == 1, "flipped after three EBUSY");
        assertEquals(1, scanout.front, "the buffers swapped once, for the flip that went through: each refused try stays in the back buffer");
        assertFalse(scanout.lastEverything, "and each try paints only what changed since into it");
    }

    @Test
    void losingDrmMasterPausesFramesUntilItComesBack() throws Exception {
        for (int i = 0; i < 20; i++) kms.flipRefusals.add(i % 2 == 0 ? EACCES : EPERM); // another process holds the display a third of a second
        drm.backend.scheduleFrame();
        drm.runUntil(() -> kms.flips == 1, "flipping again once master is back");
        drm.flipCompletes();
        drm.backend.scheduleFrame();
        drm.runUntil(() -> kms.flips == 2, "the cycle runs on");
        assertEquals(1, drm.painter.presented);
    }

    @Test
    void aMonitorUnpluggedMidFlipIsLitAgainWhenItReturns() throws Exception {
        drm.backend.scheduleFrame();
        drm.runUntil(() -> kms.flips == 1, "a flip in flight");
        drm.backend.connectorsAre(Map.of(CONNECTOR, connector(false)));     // unplugged; the flip's event never comes
        drm.backend.scheduleFrame();
        for (int i = 0; i < 10; i++) drm.loop.dispatch(5);
        assertEquals(1, kms.flips, "no frames for a head without its monitor");
        drm.backend.connectorsAre(Map.of(CONNECTOR, connector(true, mode)));      // back
        assertEquals(2, kms.modesets, "lit again");
        drm.runUntil(() -> kms.flips == 2, "the head flips again without the lost event");
        assertTrue(scanout.lastEverything, "and repaints everything, the screen having shown our old buffer");
    }

    @Test
    void anUnpluggedMonitorsOutputIsGoneUntilItIsLitAgain() {
        List<String> told = new ArrayList<>();
        drm.backend.setOutputPresence(new Backend.OutputPresence() {
            @Override
            public void gone(Output output) {
                told.add("gone " + output.name());
            }

            @Override
            public void back(Output output) {
                told.add("back " + output.name());
            }
        });
        drm.backend.connectorsAre(Map.of(CONNECTOR, connector(false)));
        drm.backend.connectorsAre(Map.of(CONNECTOR, connector(false)));
        assertEquals(List.of("gone Virtual-1"), told, "said once");
        drm.backend.connectorsAre(Map.of(CONNECTOR, connector(true)));
        assertEquals(List.of("gone Virtual-1"), told, "connected again but without its mode: still dark, still gone");
        drm.backend.connectorsAre(Map.of(CONNECTOR, connector(true, mode)));
        assertEquals(List.of("gone Virtual-1", "back Virtual-1"), told, "back once lit again");
        assertEquals(2, kms.modesets);
    }

    @Test
    void aRendererExceptionCostsOneFrameNotTheCompositor() throws Exception {
        scanout.throwOnPaint = 1;
        drm.backend.scheduleFrame();
        drm.runUntil(() -> kms.flips == 1, "the next refresh paints and flips");
        assertTrue(scanout.lastEverything, "the frame after a failed paint repaints everything");
    }
}
