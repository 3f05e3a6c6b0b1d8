package javawc.compositor.logging;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.message.MessageFactory;
import org.apache.logging.log4j.spi.ExtendedLogger;
import org.apache.logging.log4j.spi.LoggerContext;
import org.apache.logging.log4j.spi.LoggerContextFactory;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one logger context of the process, and its factory: every logger writes to one sink,
 * stderr or the log file. Two layouts, as the compositor has always logged:
 * {@code HH:mm:ss.SSS LEVEL Name: message} (level padded to 5, the logger's last name part)
 * for every logger at the root level (system property {@code javawc.log.level}, default info),
 * and the bare message for {@value #TRACE_LOGGER} (the wire trace, WAYLAND_DEBUG's format),
 * whose lines are always written when its code sends them (it checks itself whether the
 * trace is on). The level and the sink may change after loggers exist ({@link #configure}):
 * a class's static logger made before the flags were read follows them.
 */
public final class LineLogContext implements LoggerContext, LoggerContextFactory {
    /** The wire trace's logger: bare lines, not subject to the root level. */
    public static final String TRACE_LOGGER = "wayland.trace";
    static final LineLogContext INSTANCE = new LineLogContext();

    private final ConcurrentHashMap<String, LineLogger> loggers = new ConcurrentHashMap<>();
    private volatile Level rootLevel;
    private OutputStream sink; // guarded by this

    /** For ServiceLoader and Log4j's reflective look-ups; the process has one context, {@link #INSTANCE}. */
    public LineLogContext() {
        this(new FileOutputStream(FileDescriptor.err), levelProperty());
    }

    /** A context of its own writing to {@code sink} (tests). */
    LineLogContext(OutputStream sink, Level rootLevel) {
        this.sink = sink;
        this.rootLevel = rootLevel;
    }

    /**
     * Sets the root level and where lines go: {@code logFile} (replaced) when not null, else
     * stderr. Returns false when the process's loggers are not ours (log4j-core is on the class
     * path and configures itself).
     */
    public static boolean configure(Level level, Path logFile) throws IOException {
        if (!(org.apache.logging.log4j.LogManager.getContext(false) instanceof LineLogContext)) return false;
        INSTANCE.use(level, logFile == null ? new FileOutputStream(FileDescriptor.err) : Files.newOutputStream(logFile));
        return true;
    }

    /** From now on, lines at {@code level} and above (and the trace's) go to {@code out}. */
    void use(Level level, OutputStream out) {
        synchronized (this) {
            sink = out;
        }
        rootLevel = level;
    }

    private static Level levelProperty() {
        return Level.toLevel(System.getProperty("javawc.log.level", "info"), Level.INFO);
    }

    boolean enabled(Level level, boolean trace) {
        return trace || level.isMoreSpecificThan(rootLevel);
    }

    Level rootLevel() {
        return rootLevel;
    }

    /** One line (or a line and a stack trace) in one write, so lines of two threads never mix. */
    void write(byte[] line) {
        synchronized (this) {
            try {
                sink.write(line);
                sink.flush();
            } catch (IOException e) {
                // nowhere left to say it: a log that cannot be written must not stop the compositor
            }
        }
    }

    @Override
    public ExtendedLogger getLogger(String name) {
        LineLogger logger = loggers.get(name); // get first: computeIfAbsent locks even when present
        return logger != null ? logger : loggers.computeIfAbsent(name, n -> new LineLogger(n, this));
    }

    @Override
    public ExtendedLogger getLogger(String name, MessageFactory messageFactory) {
        return getLogger(name); // our messages are all parameterized ones
    }

    @Override
    public boolean hasLogger(String name) {
        return loggers.containsKey(name);
    }

    @Override
    public boolean hasLogger(String name, MessageFactory messageFactory) {
        return hasLogger(name);
    }

    @Override
    public boolean hasLogger(String name, Class<? extends MessageFactory> messageFactoryClass) {
        return hasLogger(name);
    }

    @Override
    public Object getExternalContext() {
        return null;
    }

    @Override
    public LoggerContext getContext(String fqcn, ClassLoader loader, Object externalContext, boolean currentContext) {
        return INSTANCE;
    }

    @Override
    public LoggerContext getContext(String fqcn, ClassLoader loader, Object externalContext, boolean currentContext,
                                    URI configLocation, String name) {
        return INSTANCE;
    }

    @Override
    public void removeContext(LoggerContext context) {
        // one context for the process's life
    }

    @Override
    public boolean isClassLoaderDependent() {
        return false;
    }
}
