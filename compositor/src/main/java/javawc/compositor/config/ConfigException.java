package javawc.compositor.config;

import java.nio.file.Path;

/** A configuration file that cannot be used, with where and what: "FILE:LINE: message". */
public final class ConfigException extends Exception {
    private final Path file;
    private final int line;

    public ConfigException(Path file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line the problem is on; 0 when it is about the whole file. */
    public int line() {
        return line;
    }
}
