package javawc.compositor.launch;

import javawc.os.FileLimit;
import javawc.os.Processes;
import javawc.server.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Real programs started through a real event loop on the test's thread. */
class ChildProcessesTest {
    private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"), "JAVAWC_TEST_VAR", "hello");

    private final List<String> events = new CopyOnWriteArrayList<>();
    private EventLoop loop;
    private LogCapture log;

    @BeforeEach
    void start() throws IOException {
        loop = new EventLoop();
        log = new LogCapture("javawc.child", events);
    }

    @AfterEach
    void stop() {
        log.close();
        loop.close();
    }

    private void dispatchUntil(BooleanSupplier done) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out; seen: " + events);
            loop.dispatch(50);
        }
    }

    private List<String> outputOf(ChildProcesses.Child c) {
        String prefix = c.name() + "[" + c.pid() + "]: ";
        return events.stream().filter(e -> e.startsWith(prefix)).map(e -> e.substring(prefix.length())).toList();
    }

    private static long openFds() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    /** Gone, or a zombie waiting for a parent (init) that is not ours. */
    private static boolean gone(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    void theExitStatusComesAfterEveryLineTheChildWrote() throws IOException {
        try (ChildProcesses children = new ChildProcesses(loop, ENV)) {
            int[] status = {-1};
            ChildProcesses.Child c = children.spawn(List.of("sh", "-c", "echo one; echo two >&2; printf three; exit 3"), (child, s) -> {
                events.add("exited");
                status[0] = s;
            });
            assertEquals("sh", c.name());
            assertEquals(List.of(c), children.running());
            dispatchUntil(() -> status[0] >= 0);
            assertEquals(3, Processes.exitCode(status[0]));
            assertEquals("exited with status 3", Processes.describeStatus(status[0]));
            assertEquals(List.of("one", "two", "three"), outputOf(c), "stdout and stderr, the last line without its newline");
            assertEquals("exited", events.getLast(), "the end is told after the output: " + events);
            assertEquals(List.of(), children.running());
        }
    }

    @Test
    void aChildLeadsItsOwnGroupWithOnlyStdioAndTheGivenEnvironment() throws IOException {
        try (ChildProcesses children = new ChildProcesses(loop, ENV)) {
            boolean[] ended = {false};
            ChildProcesses.Child c = children.spawn(List.of("/bin/sh", "-c",
                    "ls /proc/$$/fd; echo pgid=$(cut -d' ' -f5 /proc/$$/stat); echo var=$JAVAWC_TEST_VAR home=$HOME; read x; echo stdin=$?"),
                    (child, s) -> ended[0] = true);
            assertEquals("sh", c.name(), "named after argv[0]'s last part");
            dispatchUntil(() -> ended[0]);
            assertEquals(List.of("0", "1", "2", "pgid=" + c.pid(), "var=hello home=", "stdin=1"), outputOf(c),
                    "no fd of ours inherited; its own process group; our environment only; stdin at end of file");
        }
    }

    @Test
    void aChildGetsTheDescriptorLimitTheCompositorStartedWithNotTheRaisedOne() throws Exception {
        long[] before = FileLimit.current();
        org.junit.jupiter.api.Assumptions.assumeTrue(before[1] > 1024, "the hard limit leaves nothing to raise");
        try (ChildProcesses children = new ChildProcesses(loop, ENV)) {
            FileLimit.setSoft(1024); // as a login session starts us
            FileLimit.raiseToHard();
            boolean[] ended = {false};
            ChildProcesses.Child c = children.spawn(List.of("sh", "-c", "ulimit -Sn; ulimit -Hn"), (child, s) -> ended[0] = true);
            assertEquals(before[1], FileLimit.current()[0], "ours stays raised");
            dispatchUntil(() -> ended[0]);
            assertEquals(List.of("1024", Long.toString(before[1])), outputOf(c), "select() users among the children keep working");
        } finally {
            FileLimit.setSoft(before[0]);
        }
    }

    @Test
    void aCommandThatCannotRunSaysWhyAndLeavesNothingOpen() throws IOException {
        Path notExecutable = Files.createTempFile("javawc-not-executable", ".sh");
        try (ChildProcesses children = new ChildProcesses(loop, ENV)) {
            long fds = openFds();
            var notFound = assertThrows(Processes.SpawnException.class, () -> children.spawn(List.of("no-such-javawc-command", "x")));
            assertEquals("cannot start no-such-javawc-command: command not found (not in PATH)", notFound.getMessage());
            var noFile = assertThrows(Processes.SpawnException.class, () -> children.spawn(List.of("/nonexistent/javawc")));
            assertEquals("cannot start /nonexistent/javawc: no such file", noFile.getMessage());
            var denied = assertThrows(Processes.SpawnException.class, () -> children.spawn(List.of(notExecutable.toString())));
            assertTrue(denied.getMessage().endsWith(": permission denied (not an executable file?)"), denied.getMessage());
            assertEquals(fds, openFds(), "pipes closed again");
            assertEquals(List.of(), children.running());
        } finally {
            Files.delete(notExecutable);
        }
    }

    @Test
    void endedChildrenDoNotPileUp() throws IOException {
        try (ChildProcesses children = new ChildProcesses(loop, ENV)) {
            for (int i = 0; i < 5; i++) {
                ChildProcesses.Child c = children.spawn(List.of("true"));
                dispatchUntil(() -> c.waitStatus() >= 0);
            }
            assertTrue(children.trackedCount() <= 1, "only the last one may still be tracked: " + children.trackedCount());
        }
    }

    @Test
    void closeEndsTheWholeGroupWithSigterm() throws IOException {
        long fds = openFds();
        long grandchild;
        long started;
        ChildProcesses.Child c;
        try (ChildProcesses children = new ChildProcesses(loop, ENV, Duration.ofSeconds(10))) {
            c = children.spawn(List.of("sh", "-c", "sleep 1000 & echo $!; wait"));
            dispatchUntil(() -> !outputOf(c).isEmpty());
            grandchild = Long.parseLong(outputOf(c).getFirst());
            assertFalse(gone(grandchild));
            started = System.nanoTime();
        }
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos(), "SIGTERM was enough: no waiting for the grace period");
        assertTrue(gone(c.pid()) && gone(grandchild), "child and grandchild ended");
        assertEquals(fds, openFds(), "pidfd and pipe closed");
    }

    @Test
    void whatIgnoresSigtermIsKilledAfterTheGracePeriod() throws IOException {
        long grandchild;
        long started;
        ChildProcesses.Child c;
        try (ChildProcesses children = new ChildProcesses(loop, ENV, Duration.ofMillis(300))) {
            // the sleep inherits the ignored SIGTERM; the shell has already ended (exec'd echo is not needed)
            c = children.spawn(List.of("sh", "-c", "trap '' TERM; sleep 1000 & echo $!"));
            dispatchUntil(() -> c.waitStatus() >= 0);
            grandchild = Long.parseLong(outputOf(c).getFirst());
            assertFalse(gone(grandchild), "the group outlives its leader");
            started = System.nanoTime();
        }
        long took = System.nanoTime() - started;
        assertTrue(took >= Duration.ofMillis(300).toNanos() && took < Duration.ofSeconds(5).toNanos(), took + " ns");
        assertTrue(gone(grandchild), "killed");
    }
}
