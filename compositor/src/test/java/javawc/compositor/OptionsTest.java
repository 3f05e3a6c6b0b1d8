package javawc.compositor;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The session options: -- COMMAND, --keep-running, --log-file, and the combinations refused. */
class OptionsTest {
    private static Options parse(String... args) throws Options.UsageException {
        return Options.parse(List.of(args));
    }

    private static String refusal(String... args) {
        return assertThrows(Options.UsageException.class, () -> parse(args)).getMessage();
    }

    @Test
    void everythingAfterTheSeparatorIsTheCommandEvenWhatLooksLikeOurOptions() throws Exception {
        Options o = parse("--backend", "headless", "--", "foot", "--server", "--", "-e", "x");
        assertEquals(List.of("foot", "--server", "--", "-e", "x"), o.command());
        assertEquals("headless", o.backend());
        assertFalse(o.keepRunning());
    }

    @Test
    void noSeparatorMeansNoCommand() throws Exception {
        Options o = parse("--backend", "headless");
        assertEquals(List.of(), o.command());
        assertNull(o.logFile());
        assertFalse(o.kiosk());
    }

    @Test
    void kioskIsAFlagTheUsageDescribes() throws Exception {
        assertTrue(parse("--kiosk", "--", "foot").kiosk());
        assertTrue(Options.USAGE.contains("--kiosk"));
    }

    @Test
    void keepRunningAndLogFile() throws Exception {
        Options o = parse("--keep-running", "--log-file", "/tmp/x.log", "--", "sh", "-c", "exit 3");
        assertTrue(o.keepRunning());
        assertEquals(Path.of("/tmp/x.log"), o.logFile());
        assertEquals(List.of("sh", "-c", "exit 3"), o.command());
        assertEquals(Path.of("y.log"), parse("--log-file=y.log").logFile());
    }

    @Test
    void badCombinationsAreUsageErrors() {
        assertEquals("-- must be followed by a command to start", refusal("--"));
        assertEquals("-- must be followed by a command to start", refusal("--", ""));
        assertEquals("--keep-running only applies to a command given after --", refusal("--keep-running"));
        assertEquals("--log-file needs a value", refusal("--log-file"));
        assertEquals("--log-file needs a file name", refusal("--log-file="));
        assertEquals("unknown option 'foot'", refusal("foot"), "a command without -- is not taken for one");
    }

    @Test
    void theUsageTextNamesTheNewForms() {
        for (String s : new String[] {"[-- COMMAND [ARGS...]]", "--keep-running", "--log-file FILE"}) {
            assertTrue(Options.USAGE.contains(s), s);
        }
    }

    @Test
    void outputsAreNamedWithModeScaleAndPosition() throws Exception {
        Options o = parse("--output", "LEFT:1920x1080@144,scale=1.5", "--output=RIGHT,x=1280,y=-200");
        assertEquals(2, o.outputSpecs().size());
        var left = o.outputSpecs().get(0);
        assertEquals("LEFT", left.name());
        assertEquals(new javawc.compositor.output.Output.Mode(1920, 1080, 144_000), left.mode());
        assertEquals(1.5, left.scale());
        assertFalse(left.placed());
        var right = o.outputSpecs().get(1);
        assertNull(right.mode());
        assertTrue(right.placed());
        assertEquals(1280, right.x());
        assertEquals(-200, right.y());
        assertEquals(3, parse("--outputs", "3").outputCount());
        assertEquals(5, parse("--output", "A,transform=flipped-90").outputSpecs().getFirst().transform());
    }

    @Test
    void badOutputsAreRefusedWithAReason() {
        assertTrue(refusal("--output", "A,scale=0").contains("scale"));
        assertTrue(refusal("--output", "A,scale=big").contains("scale"));
        assertTrue(refusal("--output", "A,x=3").contains("both x= and y="));
        assertTrue(refusal("--output", "A:1920x").contains("WxH"));
        assertEquals("--mode '1920x1080@0' is out of range: the refresh rate must be from 1 to 1000 Hz", refusal("--mode", "1920x1080@0"));
        assertTrue(refusal("--output", "A,transform=45").contains("flipped-90"));
        assertTrue(refusal("--output", "A", "--output", "A").contains("twice"));
        assertTrue(refusal("--outputs", "2", "--output", "A").contains("do not go together"));
    }
}
