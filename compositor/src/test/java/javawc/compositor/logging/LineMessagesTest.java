package javawc.compositor.logging;

import org.apache.logging.log4j.message.Message;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Our messages format as the Log4j API's parameterized messages do, for what the compositor logs. */
class LineMessagesTest {
    private static String formatted(String format, Object... arguments) {
        return LineMessages.INSTANCE.newMessage(format, arguments).getFormattedMessage();
    }

    @Test
    void placeholdersAreFilledInOrder() {
        assertEquals("listening on /run/wayland-0; headless backend, outputs [HEADLESS-1]",
                formatted("listening on {}; {} backend, outputs {}", "/run/wayland-0", "headless", java.util.List.of("HEADLESS-1")));
        assertEquals("descriptor limit (RLIMIT_NOFILE): 20000", LineMessages.INSTANCE.newMessage("descriptor limit (RLIMIT_NOFILE): {}{}", 20000L, "").getFormattedMessage());
        assertEquals("a null", formatted("a {}", (Object) null));
    }

    @Test
    void placeholdersWithoutAnArgumentStayAndExtraArgumentsAreDropped() {
        assertEquals("1 and {}", formatted("{} and {}", 1));
        assertEquals("only 1", formatted("only {}", 1, 2));
    }

    @Test
    void aThrowablePastThePlaceholdersIsTheEventsThrowable() {
        IllegalStateException e = new IllegalStateException("boom");
        Message m = LineMessages.INSTANCE.newMessage("closing {}: failed", "x", e);
        assertEquals("closing x: failed", m.getFormattedMessage());
        assertSame(e, m.getThrowable());
        Message used = LineMessages.INSTANCE.newMessage("failed: {}", e);
        assertEquals("failed: java.lang.IllegalStateException: boom", used.getFormattedMessage());
        assertNull(used.getThrowable());
    }

    @Test
    void anEscapedPlaceholderIsLiteralAndArraysShowTheirElements() {
        assertEquals("{} is 3", formatted("\\{} is {}", 3));
        assertEquals("fds [3, 4] names [a, [b]]", formatted("fds {} names {}", new int[] {3, 4}, new Object[] {"a", new String[] {"b"}}));
    }

    @Test
    void aPlainMessageIsAsWritten() {
        assertEquals("no {} here", LineMessages.INSTANCE.newMessage("no {} here").getFormattedMessage());
        assertEquals("x", LineMessages.INSTANCE.newMessage((Object) "x").getFormattedMessage());
    }
}
