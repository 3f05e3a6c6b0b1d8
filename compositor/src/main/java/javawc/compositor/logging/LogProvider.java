package javawc.compositor.logging;

import org.apache.logging.log4j.spi.LoggerContextFactory;
import org.apache.logging.log4j.spi.Provider;

/**
 * The compositor's Log4j API backend, found by the API through ServiceLoader
 * (META-INF/services). The compositor logs through the Log4j API as before; the lines are
 * written by {@link LineLogContext}, which does at start only what our one fixed layout needs.
 * log4j-core did the same job from log4j2.xml, but configuring it cost 150 to 250 ms of a
 * 400 ms start (its plugin registry, configuration and ~600 classes), more than the rest of
 * the compositor's start-up together (docs/performance.md).
 *
 * <p>Priority 5, below log4j-core's 10: where log4j-core is on the class path too (the unit
 * tests, which capture log events with its appenders), it is used instead.
 */
public final class LogProvider extends Provider {
    public LogProvider() {
        super(5, CURRENT_VERSION, LineLogContext.class);
    }

    @Override
    public LoggerContextFactory getLoggerContextFactory() {
        return LineLogContext.INSTANCE;
    }
}
