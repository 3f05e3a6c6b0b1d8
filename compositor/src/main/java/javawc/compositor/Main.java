package javawc.compositor;

import javawc.compositor.config.Config;
import javawc.compositor.config.ConfigException;
import javawc.compositor.config.ConfigFile;
import javawc.compositor.ipc.IpcCommands;
import javawc.compositor.ipc.IpcServer;
import javawc.compositor.ipc.ManagedWindowControl;
import javawc.compositor.ipc.OutputControl;
import javawc.compositor.launch.ChildProcesses;
import javawc.os.FileLimit;
import javawc.os.Foreign;
import javawc.os.OsException;
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
 * is given, open the IPC socket (scripts/ctl), run the event loop until SIGINT or SIGTERM (or
 * the command's end, or an IPC quit), then end the programs it started and remove the sockets. Loggers are created only after the flags set
 * the level and the log's destination.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        LogSetup.chooseBackend();
        Foreign.deferFrameCalls(); // their handles made once the loop is idle (run), JNA's calls until then
        List<String> arguments = new java.util.ArrayList<>(List.of(args));
        int commandStart = arguments.indexOf("--");
        boolean listGlobals = arguments.subList(0, commandStart < 0 ? arguments.size() : commandStart).remove("--list-globals");
        Options options;
        try {
            options = Options.parse(arguments);
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
            System.exit(listGlobals ? GlobalsList.print(options, System.out) : run(options, log));
        } catch (IOException e) {
            log.error("{}", e.getMessage());
            if (options.logFile() != null) System.err.println("compositor: " + e.getMessage()); // the log file is not where the user looks first
            System.exit(1);
        }
    }

    /** Each client costs descriptors (its socket, its pools, keymaps, pipes): the soft limit of 1024 is too few. */
    private static void raiseFileLimit(Logger log) {
        try {
            long[] raised = FileLimit.raiseToHard();
            log.info("descriptor limit (RLIMIT_NOFILE): {}{}", raised[1], raised[0] != raised[1] ? " (raised from " + raised[0] + ")" : "");
        } catch (OsException e) {
            log.warn("cannot raise the descriptor limit: {}", e.getMessage());
        }
    }

    static int run(Options options, Logger log) throws IOException {
        var runtimeDir = ListeningSocket.runtimeDir(System.getenv("XDG_RUNTIME_DIR"));
        Config config;
        try {
            config = ConfigFile.load(options.config(), System.getenv()); // all checked before anything starts
        } catch (ConfigException e) {
            throw new IOException("configuration: " + e.getMessage(), e);
        }
        if (config.source() != null) log.info("configuration from {}", config.source());
        raiseFileLimit(log);
        int[] exitStatus = {0};
        try (EventLoop loop = new EventLoop();
             Compositor compositor = new Compositor(loop, options, config, ProtocolContext.Policy.STRICT);
             ListeningSocket socket = ListeningSocket.open(runtimeDir, options.socket());
             Screenshots screenshots = options.screenshot() == null ? null : new Screenshots(options.screenshot(), compositor.backend());
             ChildProcesses children = new ChildProcesses(loop, childEnvironment(socket.name(), IpcServer.pathFor(runtimeDir, socket.name()), config));
             IpcServer ipc = IpcServer.open(IpcServer.pathFor(runtimeDir, socket.name()), loop, new IpcCommands(
                     new ManagedWindowControl(compositor.windowManager(), compositor.scene()), OutputControl.of(compositor.outputs()),
                     argv -> children.spawn(argv).pid(), () -> {
                         log.info("quit asked for on the IPC socket: shutting down");
                         loop.stop();
                     }, () -> reload(compositor, options)));
             // the frame calls' foreign handles: ~10 ms of CPU the first client need not wait for
             // (the round trip's own are made at their first use: made later, they slowed the
             // first round trips of a client that starts at once)
             WhenIdle foreignCalls = new WhenIdle(loop, Foreign::prepareInBackground)) {
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
            for (List<String> command : config.autostart()) {
                try {
                    children.spawn(command); // the user's own programs: one that cannot start is logged, the session goes on
                } catch (IOException e) {
                    log.error("autostart {}: {}", command, e.getMessage());
                }
            }
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
            for (String line : compositor.announcedEnvironment()) System.out.println(line); // DISPLAY=:N beside it
            System.out.flush();
            loop.run();
        }
        return exitStatus[0];
    }

    /** scripts/ctl reload: the configuration file read and checked again, then applied; a bad one changes nothing. */
    private static String reload(Compositor compositor, Options options) throws ConfigException {
        return compositor.apply(ConfigFile.load(options.config(), System.getenv()));
    }

    /**
     * Ours, with WAYLAND_DISPLAY naming our socket and JAVAWC_SOCK our IPC socket (XDG_RUNTIME_DIR
     * stays), and the configured cursor theme and size so clients draw the pointer we do; a
     * WAYLAND_SOCKET meant for us is not theirs.
     */
    static Map<String, String> childEnvironment(String display, java.nio.file.Path ipcSocket, Config config) {
        Map<String, String> env = new HashMap<>(config.cursor().over(System.getenv()));
        env.remove("WAYLAND_SOCKET");
        env.put("WAYLAND_DISPLAY", display);
        env.put("JAVAWC_SOCK", ipcSocket.toString());
        return env;
    }
}
