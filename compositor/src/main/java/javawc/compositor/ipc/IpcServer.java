package javawc.compositor.ipc;

import javawc.server.EventLoop;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The user's control socket (on by default; {@code scripts/ctl} talks to it): a Unix stream
 * socket, mode 0600, at {@code $XDG_RUNTIME_DIR/javawc-DISPLAY.sock}, one per compositor,
 * its path given to children as JAVAWC_SOCK. One JSON request per line in, one JSON reply per
 * line out, in order ({@link IpcRequest} lists the commands), served by a {@link LineServer}.
 */
public final class IpcServer implements AutoCloseable {
    /** The longest request line; a spawn's command line fits many times over. */
    static final int MAX_REQUEST = 64 * 1024;

    private final LineServer lines;

    private IpcServer(LineServer lines) {
        this.lines = lines;
    }

    /** Where the socket of the compositor serving Wayland display {@code display} lives. */
    public static Path pathFor(Path runtimeDir, String display) {
        return runtimeDir.resolve("javawc-" + display + ".sock");
    }

    /** Listens at {@code path}; refuses a path that exists and is not a stale socket of this user. */
    public static IpcServer open(Path path, EventLoop loop, IpcCommands commands) throws IOException {
        return new IpcServer(LineServer.open(path, "the IPC socket", loop, MAX_REQUEST, commands::execute,
                max -> IpcCommands.error("request longer than " + max + " bytes").toString()));
    }

    public Path path() {
        return lines.path();
    }

    @Override
    public void close() {
        lines.close();
    }
}
