package javawc.compositor;

import javawc.compositor.launch.ChildProcesses;
import javawc.os.Processes;
import javawc.server.EventLoop;
import javawc.compositor.render.Screenshots;
import javawc.server.ListeningSocket;
import javawc.wire.WireTrace;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compositor process: parse flags, take the socket, start the session's command if one
 * is given, run the event loop until SIGINT or SIGTERM (or the command's end), then end the
 * programs it started and remove the socket. Loggers are created only after the flags set
 * the level and the log's destination.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(List.of(args));
        } catch (Options.UsageException e) {
            System.err.println("compositor: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(Options.USAGE);
            return;
        }
        try {
            LogSetup.configure(options.debug(), options.logFile());
        } catch (IOException e) {
            System.err.println("compositor: cannot write the log file " + options.logFile() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        if (options.debug()) WireTrace.enableServer();
        Logger log = LogManager.getLogger(Main.class);
        try {
            System.exit(run(options, log));
        } catch (IOException e) {
            log.error("{}", e.getMessage());
            if (options.logFile() != null) System.err.println("compositor: " + e.getMessage()); // the log file is not where the user looks first
            System.exit(1);
        }
    }

    static int run(Options options, Logger log) throws IOException {
        var runtimeDir = ListeningSocket.runtimeDir(System.getenv("XDG_RUNTIME_DIR"));
        int[] exitStatus = {0};
        try (EventLoop loop = new EventLoop();
             Compositor compositor = new Compositor(loop, options);
             ListeningSocket socket = ListeningSocket.open(runtimeDir, options.socket());
             Screenshots screenshots = options.screenshot() == null ? null : new Screenshots(options.screenshot(), compositor.backend());
             ChildProcesses children = new ChildProcesses(loop, childEnvironment(socket.name()))) {
            compositor.server().listen(socket.fd());
            Runnable quit = () -> {
                log.info("shutting down");
                loop.stop();
            };
            compositor.onQuit(quit); // Ctrl+Alt+Backspace, Super+Shift+E
            compositor.useChildProcesses(children); // Super+Return
            loop.onSignal("INT", quit);
            loop.onSignal("TERM", quit);
            if (screenshots != null) loop.onSignal("USR1", screenshots::take);
            log.info("listening on {}; {} backend, {} renderer, outputs {}", socket.path(), compositor.backend().name(),
                    compositor.renderer().name(), compositor.backend().outputs());
            if (!options.command().isEmpty()) {
                // the session's command: its end is ours, with its status, unless --keep-running
                children.spawn(options.command(), (child, status) -> {
                    if (options.keepRunning()) return;
                    exitStatus[0] = Processes.exitCode(status);
                    log.info("{} has ended: shutting down with exit status {}", child.name(), exitStatus[0]);
                    loop.stop();
                });
            }
            System.out.println("WAYLAND_DISPLAY=" + socket.name());
            System.out.flush();
            loop.run();
        }
        return exitStatus[0];
    }

    /** Ours, with WAYLAND_DISPLAY naming our socket (XDG_RUNTIME_DIR stays); a WAYLAND_SOCKET meant for us is not theirs. */
    static Map<String, String> childEnvironment(String display) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("WAYLAND_SOCKET");
        env.put("WAYLAND_DISPLAY", display);
        return env;
    }
}
