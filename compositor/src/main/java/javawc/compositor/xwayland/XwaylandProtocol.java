package javawc.compositor.xwayland;

import javawc.compositor.ProtocolContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * X11 programs through Xwayland (--xwayland eager|lazy|off, lazy by default): the display's
 * sockets are taken at start-up, DISPLAY is set for the programs we start, and Xwayland runs
 * with our own window manager ({@link Xwm}) once an X client connects (eager: at once).
 * Without the Xwayland program, or without a free display, the compositor runs without X.
 */
public final class XwaylandProtocol {
    private static final Logger LOG = LogManager.getLogger(XwaylandProtocol.class);

    private XwaylandProtocol() {}

    public static AutoCloseable install(ProtocolContext c) throws IOException {
        String mode = c.options().xwayland();
        if (mode.equals("off")) return null;
        String executable = findExecutable("Xwayland");
        if (executable == null) {
            LOG.warn("no Xwayland in PATH (Debian's package xwayland): X11 programs will not run");
            return null;
        }
        XDisplaySockets sockets;
        try {
            sockets = XDisplaySockets.open(Path.of("/tmp"), 0);
        } catch (IOException e) {
            LOG.warn("X11 programs will not run: {}", e.getMessage());
            return null;
        }
        XwaylandLauncher launcher = new XwaylandLauncher(c.server().loop(), c.server(), c.scene(), c.seat(),
                xwm -> new SelectionBridge(xwm, c.server().loop(), c.clipboard(), c.primarySelection(), c.seat()), sockets, executable);
        try {
            if (mode.equals("eager")) launcher.start();
            else launcher.watchSockets();
        } catch (IOException | RuntimeException e) {
            launcher.close();
            throw e;
        }
        c.launchEnvironment().announce("DISPLAY", launcher.displayName());
        LOG.info("X11 display {} ({} start of Xwayland)", launcher.displayName(), mode);
        return launcher;
    }

    private static String findExecutable(String name) {
        String path = System.getenv("PATH");
        for (String dir : (path != null ? path : "/usr/local/bin:/usr/bin:/bin").split(":")) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }
}
