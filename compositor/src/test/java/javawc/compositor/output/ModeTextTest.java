package javawc.compositor.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

class ModeTextTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1920x1080         | 1920  | 1080  | 0
            1920x1080@60      | 1920  | 1080  | 60000
            1920x1080@59.94   | 1920  | 1080  | 59940
            2560x1440@143.912 | 2560  | 1440  | 143912
            800x600@59.9999   | 800   | 600   | 60000
            1x1@1             | 1     | 1     | 1000
            16384x16384@1000  | 16384 | 16384 | 1000000
            0640x0480@060     | 640   | 480   | 60000
            """)
    void readsSizeAndRate(String text, int width, int height, int milliHz) {
        assertEquals(new ModeText(width, height, milliHz), ModeText.parse(text));
    }

    @ParameterizedTest(name = "'{0}'")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            \"\"                 | '' is not WxH or WxH@HZ (such as 1920x1080 or 1920x1080@59.94)
            big                | 'big' is not WxH or WxH@HZ
            1920*1080          | '1920*1080' is not WxH
            1920x              | '1920x' is not WxH
            1920x1080@         | '1920x1080@' is not WxH
            1920x1080@60Hz     | '1920x1080@60Hz' is not WxH
            1920x1080@.5       | '1920x1080@.5' is not WxH
            -1920x1080         | '-1920x1080' is not WxH
            \" 1920x1080\"       | ' 1920x1080' is not WxH
            1920X1080          | '1920X1080' is not WxH
            0x1080             | '0x1080' is out of range: width and height must be from 1 to 16384
            1920x16385         | '1920x16385' is out of range: width and height must be from 1 to 16384
            999999999x1        | '999999999x1' is out of range: width and height
            1920x1080@0        | '1920x1080@0' is out of range: the refresh rate must be from 1 to 1000 Hz
            800x600@0.5        | '800x600@0.5' is out of range: the refresh rate must be from 1 to 1000 Hz
            800x600@1000.5     | '800x600@1000.5' is out of range: the refresh rate
            800x600@999999999  | '800x600@999999999' is out of range: the refresh rate
            """)
    void refusesNamingTheTextAndWhatIsWrong(String text, String message) {
        String got = assertThrows(IllegalArgumentException.class, () -> ModeText.parse(text)).getMessage();
        assertTrue(got.startsWith(message), got);
    }

    @Test
    void aMissingRateIsTheCallersDefault() {
        assertEquals(new Output.Mode(1280, 720, 60_000), ModeText.parse("1280x720").toMode(60_000));
        assertEquals(new Output.Mode(1280, 720, 75_000), ModeText.parse("1280x720@75").toMode(60_000));
        assertFalse(ModeText.parse("1280x720").hasRefresh());
    }

    @Test
    void writesAModeAsParseReadsIt() {
        assertEquals("1920x1080@60", ModeText.of(new Output.Mode(1920, 1080, 60_000)));
        assertEquals("1920x1080@59.951", ModeText.of(new Output.Mode(1920, 1080, 59_951)));
        assertEquals("1024x768@60.004", ModeText.of(new Output.Mode(1024, 768, 60_004)));
        assertEquals("640x480@59.9", ModeText.of(new Output.Mode(640, 480, 59_900)));
        assertEquals(new ModeText(640, 480, 59_900), ModeText.parse(ModeText.of(new Output.Mode(640, 480, 59_900))));
    }

    @Test
    void writesItselfAsItIsRead() {
        for (String text : new String[] {"1920x1080", "1920x1080@60", "1920x1080@59.94", "2560x1440@143.912"}) {
            assertEquals(text, ModeText.parse(text).toString());
        }
    }
}
