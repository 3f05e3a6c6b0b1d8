package javawc.compositor.backend.drm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ConnectorChangeTest {
    private final byte[] wxga = DrmModesTest.mode(71000, 1280, 1440, 800, 823, 60, true);
    private final byte[] fhd = DrmModesTest.mode(148500, 1920, 2200, 1080, 1125, 60, false);

    private static DrmDevice.Connector virtual1(boolean connected, byte[]... modes) {
        return new DrmDevice.Connector(35, 15, 1, connected, 0, 0, 0, new int[] {34}, modes);
    }

    @Test
    void reportsPlugUnplugAndModeListChanges() {
        var off = virtual1(false);
        var on = virtual1(true, wxga);
        assertTrue(ConnectorChange.describe(off, on).startsWith("connected, modes 1280x800@"));
        assertTrue(ConnectorChange.describe(null, on).startsWith("connected"));
        assertEquals("disconnected", ConnectorChange.describe(on, off));
        assertEquals("removed", ConnectorChange.describe(on, null));
        assertTrue(ConnectorChange.describe(on, virtual1(true, wxga, fhd)).startsWith("modes changed, now 1280x800@"));
    }

    @Test
    void silentWhenNothingChanged() {
        assertNull(ConnectorChange.describe(virtual1(true, wxga), virtual1(true, wxga.clone())));
        assertNull(ConnectorChange.describe(virtual1(false), virtual1(false)));
        assertNull(ConnectorChange.describe(null, virtual1(false)));
        assertNull(ConnectorChange.describe(null, null));
    }

    @Test
    void aReturningConnectorMustStillOfferTheMode() {
        assertTrue(ConnectorChange.offers(virtual1(true, fhd, wxga), wxga.clone()));
        assertFalse(ConnectorChange.offers(virtual1(true, fhd), wxga));
    }
}
