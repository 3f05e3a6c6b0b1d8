package javawc.compositor;

import javawc.compositor.backend.Backend;
import javawc.compositor.backend.HeadlessBackend;
import javawc.compositor.output.Output;
import javawc.compositor.output.OutputGlobal;
import javawc.compositor.output.XdgOutputManager;
import javawc.server.EventLoop;
import javawc.server.Server;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;

/** Puts a compositor together: the server, a backend, and the globals clients bind. */
public final class Compositor implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(Compositor.class);

    private final Server server;
    private final Backend backend;

    public Compositor(EventLoop loop, Options options) throws IOException {
        this.backend = createBackend(options);
        this.server = new Server(loop);
        for (Output output : backend.outputs()) new OutputGlobal(server.globals(), output);
        new XdgOutputManager(server.globals());
    }

    private static Backend createBackend(Options options) throws IOException {
        Output.Mode mode = new Output.Mode(options.width(), options.height(), options.refreshMilliHz());
        return switch (options.backend()) {
            case "headless" -> new HeadlessBackend(mode);
            case "auto" -> {
                LOG.info("no DRM/KMS backend in this build: running headless");
                yield new HeadlessBackend(mode);
            }
            default -> throw new IOException("the " + options.backend() + " backend is not part of this build; use --backend headless");
        };
    }

    public Server server() {
        return server;
    }

    public Backend backend() {
        return backend;
    }

    @Override
    public void close() {
        server.close();
        backend.close();
    }
}
