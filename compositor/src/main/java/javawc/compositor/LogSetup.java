package javawc.compositor;

import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts Log4j from our log4j2.xml, before the first logger is made. Done by hand rather than
 * by Log4j's discovery for one reason: when Log4j installs a configuration it looks up the
 * machine's host name (for a ${hostName} lookup we never use) unless the configuration
 * already has one, and where the name does not resolve (a VM or container with only a
 * loopback interface) it prints a stack trace before our first line. We give it the kernel's
 * name as it is, unresolved.
 */
final class LogSetup {
    private LogSetup() {}

    /** Log level debug when {@code debug}; the log goes to {@code logFile} (replaced) when not null, else to stderr. */
    static void configure(boolean debug, Path logFile) throws IOException {
        if (debug) System.setProperty("javawc.log.level", "debug");
        if (logFile != null) {
            Path file = logFile.toAbsolutePath();
            // refuse an unwritable file here, with a message, rather than let Log4j drop every line
            Files.newOutputStream(file).close();
            System.setProperty("javawc.log.file", file.toString());
        }
        URL xml = LogSetup.class.getResource("/log4j2.xml");
        if (xml == null) throw new IOException("log4j2.xml is missing from the class path");
        try (InputStream in = xml.openStream()) {
            XmlConfiguration config = new XmlConfiguration(null, new ConfigurationSource(in, xml));
            config.getProperties().put("hostName", kernelHostName());
            Configurator.initialize(config);
        }
    }

    private static String kernelHostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
