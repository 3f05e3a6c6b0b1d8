package javawc.compositor.launch;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects the formatted messages of one logger (and its children) while open. */
final class LogCapture implements AutoCloseable {
    private final String loggerName;
    private final AbstractAppender appender;
    final List<String> messages;

    LogCapture(String loggerName, List<String> into) {
        this.loggerName = loggerName;
        this.messages = into;
        appender = new AbstractAppender("capture-" + loggerName, null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                into.add(event.getMessage().getFormattedMessage());
            }
        };
        appender.start();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getLoggerConfig(loggerName).addAppender(appender, null, null);
        ctx.updateLoggers();
    }

    LogCapture(String loggerName) {
        this(loggerName, new CopyOnWriteArrayList<>());
    }

    @Override
    public void close() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getLoggerConfig(loggerName).removeAppender(appender.getName());
        ctx.updateLoggers();
        appender.stop();
    }
}
