package javawc.compositor.backend.drm;

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
 * Live mode switches of a DRM head against a fake device layer ({@link DrmBackendFixture}):
 * the modes offered are the connector's, a switch makes buffers of the new size before the
 * modeset and frees the old ones only after it, and a modeset the driver refuses leaves the
 * head at its old mode, on its old buffers, with the reason thrown (atomic: nothing to undo;
 * legacy: lit again with the old mode).
 */
class DrmModeSwitchTest {
    private final byte[] wxga = DrmModesTest.mode(71000, 1280, 1440, 800, 823, 60, true);
    private final byte[] xga = DrmModesTest.mode(65000, 1024, 1344, 768, 806, 60, false);
    private final byte[] svga = DrmModesTest.mode(40000, 800, 1056, 600, 628, 60, false);
    private final List<DrmBackendFixture.FakeScanout> made = new ArrayList<>();
    private DrmBackendFixture drm;
    private DrmBackendFixture.FakeKms kms;
    private DrmBackendFixture.FakeScanout first;
    private DrmBackend backend;
    private DrmHead head;
    private Output output;
    private List<String> events;

    @BeforeEach
    void start() throws Exception {
        drm = new DrmBackendFixture(wxga);
        kms = drm.kms;
        first = drm.firstScanout;
        backend = drm.backend;
        head = drm.head;
        output = drm.output;
        events = drm.events;
        backend.scanouts = (h, w, height) -> {
            events.add("make " + w + "x" + height);
            DrmBackendFixture.FakeScanout s = drm.new FakeScanout(10 * (made.size() + 1), w, height);
            made.add(s);
            return s;
        };
        backend.connectorsAre(Map.of(CONNECTOR, connector(true, xga, wxga, svga)));
        drm.start();
    }

    @AfterEach
    void stop() {
        drm.close();
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
        drm.runUntil(() -> kms.flips == 1, "frames flip on the new buffers");
        assertTrue(made.getFirst().paints == 1 && made.getFirst().lastEverything, "the first frame after the switch is painted whole");
    }

    @Test
    void aSwitchWhileAFlipIsInFlightKeepsTheFrameCycleGoing() throws Exception {
        backend.scheduleFrame();
        drm.runUntil(() -> kms.flips == 1, "a flip in flight");
        backend.prepareMode(output, new Output.Mode(800, 600, 60_000));
        drm.flipCompletes(); // the flip completed before the blocking modeset returned; its event comes now
        backend.scheduleFrame();
        drm.runUntil(() -> kms.flips == 2, "flipping again after the switch");
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
        backend.connectorsAre(Map.of(CONNECTOR, connector(false)));
        assertFalse(backend.takesMode(output, new Output.Mode(1024, 768, 60_000)));
        assertThrows(IllegalArgumentException.class, () -> backend.prepareMode(output, new Output.Mode(1024, 768, 60_000)));
        assertEquals(List.of(), events);
    }
}
