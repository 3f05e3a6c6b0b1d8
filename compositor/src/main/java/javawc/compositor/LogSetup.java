package javawc.compositor;

import javawc.compositor.logging.LineLogContext;
import javawc.compositor.logging.LogProvider;
import org.apache.logging.log4j.Level;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Chooses the compositor's Log4j API backend ({@link LogProvider}: one fixed layout to stderr
 * or the log file, nothing to configure) and sets its level and destination, before the first
 * logger is made. The backend is named explicitly rather than left to the Log4j API's choice
 * by priority, so that a log4j-core jar left in an older build's target/lib is not picked.
 */
final class LogSetup {
    private LogSetup() {}

    /** Before anything asks for a logger: the Log4j API reads this once, at its first use. */
    static void chooseBackend() {
        if (System.getProperty("log4j.provider") == null) System.setProperty("log4j.provider", LogProvider.class.getName());
    }

    /** Log level debug when {@code debug}; the log goes to {@code logFile} (replaced) when not null, else to stderr. */
    static void configure(boolean debug, Path logFile) throws IOException {
        Path file = null;
        if (logFile != null) {
            file = logFile.toAbsolutePath();
            // refuse an unwritable file here, with a message, rather than lose every line
            Files.newOutputStream(file).close();
        }
        Level level = debug ? Level.DEBUG : Level.toLevel(System.getProperty("javawc.log.level", "info"), Level.INFO);
        LineLogContext.configure(level, file);
    }
}
