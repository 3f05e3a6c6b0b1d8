package javawc.compositor.render;

import javawc.compositor.backend.Backend;
import javawc.compositor.output.Output;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * --screenshot FILE: PNG of the output on SIGUSR1 and at exit. The pixels are copied on the
 * event loop; encoding and writing happen on a worker thread so the loop never blocks, and
 * the file appears atomically (written beside it, then renamed).
 */
public final class Screenshots implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(Screenshots.class);

    private final Path file;
    private final Backend backend;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "screenshot-writer");
        t.setDaemon(true);
        return t;
    });

    public Screenshots(Path file, Backend backend) {
        this.file = file.toAbsolutePath();
        this.backend = backend;
    }

    /** Captures now and writes in the background. */
    public Future<?> take() {
        Output output = backend.outputs().getFirst();
        int[] pixels = backend.capture(output);
        int w = output.mode().width(), h = output.mode().height();
        return writer.submit(() -> {
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    PngWriter.write(pixels, w, h, out);
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                LOG.info("screenshot written to {}", file);
            } catch (IOException e) {
                LOG.error("cannot write screenshot {}: {}", file, e.getMessage());
            }
        });
    }

    /** Takes the exit screenshot and waits for it. */
    @Override
    public void close() {
        try {
            take().get();
        } catch (Exception e) {
            LOG.error("exit screenshot failed", e);
        }
        writer.shutdown();
    }
}
