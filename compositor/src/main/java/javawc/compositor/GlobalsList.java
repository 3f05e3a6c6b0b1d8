package javawc.compositor;

import javawc.compositor.config.Config;
import javawc.compositor.config.ConfigException;
import javawc.compositor.config.ConfigFile;
import javawc.compositor.security.Privilege;
import javawc.compositor.security.Privileges;
import javawc.server.EventLoop;
import javawc.server.Global;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * --list-globals: the compositor is put together as the other options and the configuration
 * say (so a DRM backend adds what only it offers), its globals are printed in the order
 * clients see them, "INTERFACE VERSION" plus the [privileges] key of a privileged one, and it
 * is closed again without listening on a socket. scripts/protocols-table makes the table in
 * docs/protocols.md from this, and GlobalsListTest checks that table against it.
 */
public final class GlobalsList {
    private GlobalsList() {}

    /** One line per global. */
    public record Entry(String interfaceName, int version, Privilege privilege) {
        @Override
        public String toString() {
            return interfaceName + " " + version + (privilege != null ? " " + privilege.key() : "");
        }
    }

    /** The globals a compositor with {@code options} and {@code config} offers. */
    public static List<Entry> of(Options options, Config config) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (EventLoop loop = new EventLoop(); Compositor compositor = new Compositor(loop, options, config, ProtocolContext.Policy.STRICT)) {
            Privileges privileges = compositor.privileges();
            for (Global g : compositor.server().globals().list()) entries.add(new Entry(g.interfaceName(), g.version(), privileges.privilegeOf(g)));
        }
        return entries;
    }

    static int print(Options options, PrintStream out) throws IOException {
        Config config;
        try {
            config = ConfigFile.load(options.config(), System.getenv());
        } catch (ConfigException e) {
            throw new IOException("configuration: " + e.getMessage(), e);
        }
        for (Entry e : of(options, config)) out.println(e);
        out.flush();
        return 0;
    }
}
