package javawc.compositor;

import javawc.server.EventLoop;
import javawc.compositor.render.Screenshots;
import javawc.server.ListeningSocket;
import javawc.wire.WireTrace;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.util.List;

/**
 * The compositor process: parse flags, take the socket, run the event loop until SIGINT or
 * SIGTERM, then remove the socket. Loggers are created only after the flags set the level.
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
        if (options.debug()) {
            System.setProperty("javawc.log.level", "debug");
            WireTrace.enableServer();
        }
        Logger log = LogManager.getLogger(Main.class);
        try {
            System.exit(run(options, log));
        } catch (IOException e) {
            log.error("{}", e.getMessage());
            System.exit(1);
        }
    }

    static int run(Options options, Logger log) throws IOException {
        var runtimeDir = ListeningSocket.runtimeDir(System.getenv("XDG_RUNTIME_DIR"));
        try (EventLoop loop = new EventLoop();
             Compositor compositor = new Compositor(loop, options);
             ListeningSocket socket = ListeningSocket.open(runtimeDir, options.socket());
             Screenshots screenshots = options.screenshot() == null ? null : new Screenshots(options.screenshot(), compositor.backend())) {
            compositor.server().listen(socket.fd());
            Runnable quit = () -> {
                log.info("shutting down");
                loop.stop();
            };
            compositor.onQuit(quit); // Ctrl+Alt+Backspace
            loop.onSignal("INT", quit);
            loop.onSignal("TERM", quit);
            if (screenshots != null) loop.onSignal("USR1", screenshots::take);
            log.info("listening on {}; {} backend, {} renderer, outputs {}", socket.path(), compositor.backend().name(),
                    compositor.renderer().name(), compositor.backend().outputs());
            System.out.println("WAYLAND_DISPLAY=" + socket.name());
            System.out.flush();
            loop.run();
        }
        return 0;
    }
}
