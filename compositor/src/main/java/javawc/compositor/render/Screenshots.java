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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * --screenshot FILE: PNG of each output on SIGUSR1 and at exit. The pixels are copied on the
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

    /**
     * Captures every output now and writes in the background: FILE with one output, else one
     * file per output, FILE's name with "-NAME" before its extension (shot-HEADLESS-2.png).
     */
    public Future<?> take() {
        List<Output> outputs = backend.outputs();
        List<Runnable> writes = new ArrayList<>(outputs.size());
        for (Output output : outputs) {
            int[] pixels = backend.capture(output);
            int w = output.mode().width(), h = output.mode().height();
            Path target = outputs.size() == 1 ? file : fileFor(file, output.name());
            writes.add(() -> write(pixels, w, h, target));
        }
        return writer.submit(() -> writes.forEach(Runnable::run));
    }

    /** FILE's name with "-NAME" before its extension. */
    public static Path fileFor(Path file, String outputName) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String named = dot > 0 ? name.substring(0, dot) + "-" + outputName + name.substring(dot) : name + "-" + outputName;
        return file.resolveSibling(named);
    }

    private static void write(int[] pixels, int w, int h, Path target) {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                PngWriter.write(pixels, w, h, out);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.info("screenshot written to {}", target);
        } catch (IOException e) {
            LOG.error("cannot write screenshot {}: {}", target, e.getMessage());
        }
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
