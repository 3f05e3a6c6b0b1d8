package javawc.compositor.launch;

import javawc.os.Descriptors;
import javawc.os.Epoll;
import javawc.os.FileLimit;
import javawc.os.LibC;
import javawc.os.NativeBuffer;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.os.Processes;
import javawc.server.EventLoop;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The programs the compositor starts (the session's command; later a key binding's terminal
 * or an IPC "spawn"). Each runs in a process group of its own, so a Ctrl+C on the
 * compositor's terminal does not reach it and its whole group can be ended with it. Nothing
 * here blocks the event loop: a child's end is a pidfd becoming readable, its stdout and
 * stderr a non-blocking pipe read line by line into the log. At close, every group still
 * alive gets SIGTERM, and SIGKILL after a grace period.
 * <p>
 * A group is forgotten once it has no process left: the kernel does not hand out a pid that is
 * still some group's id, so a group we still track cannot have been replaced by a stranger's.
 */
public final class ChildProcesses implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(ChildProcesses.class);
    private static final Logger OUTPUT = LogManager.getLogger("javawc.child");
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);
    /** Reads of the output pipe when a child ends (up to 1 MiB): bounded, as a grandchild may go on writing. */
    private static final int DRAIN_ROUNDS = 16;

    /** Told on the loop thread when a child has ended, after its last output was logged. */
    public interface ExitListener {
        void exited(Child child, int waitStatus);
    }

    /** One started program: its name (argv[0]'s last part), pid (also its process group id) and, once ended, its wait status. */
    public final class Child {
        private final String name;
        private final int pid;
        private final ExitListener listener;
        private final OutputLines lines;
        private OwnedFd pidfd, output;
        private EventLoop.Source pidSource, outputSource;
        private int waitStatus = -1;

        private Child(String name, int pid, ExitListener listener) {
            this.name = name;
            this.pid = pid;
            this.listener = listener;
            this.lines = new OutputLines(line -> OUTPUT.info("{}[{}]: {}", name, pid, line));
        }

        public String name() {
            return name;
        }

        public int pid() {
            return pid;
        }

        /** The wait status, or -1 while it runs. */
        public int waitStatus() {
            return waitStatus;
        }

        private void ended() throws OsException {
            int status = Processes.reap(pid);
            if (status < 0) return; // not ended after all
            stopWatching();
            readOutput(DRAIN_ROUNDS); // what it wrote before it ended is logged before its end
            waitStatus = status;
            if (status == 0) LOG.info("{} (pid {}) exited with status 0", name, pid);
            else LOG.warn("{} (pid {}) {}", name, pid, Processes.describeStatus(status));
            if (!Processes.groupExists(pid)) groups.remove(pid);
            if (listener != null) listener.exited(this, status);
        }

        /** Reads and logs up to {@code rounds} buffers of output; closes the pipe at its end. */
        private void readOutput(int rounds) throws OsException {
            for (int i = 0; i < rounds && output != null; i++) {
                int n = Descriptors.readNonBlocking(output, readBuffer, readBuffer.capacity());
                if (n < 0) return;
                if (n == 0) {
                    lines.finish();
                    closeOutput();
                    return;
                }
                lines.accept(readBuffer.buffer(), n);
            }
        }

        private void stopWatching() {
            if (pidSource != null) pidSource.remove();
            pidSource = null;
            if (pidfd != null) pidfd.close();
        }

        private void closeOutput() {
            if (outputSource != null) outputSource.remove();
            outputSource = null;
            if (output != null) output.close();
            output = null;
        }

        @Override
        public String toString() {
            return name + " (pid " + pid + ")";
        }
    }

    private final EventLoop loop;
    private final Map<String, String> environment;
    private final Duration grace;
    private final NativeBuffer readBuffer = new NativeBuffer(64 * 1024);
    private final List<Child> children = new ArrayList<>();
    /** Process groups that may still have a process: child pid → child. */
    private final Map<Integer, Child> groups = new LinkedHashMap<>();
    private LaunchEnvironment launchEnvironment = new LaunchEnvironment();

    /** Children get exactly {@code environment} (the caller adds WAYLAND_DISPLAY to its own). */
    public ChildProcesses(EventLoop loop, Map<String, String> environment, Duration grace) {
        this.loop = loop;
        this.environment = Map.copyOf(environment);
        this.grace = grace;
    }

    public ChildProcesses(EventLoop loop, Map<String, String> environment) {
        this(loop, environment, DEFAULT_GRACE);
    }

    /** Variables made for each start by the protocols (an activation token), added to the fixed environment. */
    public void useLaunchEnvironment(LaunchEnvironment e) {
        launchEnvironment = e;
    }

    /** Starts {@code argv} (argv[0] looked up in PATH); call on the loop thread. */
    public Child spawn(List<String> argv) throws IOException {
        return spawn(argv, null);
    }

    /**
     * Starts {@code argv}, telling {@code listener} (may be null) when it ends. A command that
     * cannot run (not found, not executable) throws, with a message that says so.
     */
    public Child spawn(List<String> argv, ExitListener listener) throws IOException {
        return spawn(argv, List.of(), listener);
    }

    /**
     * Starts {@code argv} with {@code inherit}'s fds as its fds 3, 4, 5... (see
     * {@link Processes#spawn(List, List, OwnedFd, List)}); they stay the caller's to close.
     */
    public Child spawn(List<String> argv, List<OwnedFd> inherit, ExitListener listener) throws IOException {
        if (argv.isEmpty() || argv.getFirst().isEmpty()) throw new IllegalArgumentException("no command to start");
        forgetEndedGroups();
        List<String> env = new ArrayList<>();
        environment.forEach((k, v) -> env.add(k + "=" + v));
        launchEnvironment.addTo(argv, env);
        OwnedFd[] pipe = Descriptors.pipeNonBlockingRead();
        int pid;
        long raisedLimit = FileLimit.lowerForChild(); // the child gets the descriptor limit we were started with
        try (OwnedFd writeEnd = pipe[1]) { // the child's copies are its own; ours closes so we see its end of output
            pid = Processes.spawn(argv, env, writeEnd, inherit);
        } catch (Processes.SpawnException e) {
            pipe[0].close();
            throw new Processes.SpawnException("cannot start " + argv.getFirst() + ": " + why(argv.getFirst(), e.errno()), e.errno());
        } catch (OsException | RuntimeException e) {
            pipe[0].close();
            throw e;
        } finally {
            FileLimit.restore(raisedLimit);
        }
        Child child = new Child(displayName(argv.getFirst()), pid, listener);
        child.output = pipe[0];
        children.add(child);
        groups.put(pid, child);
        try {
            child.pidfd = Processes.pidfd(pid);
            child.pidSource = loop.add(child.pidfd.get(), Epoll.IN, events -> child.ended());
            child.outputSource = loop.add(child.output.get(), Epoll.IN, events -> child.readOutput(1));
        } catch (OsException e) {
            // started but cannot be watched: do not leave it running unseen
            LOG.error("cannot watch {} (pid {}): {}; ending it", child.name, pid, e.getMessage());
            Processes.signalGroup(pid, Processes.SIGKILL);
            throw e;
        }
        LOG.info("started {} (pid {}): {}", child.name, pid, argv);
        return child;
    }

    private static String why(String command, int errno) {
        if (errno == LibC.ENOENT) return command.contains("/") ? "no such file" : "command not found (not in PATH)";
        if (errno == LibC.EACCES) return "permission denied (not an executable file?)";
        return LibC.describe(errno);
    }

    static String displayName(String argv0) {
        String name = argv0.substring(argv0.lastIndexOf('/') + 1);
        return name.isEmpty() ? argv0 : name;
    }

    /** Children still running (their process, not their group). */
    public List<Child> running() {
        return children.stream().filter(c -> c.waitStatus < 0).toList();
    }

    /** How many children are still tracked (running, or their output or group not yet ended); for tests. */
    int trackedCount() {
        return children.size();
    }

    /** Drops what a long session would otherwise pile up: children that ended, whose output ended and whose group is gone. */
    private void forgetEndedGroups() throws OsException {
        for (var it = groups.entrySet().iterator(); it.hasNext(); ) {
            Child c = it.next().getValue();
            if (c.waitStatus >= 0 && !Processes.groupExists(c.pid)) it.remove();
        }
        children.removeIf(c -> c.waitStatus >= 0 && c.output == null && !groups.containsKey(c.pid));
    }

    /**
     * Ends every group still alive: SIGTERM, then SIGKILL for what is left after the grace
     * period. Blocks up to the grace period (the loop is no longer running by then). Exit
     * listeners are not told any more.
     */
    @Override
    public void close() {
        try {
            List<Child> alive = new ArrayList<>();
            for (Child c : groups.values()) {
                if (signal(c, Processes.SIGTERM)) {
                    alive.add(c);
                    LOG.info("ending {} and its process group", c);
                }
            }
            if (!awaitGroupsGone(alive, grace)) {
                for (Child c : alive) {
                    if (signal(c, Processes.SIGKILL)) LOG.warn("{}'s process group outlived SIGTERM by {} ms: killed", c, grace.toMillis());
                }
                if (!awaitGroupsGone(alive, Duration.ofSeconds(1))) LOG.warn("process groups still there after SIGKILL: {}", alive);
            }
            for (Child c : children) c.readOutput(DRAIN_ROUNDS); // their last words, if any
        } catch (OsException e) {
            LOG.error("ending child processes: {}", e.getMessage());
        } finally {
            for (Child c : children) {
                c.stopWatching();
                c.closeOutput();
            }
            groups.clear();
        }
    }

    private static boolean signal(Child c, int signal) {
        try {
            return Processes.signalGroup(c.pid, signal);
        } catch (OsException e) {
            LOG.warn("cannot signal {}'s process group: {}", c, e.getMessage()); // EPERM: only others' processes left in it
            return false;
        }
    }

    /** Polls, reaping our own children, until no group in {@code alive} has a live (not zombie) process. */
    private boolean awaitGroupsGone(List<Child> alive, Duration timeout) throws OsException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (var it = alive.iterator(); it.hasNext(); ) {
                Child c = it.next();
                if (c.waitStatus < 0) {
                    int status = Processes.reap(c.pid);
                    if (status >= 0) {
                        c.waitStatus = status;
                        LOG.info("{} {}", c, Processes.describeStatus(status));
                    }
                }
                if (!Processes.groupHasLiveProcess(c.pid)) it.remove();
            }
            if (alive.isEmpty()) return true;
            if (System.nanoTime() > deadline) return false;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
