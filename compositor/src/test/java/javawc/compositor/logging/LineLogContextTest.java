package javawc.compositor.logging;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The compositor's log lines: the layout log4j2.xml had, the root level, and the wire trace's bare lines. */
class LineLogContextTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aLineHasTheTimeThePaddedLevelTheShortNameAndTheFormattedMessage() {
        Logger log = new LineLogContext(out, Level.INFO).getLogger("javawc.compositor.Main");
        log.info("listening on {}; {} backend", "/run/wayland-0", "headless");
        log.warn("cannot raise the limit: {}", "EPERM");
        List<String> lines = lines();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  Main: listening on /run/wayland-0; headless backend"), lines.get(0));
        assertTrue(lines.get(1).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  Main: cannot raise the limit: EPERM"), lines.get(1));
    }

    @Test
    void theTimeIsTheLocalTimeOfDay() {
        LocalTime before = LocalTime.now().truncatedTo(ChronoUnit.MILLIS);
        new LineLogContext(out, Level.INFO).getLogger("Main").info("now");
        LocalTime after = LocalTime.now();
        assumeFalse(after.isBefore(before), "midnight came in between");
        LocalTime logged = LocalTime.parse(lines().get(0).substring(0, 12));
        assertFalse(logged.isBefore(before) || logged.isAfter(after), before + " <= " + logged + " <= " + after);
    }

    @Test
    void linesBelowTheRootLevelAreNotFormattedNorWritten() {
        LineLogContext context = new LineLogContext(out, Level.INFO);
        Logger log = context.getLogger("javawc.server.Server");
        assertFalse(log.isDebugEnabled());
        Object notFormatted = new Object() {
            @Override
            public String toString() {
                throw new AssertionError("a disabled line was formatted");
            }
        };
        log.debug("client {} connected", notFormatted);
        assertEquals(List.of(), lines());
        context.use(Level.DEBUG, out);
        assertTrue(log.isDebugEnabled());
        log.debug("client {} connected", 7);
        assertEquals(1, lines().size());
        assertTrue(lines().get(0).endsWith(" DEBUG Server: client 7 connected"), lines().get(0));
    }

    @Test
    void theWireTraceIsBareAndWrittenWhateverTheRootLevel() {
        LineLogContext context = new LineLogContext(out, Level.WARN);
        context.getLogger(LineLogContext.TRACE_LOGGER).info("[{}] wl_display@1.sync(new id wl_callback@3)", "  12.345");
        context.getLogger("javawc.compositor.Main").info("not at warn");
        assertEquals(List.of("[  12.345] wl_display@1.sync(new id wl_callback@3)"), lines());
    }

    @Test
    void anExceptionFollowsItsLineWithItsStackTrace() {
        Logger log = new LineLogContext(out, Level.INFO).getLogger("javawc.server.EventLoop");
        log.error("callback failed", new IllegalStateException("boom"));
        List<String> lines = lines();
        assertTrue(lines.get(0).endsWith(" ERROR EventLoop: callback failed"), lines.get(0));
        assertEquals("java.lang.IllegalStateException: boom", lines.get(1));
        assertTrue(lines.get(2).startsWith("\tat javawc.compositor.logging.LineLogContextTest."), lines.get(2));
    }

    @Test
    void oneLoggerPerName() {
        LineLogContext context = new LineLogContext(out, Level.INFO);
        assertSame(context.getLogger("a.B"), context.getLogger("a.B"));
        assertTrue(context.hasLogger("a.B"));
        assertFalse(context.hasLogger("a.C"));
    }
}
