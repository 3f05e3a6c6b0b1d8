package javawc.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A demo client in a child JVM, as users run it. Its stdout and stderr go to files: a pipe
 * read while the process exits can fail with "Stream closed" (the JDK drains and closes it),
 * and a file keeps everything for the assertion messages.
 */
final class ClientProcess implements AutoCloseable {
    final Process process;
    private final Path stdout, stderr;

    private ClientProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static ClientProcess start(Map<String, String> env, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("javawc-demo-client", ".out"), stderr = Files.createTempFile("javawc-demo-client", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().remove("WAYLAND_DEBUG");
        pb.environment().putAll(env);
        return new ClientProcess(pb.start(), stdout, stderr);
    }

    /** Complete stdout lines so far. */
    List<String> lines() {
        try {
            String text = Files.readString(stdout);
            return text.substring(0, text.lastIndexOf('\n') + 1).lines().toList(); // a line being written is not one yet
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until stdout has the line {@code expected}; false if the process exits or time runs out first. */
    boolean awaitLine(String expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!lines().contains(expected)) {
            if (!process.isAlive()) return lines().contains(expected);
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(20);
        }
        return true;
    }

    /** Waits for the exit; null if it is still running after {@code timeout} (then it is killed). */
    Integer exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            return null;
        }
        return process.exitValue();
    }

    /** For assertion messages: what it printed and logged. */
    String describe() {
        try {
            return "stdout: " + lines() + "\nstderr:\n" + Files.readString(stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
    }
}
