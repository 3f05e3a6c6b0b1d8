package javawc.compositor.logging;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.spi.AbstractLogger;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.TimeZone;

/**
 * A logger of {@link LineLogContext}: every isEnabled asks the context's one level (the
 * Log4j API calls them before formatting anything, so a disabled debug line costs a compare),
 * and an enabled event becomes one line written in one go.
 */
final class LineLogger extends AbstractLogger {
    /**
     * The local time's zone, as java.util has it: its first use costs ~4 ms where java.time's
     * LocalTime.now() cost 15 to 30 (it loads every region's rules), on the way to the first client.
     */
    private static final TimeZone ZONE = TimeZone.getDefault();
    private final LineLogContext context;
    private final boolean trace;   // the wire trace: bare lines, always enabled
    private final String shortName; // the name's last part, as log4j2.xml's %c{1} printed it

    LineLogger(String name, LineLogContext context) {
        super(name, LineMessages.INSTANCE);
        this.context = context;
        this.trace = LineLogContext.TRACE_LOGGER.equals(name);
        this.shortName = name.substring(name.lastIndexOf('.') + 1);
    }

    @Override
    public Level getLevel() {
        return trace ? Level.INFO : context.rootLevel();
    }

    private boolean enabled(Level level) {
        return context.enabled(level, trace);
    }

    @Override
    public void logMessage(String fqcn, Level level, Marker marker, Message message, Throwable thrown) {
        StringBuilder line = new StringBuilder(96);
        if (!trace) {
            long now = System.currentTimeMillis();
            int ofDay = (int) Math.floorMod(now + ZONE.getOffset(now), 86_400_000L);
            two(line, ofDay / 3_600_000).append(':');
            two(line, ofDay / 60_000 % 60).append(':');
            two(line, ofDay / 1000 % 60).append('.');
            int ms = ofDay % 1000;
            if (ms < 100) line.append('0');
            if (ms < 10) line.append('0');
            line.append(ms).append(' ');
            String name = level.name();
            line.append(name);
            for (int i = name.length(); i < 5; i++) line.append(' ');
            line.append(' ').append(shortName).append(": ");
        }
        line.append(message.getFormattedMessage()).append('\n');
        if (thrown != null) {
            StringWriter stack = new StringWriter();
            thrown.printStackTrace(new PrintWriter(stack));
            line.append(stack);
        }
        context.write(line.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static StringBuilder two(StringBuilder line, int value) {
        if (value < 10) line.append('0');
        return line.append(value);
    }

    // Every form of isEnabled the Log4j API has asks the same question: the level against ours.

    @Override
    public boolean isEnabled(Level level, Marker marker, Message message, Throwable t) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, CharSequence message, Throwable t) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, Object message, Throwable t) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Throwable t) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object... params) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3, Object p4) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3, Object p4,
                             Object p5) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3, Object p4,
                             Object p5, Object p6) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3, Object p4,
                             Object p5, Object p6, Object p7) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3, Object p4,
                             Object p5, Object p6, Object p7, Object p8) {
        return enabled(level);
    }

    @Override
    public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3, Object p4,
                             Object p5, Object p6, Object p7, Object p8, Object p9) {
        return enabled(level);
    }
}
