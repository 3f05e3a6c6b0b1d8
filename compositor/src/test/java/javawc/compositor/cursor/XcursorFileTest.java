package javawc.compositor.cursor;

import javawc.compositor.cursor.XcursorFile.XcursorFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class XcursorFileTest {
    // offsets in a file of XcursorBuilder: header 16 bytes, then 12 per table entry
    private static final int TOC_COUNT = 12, FIRST_TOC_POSITION = 16 + 8;

    @Test
    void decodesAnImageWithItsHotspotDelayAndLittleEndianPixels() throws Exception {
        byte[] file = new XcursorBuilder().image(24, 3, 2, 1, 1, 0x80402010).build();
        XcursorFile.Image image = XcursorFile.parse(file).imagesNearest(24).getFirst();
        assertEquals(24, image.nominalSize());
        assertEquals(3, image.width());
        assertEquals(2, image.height());
        assertEquals(1, image.hotspotX());
        assertEquals(1, image.hotspotY());
        assertEquals(50, image.delayMs());
        int[] expected = new int[6];
        Arrays.fill(expected, 0x80402010);
        assertArrayEquals(expected, image.pixels());
        // the pixel bytes in the file are B, G, R, A
        int firstPixel = 16 + 12 + 36;
        assertEquals(0x10, file[firstPixel]);
        assertEquals((byte) 0x80, file[firstPixel + 3]);
    }

    @Test
    void picksTheNominalSizeClosestToTheWantedOne() throws Exception {
        XcursorFile f = XcursorFile.parse(new XcursorBuilder()
                .image(24, 0xff000024).image(32, 0xff000032).image(48, 0xff000048).build());
        assertEquals(List.of(24, 32, 48), f.nominalSizes());
        assertEquals(24, f.imagesNearest(16).getFirst().nominalSize());
        assertEquals(24, f.imagesNearest(27).getFirst().nominalSize());
        assertEquals(32, f.imagesNearest(30).getFirst().nominalSize());
        assertEquals(48, f.imagesNearest(40).getFirst().nominalSize(), "a tie goes to the larger size");
        assertEquals(48, f.imagesNearest(96).getFirst().nominalSize());
        assertEquals(0xff000048, f.imagesNearest(96).getFirst().pixels()[0]);
    }

    @Test
    void anAnimationsFramesComeInFileOrder() throws Exception {
        XcursorFile f = XcursorFile.parse(new XcursorBuilder()
                .image(24, 0xff000001).image(32, 0xff0000ff).image(24, 0xff000002).build());
        List<XcursorFile.Image> frames = f.imagesNearest(24);
        assertEquals(2, frames.size());
        assertEquals(0xff000001, frames.get(0).pixels()[0]);
        assertEquals(0xff000002, frames.get(1).pixels()[0]);
    }

    @Test
    void otherChunkTypesAreSkipped() throws Exception {
        byte[] file = new XcursorBuilder().image(24, 0xff000024).image(32, 0xff000032).build();
        byte[] withComment = XcursorBuilder.withInt(file, 16, 0xfffe0001); // the first entry becomes a comment
        assertEquals(List.of(32), XcursorFile.parse(withComment).nominalSizes());
    }

    @Test
    void aHotspotOffTheImageIsKeptOnItsEdge() throws Exception {
        byte[] file = new XcursorBuilder().image(24, 4, 4, 9, 2, 0xffffffff).build();
        XcursorFile.Image image = XcursorFile.parse(file).imagesNearest(24).getFirst();
        assertEquals(3, image.hotspotX());
        assertEquals(2, image.hotspotY());
    }

    @Test
    void wrongMagicIsRefused() {
        byte[] file = new XcursorBuilder().image(24, 0xffffffff).build();
        file[0] = 'P';
        var e = assertThrows(XcursorFormatException.class, () -> XcursorFile.parse(file));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
    }

    @Test
    void truncatedFilesAreRefused() {
        byte[] file = new XcursorBuilder().image(24, 0xffffffff).build();
        for (int length : new int[] {0, 3, 15, 20, 40, 63, file.length - 1}) {
            byte[] cut = Arrays.copyOf(file, length);
            var e = assertThrows(XcursorFormatException.class, () -> XcursorFile.parse(cut).imagesNearest(24), "length " + length);
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("outside"), e.getMessage());
        }
    }

    @Test
    void aTableOfContentsPointingOutsideTheFileIsRefused() {
        byte[] file = new XcursorBuilder().image(24, 0xffffffff).build();
        for (int position : new int[] {file.length, file.length - 10, -1, Integer.MAX_VALUE}) {
            byte[] bad = XcursorBuilder.withInt(file, FIRST_TOC_POSITION, position);
            var e = assertThrows(XcursorFormatException.class, () -> XcursorFile.parse(bad), "position " + position);
            assertTrue(e.getMessage().contains("outside the file"), e.getMessage());
        }
    }

    @Test
    void anAbsurdTableOfContentsCountIsRefusedWithoutAllocatingForIt() {
        byte[] file = XcursorBuilder.withInt(new XcursorBuilder().image(24, 0xffffffff).build(), TOC_COUNT, 0x7fffffff);
        var e = assertThrows(XcursorFormatException.class, () -> XcursorFile.parse(file));
        assertTrue(e.getMessage().contains("table of contents"), e.getMessage());
        byte[] negative = XcursorBuilder.withInt(file, TOC_COUNT, -1);
        assertThrows(XcursorFormatException.class, () -> XcursorFile.parse(negative));
    }

    @Test
    void absurdImageSizesAreRefusedWithoutAllocatingForThem() {
        byte[] file = new XcursorBuilder().image(24, 0xffffffff).build();
        int image = 16 + 12;
        for (int[] size : new int[][] {{0x7fff, 0x7fff}, {0x10000, 1}, {0, 24}, {24, -1}, {-65536, -65536}}) {
            byte[] bad = XcursorBuilder.withInt(XcursorBuilder.withInt(file, image + 16, size[0]), image + 20, size[1]);
            var e = assertThrows(XcursorFormatException.class, () -> XcursorFile.parse(bad).imagesNearest(24), Arrays.toString(size));
            assertTrue(e.getMessage().contains("impossible") || e.getMessage().contains("truncated"), e.getMessage());
        }
        byte[] hugeHeader = XcursorBuilder.withInt(file, image, -8);
        assertThrows(XcursorFormatException.class, () -> XcursorFile.parse(hugeHeader).imagesNearest(24));
    }

    @Test
    void anImageThatDisagreesWithItsTableEntryIsRefused() {
        byte[] file = XcursorBuilder.withInt(new XcursorBuilder().image(24, 0xffffffff).build(), 16 + 12 + 8, 32);
        assertThrows(XcursorFormatException.class, () -> XcursorFile.parse(file).imagesNearest(24));
    }

    @Test
    void aFileWithoutImagesIsRefused() {
        byte[] file = new XcursorBuilder().build();
        var e = assertThrows(XcursorFormatException.class, () -> XcursorFile.parse(file));
        assertTrue(e.getMessage().contains("no images"), e.getMessage());
    }

    @Test
    void readingAFileNamesItInTheMessage(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("default"), bad = dir.resolve("broken");
        Files.write(good, new XcursorBuilder().image(24, 0xff123456).build());
        Files.write(bad, new byte[] {1, 2, 3});
        assertEquals(0xff123456, XcursorFile.read(good).imagesNearest(24).getFirst().pixels()[0]);
        var e = assertThrows(XcursorFormatException.class, () -> XcursorFile.read(bad));
        assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
    }
}
