package javawc.compositor.fuzz;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

import java.util.ArrayList;
import java.util.List;

/**
 * Catches every ERROR the compositor logs while fuzzing: an exception escaping a request
 * handler or an event-loop callback is logged at ERROR and swallowed, so the log is where a
 * crash that did not end the process shows. Also quiets the log to ERROR while installed:
 * a million protocol-error warnings would cost more than the fuzzing.
 */
final class ErrorCapture extends AbstractAppender implements AutoCloseable {
    private final List<String> seen = new ArrayList<>();
    private final Level previousLevel;
    private final LoggerConfig root;

    private ErrorCapture(LoggerConfig root) {
        super("fuzz-errors", null, null, true, Property.EMPTY_ARRAY);
        this.root = root;
        this.previousLevel = root.getLevel();
    }

    static ErrorCapture install() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = ctx.getConfiguration().getRootLogger();
        ErrorCapture capture = new ErrorCapture(root);
        capture.start();
        root.addAppender(capture, Level.ERROR, null);
        root.setLevel(Level.ERROR);
        ctx.updateLoggers();
        return capture;
    }

    @Override
    public void append(LogEvent event) {
        if (!event.getLevel().isMoreSpecificThan(Level.ERROR)) return;
        String text = event.getMessage().getFormattedMessage();
        Throwable t = event.getThrown();
        if (t != null) {
            StackTraceElement[] at = t.getStackTrace();
            text += ": " + t + (at.length > 0 ? " at " + at[0] : "");
        }
        synchronized (seen) {
            seen.add(text);
        }
    }

    /** The errors logged since the last call. */
    List<String> take() {
        synchronized (seen) {
            List<String> copy = List.copyOf(seen);
            seen.clear();
            return copy;
        }
    }

    @Override
    public void close() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        root.removeAppender(getName());
        root.setLevel(previousLevel);
        ctx.updateLoggers();
        stop();
    }
}
