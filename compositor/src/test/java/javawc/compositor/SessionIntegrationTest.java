package javawc.compositor;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** The compositor as a session: -- COMMAND, its exit status, its process group, the log. */
class SessionIntegrationTest {
    private static final String[] HEADLESS = {"--backend", "headless", "--renderer", "software"};

    private static CompositorProcess session(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(HEADLESS));
        all.addAll(List.of(args));
        return CompositorProcess.start(all.toArray(String[]::new));
    }

    private static String awaitLog(CompositorProcess c, String text) throws InterruptedException {
        for (int i = 0; i < 300 && !c.stderr().contains(text); i++) Thread.sleep(50);
        assertTrue(c.stderr().contains(text), "waited for '" + text + "' in: " + c.stderr());
        return c.stderr();
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in: " + text);
        return m.group(1);
    }

    /** Gone, or a zombie left to init (which is not ours to hurry). */
    private static boolean gone(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    void theCommandConnectsWithOurDisplayAndItsExitEndsTheCompositorWithStatus0() throws Exception {
        // --debug: clients' connections are logged at debug level
        try (CompositorProcess c = session("--debug", "--", "sh", "-c", "echo display=$WAYLAND_DISPLAY runtime=$XDG_RUNTIME_DIR; exec wayland-info")) {
            assertEquals(0, c.awaitExit(30), c.stderr());
            String log = c.stderr();
            assertTrue(log.contains("sh[") && log.contains("]: display=" + c.display + " runtime=" + c.runtimeDir), log);
            String pid = group(log, "started sh \\(pid (\\d+)\\)");
            // the child's output, line by line, prefixed with its name and pid (exec kept the pid; the name is argv[0]'s)
            assertTrue(log.contains("child: sh[" + pid + "]: interface: 'wl_compositor',"), log);
            assertTrue(log.contains("client 1 connected: pid " + pid + " (wayland-info)"), log);
            assertTrue(log.contains("client 1 disconnected (pid " + pid + ", wayland-info): client closed the connection"), log);
            assertTrue(log.contains("sh (pid " + pid + ") exited with status 0"), log);
            assertFalse(Files.exists(c.socket()), "socket removed");
        }
    }

    @Test
    void aFailingCommandEndsTheCompositorWithItsStatus() throws Exception {
        try (CompositorProcess c = session("--", "sh", "-c", "exit 3")) {
            assertEquals(3, c.awaitExit(30), c.stderr());
            assertTrue(c.stderr().contains("WARN  ChildProcesses: sh (pid "), c.stderr());
            assertTrue(c.stderr().contains(") exited with status 3"), c.stderr());
            assertTrue(c.stderr().contains("sh has ended: shutting down with exit status 3"), c.stderr());
        }
    }

    @Test
    void keepRunningOutlivesTheCommand() throws Exception {
        try (CompositorProcess c = session("--keep-running", "--", "sh", "-c", "exit 5")) {
            awaitLog(c, ") exited with status 5");
            assertEquals(-1, c.awaitExit(1), "still running");
            try (var d = c.connect()) {
                d.roundtrip(); // and serving
            }
            assertEquals(0, c.stop(), c.stderr());
        }
    }

    @Test
    void noProcessOfTheCommandsGroupOutlivesTheCompositor() throws Exception {
        try (CompositorProcess c = session("--", "sh", "-c", "sleep 1000 & echo grandchild=$!; exec wayland-info")) {
            assertEquals(0, c.awaitExit(30), c.stderr());
            String grandchild = group(c.stderr(), "grandchild=(\\d+)");
            assertTrue(gone(grandchild), "sleep " + grandchild + " ended with its group: " + c.stderr());
            assertTrue(c.stderr().contains("and its process group"), c.stderr());
        }
        // and when the compositor is the one to stop (SIGTERM), the running command goes with it
        try (CompositorProcess c = session("--", "sh", "-c", "sleep 1000 & echo grandchild=$!; wait")) {
            String grandchild = group(awaitLog(c, "]: grandchild="), "grandchild=(\\d+)");
            String pid = group(c.stderr(), "started sh \\(pid (\\d+)\\)");
            assertFalse(gone(grandchild));
            assertEquals(0, c.stop(), c.stderr());
            assertTrue(gone(pid) && gone(grandchild), c.stderr());
        }
    }

    @Test
    void aCommandThatDoesNotExistIsAClearErrorAndNonZero() throws Exception {
        Path dir = CompositorProcess.privateRuntimeDir();
        try {
            List<String> args = new ArrayList<>(List.of(HEADLESS));
            args.addAll(List.of("--", "no-such-javawc-command", "--flag"));
            Process p = CompositorProcess.builder(dir, args.toArray(String[]::new)).start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String err = new String(p.getErrorStream().readAllBytes());
            assertEquals(1, p.exitValue(), err);
            assertTrue(err.contains("cannot start no-such-javawc-command: command not found (not in PATH)"), err);
            assertEquals("", new String(p.getInputStream().readAllBytes()), "no WAYLAND_DISPLAY line");
            assertFalse(Files.exists(dir.resolve("wayland-0")), "socket removed");
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void usageErrorsForTheSessionOptions() throws Exception {
        for (String[] args : new String[][] {{"--keep-running"}, {"--"}, {"--log-file"}}) {
            Process p = CompositorProcess.builder(null, args).start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(2, p.exitValue(), String.join(" ", args));
            String err = new String(p.getErrorStream().readAllBytes());
            assertTrue(err.startsWith("compositor: ") && err.contains("usage: scripts/compositor [options] [-- COMMAND [ARGS...]]"), err);
        }
    }

    @Test
    void logFileTakesTheLogAndStdoutKeepsTheDisplayLine() throws Exception {
        Path dir = CompositorProcess.privateRuntimeDir();
        Path logFile = dir.resolve("session.log");
        Files.writeString(logFile, "from an earlier run\n");
        try (CompositorProcess c = CompositorProcess.start(dir, "--backend", "headless", "--renderer", "software", "--debug",
                "--log-file", logFile.toString(), "--", "wayland-info")) {
            assertEquals(0, c.awaitExit(30));
            String log = Files.readString(logFile);
            assertFalse(log.contains("from an earlier run"), "replaced");
            assertTrue(log.contains("INFO  Main: listening on " + c.socket()), log);
            assertTrue(log.contains("]: interface: 'wl_compositor',"), log);
            assertTrue(log.contains(" -> wl_registry@2.global("), "the protocol trace too: " + log);
            assertTrue(log.contains("client 1 connected: pid ") && log.contains(" (wayland-info)"), log);
            assertEquals("", c.stderr(), "nothing on stderr");
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void anUnwritableLogFileIsRefused() throws Exception {
        Process p = CompositorProcess.builder(null, "--log-file", "/nonexistent/dir/x.log").start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes());
        assertEquals(1, p.exitValue(), err);
        assertTrue(err.startsWith("compositor: cannot write the log file /nonexistent/dir/x.log"), err);
    }

    /** Where the host name does not resolve (no network but loopback), Log4j once printed a stack trace before our first line. */
    @Test
    void anUnresolvableHostNameLeavesTheLogClean() throws Exception {
        Path dir = CompositorProcess.privateRuntimeDir();
        try {
            ProcessBuilder probe = new ProcessBuilder("unshare", "--uts", "--net", "true").redirectErrorStream(true);
            Process u = probe.start();
            Assumptions.assumeTrue(u.waitFor(10, TimeUnit.SECONDS) && u.exitValue() == 0, "unshare --uts --net needs root (or user namespaces)");
            List<String> java = CompositorProcess.builder(dir, HEADLESS).command();
            List<String> command = new ArrayList<>(List.of("unshare", "--uts", "--net", "sh", "-c", "hostname javawc-no-such-host && exec \"$@\"", "sh"));
            command.addAll(java);
            command.addAll(List.of("--", "sh", "-c", "exit 0"));
            ProcessBuilder pb = CompositorProcess.builder(dir).command(command);
            Process p = pb.start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String err = new String(p.getErrorStream().readAllBytes());
            assertEquals(0, p.exitValue(), err);
            assertFalse(err.contains("Exception") || err.contains("host name"), err);
            assertTrue(err.lines().findFirst().orElse("").matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO .*"), "the first line is ours: " + err);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void footRunsAsTheSessionCommand() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/foot")), "foot is not installed");
        try (CompositorProcess c = session("--debug", "--", "foot", "sh", "-c", "exit 0")) {
            assertEquals(0, c.awaitExit(30), c.stderr());
            String pid = group(c.stderr(), "started foot \\(pid (\\d+)\\)");
            assertTrue(c.stderr().contains("client 1 connected: pid " + pid + " (foot)"), c.stderr());
            assertTrue(c.stderr().contains("foot (pid " + pid + ") exited with status 0"), c.stderr());
        }
    }
}
