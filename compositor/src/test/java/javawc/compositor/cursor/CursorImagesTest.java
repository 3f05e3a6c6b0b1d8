package javawc.compositor.cursor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class CursorImagesTest {
    @TempDir
    Path icons;

    private void cursor(String theme, String name, byte[] file) throws IOException {
        Path p = icons.resolve(theme).resolve("cursors").resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, file);
    }

    private CursorImages images(String theme, String size) {
        return CursorImages.fromEnvironment(theme == null
                ? Map.of("XCURSOR_PATH", icons.toString(), "XCURSOR_SIZE", size)
                : Map.of("XCURSOR_PATH", icons.toString(), "XCURSOR_SIZE", size, "XCURSOR_THEME", theme));
    }

    @Test
    void theSizeComesFromXcursorSizeAndBadValuesMeanTheDefault() {
        assertEquals(24, CursorImages.parseSize(null));
        assertEquals(32, CursorImages.parseSize(" 32 "));
        assertEquals(24, CursorImages.parseSize("big"));
        assertEquals(24, CursorImages.parseSize("0"));
        assertEquals(24, CursorImages.parseSize("100000"));
    }

    @Test
    void theWantedThemeAtTheWantedSizeIsDecodedOnceAndKept() throws IOException {
        cursor("Mine", "left_ptr", new XcursorBuilder().image(24, 24, 24, 3, 4, 0xff000024).image(32, 32, 32, 5, 6, 0xff000032).build());
        CursorImages images = images("Mine", "32");
        CursorImage arrow = images.get(CursorShape.DEFAULT, 1);
        assertSame(arrow, images.get(CursorShape.DEFAULT, 1), "cached: nothing is read or decoded again");
        assertEquals(32, arrow.width());
        assertEquals(5, arrow.hotspotX());
        assertEquals(6, arrow.hotspotY());
        assertEquals(1, arrow.scale());
        assertEquals(0xff000032, arrow.texture().pixels()[0]);
        assertSame(arrow, images.get(CursorShape.RESIZE_NW, 1), "a shape the theme lacks shows the arrow");
    }

    @Test
    void aScaledOutputGetsTheImageOfSizeTimesScaleAtThatScale() throws IOException {
        cursor("default", "default", new XcursorBuilder().image(24, 24, 24, 4, 4, 0xff000024).image(48, 47, 48, 8, 9, 0xff000048).build());
        CursorImage twice = images(null, "24").get(CursorShape.DEFAULT, 2);
        assertEquals(2, twice.scale());
        assertEquals(24, twice.width(), "47 pixels are padded to 48: 24 global units");
        assertEquals(24, twice.height());
        assertEquals(48, twice.texture().width());
        assertEquals(4, twice.hotspotX());
        assertEquals(4, twice.hotspotY());
        assertEquals(0xff000048, twice.texture().pixels()[46]);
        assertEquals(0, twice.texture().pixels()[47], "the padding is transparent");
    }

    @Test
    void shapesUseTheirOwnFilesFallingBackThroughTheirNames() throws IOException {
        cursor("Adwaita", "left_ptr", new XcursorBuilder().image(24, 0xff000001).build());
        cursor("Adwaita", "fleur", new XcursorBuilder().image(24, 0xff000002).build());
        cursor("Adwaita", "nw-resize", new XcursorBuilder().image(24, 0xff000003).build());
        CursorImages images = images("NotInstalled", "24"); // then "default", then "Adwaita"
        assertEquals(0xff000001, images.get(CursorShape.DEFAULT, 1).texture().pixels()[0]);
        assertEquals(0xff000002, images.get(CursorShape.MOVE, 1).texture().pixels()[0]);
        assertEquals(0xff000003, images.get(CursorShape.RESIZE_NW, 1).texture().pixels()[0]);
    }

    @Test
    void aBrokenFileIsSkippedForTheNextTheme() throws IOException {
        cursor("Broken", "default", new byte[] {'X', 'c', 'u', 'r', 1});
        cursor("Adwaita", "default", new XcursorBuilder().image(24, 0xff0000aa).build());
        assertEquals(0xff0000aa, images("Broken", "24").get(CursorShape.DEFAULT, 1).texture().pixels()[0]);
    }

    @Test
    void withoutAnyThemeTheBuiltInArrowIsDrawnOutlinedWithItsTipAtTheHotspot() {
        CursorImage arrow = images(null, "24").get(CursorShape.DEFAULT, 1);
        int w = arrow.texture().width();
        int[] p = arrow.texture().pixels();
        assertEquals(0, arrow.hotspotX());
        assertEquals(0, arrow.hotspotY());
        assertEquals(BuiltinArrow.BLACK, p[0], "the tip is drawn, in the outline's colour");
        assertEquals(BuiltinArrow.BLACK, p[10 * w], "the left edge is outline");
        assertEquals(BuiltinArrow.WHITE, p[10 * w + 2], "inside is white");
        assertEquals(0, p[2 * w + 10], "right of the diagonal is transparent");
        CursorImages images = images(null, "24");
        assertSame(images.get(CursorShape.DEFAULT, 1), images.get(CursorShape.RESIZE_E, 1));
        CursorImage big = images(null, "48").get(CursorShape.DEFAULT, 1);
        assertTrue(big.height() > arrow.height() * 3 / 2, "drawn at the asked size");
    }

    @Test
    void resizeShapesFollowTheEdges() {
        assertEquals(CursorShape.RESIZE_NW, CursorShape.resize(true, false, true, false));
        assertEquals(CursorShape.RESIZE_SE, CursorShape.resize(false, true, false, true));
        assertEquals(CursorShape.RESIZE_E, CursorShape.resize(false, false, false, true));
        assertEquals(CursorShape.RESIZE_N, CursorShape.resize(true, false, false, false));
        assertEquals(CursorShape.DEFAULT, CursorShape.resize(false, false, false, false));
    }
}
