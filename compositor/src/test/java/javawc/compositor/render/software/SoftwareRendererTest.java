package javawc.compositor.render.software;

import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SoftwareRendererTest {
    @Test
    void overWithPremultipliedAlpha() {
        assertEquals(0xff112233, SoftwareRenderer.over(0xff112233, 0xffffffff), "opaque source wins");
        assertEquals(0xffabcdef, SoftwareRenderer.over(0x00000000, 0xffabcdef), "transparent source leaves dst");
        // 50% black over white: premultiplied (0x80, 0, 0, 0) -> grey 0x7f
        assertEquals(0xff7f7f7f, SoftwareRenderer.over(0x80000000, 0xffffffff));
        // 50% red (premultiplied 0x80,0x80,0,0) over blue
        assertEquals(0xff80007f, SoftwareRenderer.over(0x80800000, 0xff0000ff));
        // additive light (alpha 0, colour set) is premultiplied-legal: it adds
        assertEquals(0xff102030, SoftwareRenderer.over(0x00102030, 0xff000000));
    }

    @Test
    void bufferTransformsMapCornersBack() {
        int w = 20, h = 40, tw = 40; // a 20x40 surface from a 40x20 buffer (90/270), index = by * tw + bx
        assertEquals(19 * tw, BufferTransform.bufferIndex(1, 0, 0, w, h, 1, tw), "90: top-left comes from the buffer's bottom-left");
        assertEquals(0, BufferTransform.bufferIndex(1, 19, 0, w, h, 1, tw));
        assertEquals(39, BufferTransform.bufferIndex(3, 0, 0, w, h, 1, tw), "270: from the top-right");
        // 180 on a 4x2 surface/buffer
        assertEquals(7, BufferTransform.bufferIndex(2, 0, 0, 4, 2, 1, 4));
        // flipped mirrors around the vertical axis
        assertEquals(3, BufferTransform.bufferIndex(4, 0, 0, 4, 2, 1, 4));
        // scale 2: surface (1,1) reads buffer (2,2)
        assertEquals(2 * 8 + 2, BufferTransform.bufferIndex(0, 1, 1, 4, 4, 2, 8));
    }

    @Test
    void onlyAnOpaqueSurfaceSpanningTheWholeClipHidesWhatIsBelow() {
        Rect window = new Rect(100, 50, 200, 100);
        assertTrue(SoftwareRenderer.covers(window, true, null, new Rect(110, 60, 20, 20), 100, 50), "XRGB inside");
        assertTrue(SoftwareRenderer.covers(window, true, null, window, 100, 50), "exactly the window");
        assertFalse(SoftwareRenderer.covers(window, true, null, new Rect(90, 60, 20, 20), 100, 50), "sticks out on the left");
        assertFalse(SoftwareRenderer.covers(window, false, null, new Rect(110, 60, 20, 20), 100, 50), "ARGB without an opaque region");
        Region opaqueTop = new Region();
        opaqueTop.add(new Rect(0, 0, 200, 30)); // surface-local: the top 30 rows
        assertTrue(SoftwareRenderer.covers(window, false, opaqueTop, new Rect(110, 55, 20, 20), 100, 50), "inside the opaque region");
        assertFalse(SoftwareRenderer.covers(window, false, opaqueTop, new Rect(110, 70, 20, 20), 100, 50), "partly below it");
        assertFalse(SoftwareRenderer.covers(window, true, null, new Rect(110, 60, 0, 0), 100, 50), "an empty clip covers nothing");
    }
}
