package javawc.compositor;

import javawc.client.Display;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The real compositor in its own process, on a private XDG_RUNTIME_DIR, as users start it. */
final class CompositorProcess implements AutoCloseable {
    final Path runtimeDir;
    final Process process;
    final String display;
    private final boolean ownsRuntimeDir;
    private final Path log;
    private final BufferedReader stdout;
    private String xDisplay;

    private CompositorProcess(Path runtimeDir, Process process, String display, boolean ownsRuntimeDir, Path log, BufferedReader stdout) {
        this.runtimeDir = runtimeDir;
        this.process = process;
        this.display = display;
        this.ownsRuntimeDir = ownsRuntimeDir;
        this.log = log;
        this.stdout = stdout;
    }

    /** The X display (DISPLAY=:N, the line after WAYLAND_DISPLAY's), for a compositor started with Xwayland lazy or eager. */
    String xDisplay() throws IOException {
        if (xDisplay == null) {
            String line = stdout.readLine();
            if (line == null || !line.startsWith("DISPLAY=")) throw new IOException("no DISPLAY line after WAYLAND_DISPLAY: '" + line + "'; log: " + stderr());
            xDisplay = line.substring("DISPLAY=".length());
        }
        return xDisplay;
    }

    static Path privateRuntimeDir() throws IOException {
        return Files.createTempDirectory("javawc-test", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    static ProcessBuilder builder(Path runtimeDir, String... args) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("WAYLAND_DEBUG");
        pb.environment().remove("WAYLAND_DISPLAY");
        if (runtimeDir == null) pb.environment().remove("XDG_RUNTIME_DIR");
        else pb.environment().put("XDG_RUNTIME_DIR", runtimeDir.toString());
        // the user's own configuration file must not change what a test sees (tests pass --config)
        pb.environment().put("XDG_CONFIG_HOME", "/nonexistent/javawc-tests");
        return pb;
    }

    static CompositorProcess start(String... args) throws IOException {
        return start(privateRuntimeDir(), true, args);
    }

    /**
     * A configuration file offering every privileged global to every client: a test's clients
     * run in the test's process or as its children, never as the compositor's.
     */
    static Path everyPrivilegeConfig() throws IOException {
        StringBuilder toml = new StringBuilder("[privileges]\n");
        for (javawc.compositor.security.Privilege p : javawc.compositor.security.Privilege.values()) {
            toml.append(p.key()).append(" = \"all\"\n");
        }
        Path file = Files.createTempFile("javawc-privileges", ".toml");
        file.toFile().deleteOnExit();
        Files.writeString(file, toml);
        return file;
    }

    /** Starts a compositor with --screenshot at {@link #screenshotPath()} in its own runtime dir. */
    static CompositorProcess startWithScreenshots(String... args) throws IOException {
        Path dir = privateRuntimeDir();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--screenshot", dir.resolve("shot.png").toString()));
        return start(dir, true, all.toArray(String[]::new));
    }

    Path screenshotPath() {
        return runtimeDir.resolve("shot.png");
    }

    /**
     * Starts a compositor with --screenshot and --control-socket in its own runtime dir. Its
     * cursor is {@link TestCursorTheme}'s, so what a moved pointer draws is known whatever
     * themes the machine has.
     */
    static CompositorProcess startWithControl(String... args) throws IOException {
        return startWithControl(Map.of(), args);
    }

    /**
     * The same with extra environment variables for the compositor, which override the test
     * cursor theme's (empty XCURSOR_* values mean unset: the machine's own themes).
     */
    static CompositorProcess startWithControl(Map<String, String> env, String... args) throws IOException {
        Path dir = privateRuntimeDir();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--screenshot", dir.resolve("shot.png").toString(), "--control-socket", dir.resolve("control").toString()));
        Map<String, String> withCursors = new java.util.HashMap<>(TestCursorTheme.env());
        withCursors.putAll(env);
        return start(dir, true, withCursors, all.toArray(String[]::new));
    }

    Path controlSocket() {
        return runtimeDir.resolve("control");
    }

    ControlClient control() throws IOException {
        return new ControlClient(controlSocket());
    }

    /** Starts a compositor in a runtime dir the caller owns (and removes). */
    static CompositorProcess start(Path runtimeDir, String... args) throws IOException {
        return start(runtimeDir, false, args);
    }

    private static CompositorProcess start(Path runtimeDir, boolean ownsRuntimeDir, String... args) throws IOException {
        return start(runtimeDir, ownsRuntimeDir, Map.of(), args);
    }

    /** Starts the compositor and waits for its WAYLAND_DISPLAY line. */
    private static CompositorProcess start(Path runtimeDir, boolean ownsRuntimeDir, Map<String, String> env, String... args) throws IOException {
        // stderr goes to a file: a pipe read by a thread loses what is left when the process ends
        Path log = Files.createTempFile("javawc-compositor", ".log");
        ProcessBuilder pb = builder(runtimeDir, args).redirectError(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("WAYLAND_DISPLAY=")) {
            p.destroyForcibly();
            throw new IOException("compositor did not start: stdout '" + line + "', stderr: " + Files.readString(log));
        }
        return new CompositorProcess(runtimeDir, p, line.substring("WAYLAND_DISPLAY=".length()), ownsRuntimeDir, log, out);
    }

    long pid() {
        return process.pid();
    }

    Path socket() {
        return runtimeDir.resolve(display);
    }

    /** What the compositor logged so far. */
    String stderr() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    Display connect() throws IOException {
        return Display.connect(socket().toString());
    }

    /** Open descriptors of the compositor process. */
    long fdCount() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
            return fds.count();
        }
    }

    /** Runs a program as a client of this compositor; returns exit code and combined output. */
    Result run(int timeoutSeconds, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("XDG_RUNTIME_DIR", runtimeDir.toString());
        pb.environment().put("WAYLAND_DISPLAY", display);
        if (xDisplay != null) pb.environment().put("DISPLAY", xDisplay);
        Process p = pb.start();
        byte[][] output = new byte[1][];
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                output[0] = p.getInputStream().readAllBytes();
            } catch (IOException e) {
                output[0] = new byte[0];
            }
        });
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        reader.join();
        return new Result(p.exitValue(), new String(output[0], StandardCharsets.UTF_8));
    }

    record Result(int exitCode, String output) {}

    /** Waits for the compositor to end by itself; its exit code, or -1 if it is still running after {@code seconds}. */
    int awaitExit(int seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    /** SIGTERM, then the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("compositor ignored SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) stop();
        Files.deleteIfExists(log);
        if (!ownsRuntimeDir) return;
        try (Stream<Path> files = Files.walk(runtimeDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
