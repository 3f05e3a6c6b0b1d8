package javawc.compositor.backend.drm;

import javawc.compositor.output.ModeText;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.*;

class DrmModesTest {
    /** A drm_mode_modeinfo block as the kernel lays it out. */
    static byte[] mode(int clockKhz, int w, int htotal, int h, int vtotal, int vrefresh, boolean preferred) {
        ByteBuffer b = ByteBuffer.allocate(68).order(ByteOrder.nativeOrder());
        b.putInt(0, clockKhz).putShort(4, (short) w).putShort(10, (short) htotal).putShort(14, (short) h).putShort(20, (short) vtotal)
         .putInt(24, vrefresh).putInt(32, preferred ? 1 << 3 : 0);
        return b.array();
    }

    // CEA 1920x1080@60: 148.5 MHz, 2200x1125 totals; 59.94 variant 148.352 MHz
    private final byte[] fhd60 = mode(148500, 1920, 2200, 1080, 1125, 60, false);
    private final byte[] fhd5994 = mode(148352, 1920, 2200, 1080, 1125, 60, false);
    private final byte[] wxga = mode(71000, 1280, 1440, 800, 823, 60, true);

    @Test
    void refreshFromThePixelClock() {
        assertEquals(60000, DrmModes.refreshMilliHz(fhd60));
        assertEquals(59940, DrmModes.refreshMilliHz(fhd5994));
        assertEquals(1280, DrmModes.toMode(wxga).width());
        assertEquals(800, DrmModes.toMode(wxga).height());
    }

    @Test
    void picksPreferredOrWhatWasAskedFor() {
        byte[][] modes = {fhd60, fhd5994, wxga};
        assertSame(wxga, DrmModes.pick(modes, null));
        assertSame(fhd5994, DrmModes.pick(modes, ModeText.parse("1920x1080@59.94")));
        assertSame(fhd60, DrmModes.pick(modes, ModeText.parse("1920x1080@60")));
        assertSame(fhd60, DrmModes.pick(modes, ModeText.parse("1920x1080")));
        assertNull(DrmModes.pick(modes, ModeText.parse("640x480")));
        assertTrue(DrmModes.describe(modes).contains("1280x800@"));
    }

    @Test
    void listsEveryModeOncePreferredFirst() {
        byte[][] modes = {fhd60, fhd5994, wxga, fhd60.clone()};
        var list = DrmModes.list(modes);
        assertEquals(java.util.List.of(DrmModes.toMode(wxga), DrmModes.toMode(fhd60), DrmModes.toMode(fhd5994)), list,
                "the preferred mode first, then the connector's order, the duplicate once");
    }

    @Test
    void matchesASizeAndARefreshWithinAHertz() {
        byte[][] modes = {fhd60, fhd5994, wxga};
        assertSame(fhd5994, DrmModes.match(modes, new javawc.compositor.output.Output.Mode(1920, 1080, 59_940)));
        assertSame(fhd60, DrmModes.match(modes, new javawc.compositor.output.Output.Mode(1920, 1080, 60_000)));
        assertSame(wxga, DrmModes.match(modes, new javawc.compositor.output.Output.Mode(1280, 800, 60_000)), "60 Hz asked, " + DrmModes.toMode(wxga) + " offered");
        assertNull(DrmModes.match(modes, new javawc.compositor.output.Output.Mode(1920, 1080, 75_000)), "no 75 Hz mode of that size");
        assertNull(DrmModes.match(modes, new javawc.compositor.output.Output.Mode(1024, 768, 60_000)), "no mode of that size");
    }
}
