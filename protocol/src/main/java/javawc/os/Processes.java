package javawc.os;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.StringArray;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Starting and watching child processes without Java's ProcessBuilder, which can neither put a
 * child in a process group of its own nor give us a pidfd to wait on in epoll. A child is
 * started with posix_spawnp (glibc reports a failed exec, such as a command that is not found,
 * as the call's result), in a new process group whose id is its pid, with default signal
 * dispositions, an empty signal mask, stdin on /dev/null, stdout and stderr on the given fd,
 * and no other descriptor inherited (closefrom 3: the JVM's own files are not all
 * close-on-exec). Struct sizes are those of x86_64 glibc.
 */
public final class Processes {
    private Processes() {}

    /** Direct-mapped like {@link LibC}, kept apart so a libc without these only breaks spawning. */
    private static final class Spawn {
        static {
            LibC.errno(); // LibC's platform check and JNA's search path first
            Native.register(LibC.LIBRARY);
        }

        static native int posix_spawnp(int[] pid, String file, long fileActions, long attr, long argv, long envp);
        static native int posix_spawnattr_init(long attr);
        static native int posix_spawnattr_destroy(long attr);
        static native int posix_spawnattr_setflags(long attr, short flags);
        static native int posix_spawnattr_setpgroup(long attr, int pgroup);
        static native int posix_spawnattr_setsigmask(long attr, long sigset);
        static native int posix_spawnattr_setsigdefault(long attr, long sigset);
        static native int posix_spawn_file_actions_init(long actions);
        static native int posix_spawn_file_actions_destroy(long actions);
        static native int posix_spawn_file_actions_addopen(long actions, int fd, String path, int flags, int mode);
        static native int posix_spawn_file_actions_adddup2(long actions, int fd, int newFd);
        static native int posix_spawn_file_actions_addclosefrom_np(long actions, int from);
        static native int sigemptyset(long set);
        static native int sigfillset(long set);
        static native int pidfd_open(int pid, int flags);
        static native int pidfd_send_signal(int pidfd, int sig, long info, int flags);
        static native int waitpid(int pid, int[] status, int options);
    }

    private static final short POSIX_SPAWN_SETPGROUP = 0x02, POSIX_SPAWN_SETSIGDEF = 0x04, POSIX_SPAWN_SETSIGMASK = 0x08;
    private static final int ATTR_SIZE = 336, FILE_ACTIONS_SIZE = 80, SIGSET_SIZE = 128;
    private static final int WNOHANG = 1;
    public static final int SIGKILL = 9, SIGTERM = 15;
    private static final int ESRCH = 3;

    /** A program that could not be started: {@code errno} says why (ENOENT: not found, EACCES: not executable). */
    public static final class SpawnException extends IOException {
        private final int errno;

        public SpawnException(String message, int errno) {
            super(message);
            this.errno = errno;
        }

        public int errno() {
            return errno;
        }
    }

    /**
     * Starts {@code argv} (argv[0] looked up in PATH) with exactly {@code environment}
     * ("NAME=value" entries) as the leader of a new process group; its stdout and stderr are
     * {@code output}. Returns the pid, which is also the process group id.
     */
    public static int spawn(List<String> argv, List<String> environment, OwnedFd output) throws OsException, SpawnException {
        return spawn(argv, environment, output, List.of());
    }

    /**
     * As {@link #spawn(List, List, OwnedFd)}, and the child also gets {@code inherit}'s fds as
     * its fds 3, 4, 5... in that order (the only ones past stderr it inherits): how a program is
     * handed sockets it is told about by number (Xwayland's -listenfd, -wm, WAYLAND_SOCKET).
     */
    public static int spawn(List<String> argv, List<String> environment, OwnedFd output, List<OwnedFd> inherit) throws OsException, SpawnException {
        if (argv.isEmpty()) throw new IllegalArgumentException("no command");
        for (OwnedFd fd : inherit) {
            // a source already numbered 3..3+n could be overwritten by an earlier dup2 before it is copied
            if (fd.get() < 3 + inherit.size()) throw new IllegalArgumentException("an inherited fd must be above " + (2 + inherit.size()) + ": " + fd);
        }
        NativeBuffer attr = new NativeBuffer(ATTR_SIZE), actions = new NativeBuffer(FILE_ACTIONS_SIZE);
        NativeBuffer noSignals = new NativeBuffer(SIGSET_SIZE), allSignals = new NativeBuffer(SIGSET_SIZE);
        check(Spawn.posix_spawnattr_init(attr.address()), "posix_spawnattr_init");
        try {
            check(Spawn.posix_spawn_file_actions_init(actions.address()), "posix_spawn_file_actions_init");
            try {
                Spawn.sigemptyset(noSignals.address());
                Spawn.sigfillset(allSignals.address());
                check(Spawn.posix_spawnattr_setflags(attr.address(), (short) (POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)), "posix_spawnattr_setflags");
                check(Spawn.posix_spawnattr_setpgroup(attr.address(), 0), "posix_spawnattr_setpgroup"); // 0: a group named after the child
                check(Spawn.posix_spawnattr_setsigmask(attr.address(), noSignals.address()), "posix_spawnattr_setsigmask");
                check(Spawn.posix_spawnattr_setsigdefault(attr.address(), allSignals.address()), "posix_spawnattr_setsigdefault");
                // stdin is not the terminal's: a child in a background process group reading it would be stopped
                check(Spawn.posix_spawn_file_actions_addopen(actions.address(), 0, "/dev/null", LibC.O_RDONLY, 0), "posix_spawn_file_actions_addopen");
                check(Spawn.posix_spawn_file_actions_adddup2(actions.address(), output.get(), 1), "posix_spawn_file_actions_adddup2");
                check(Spawn.posix_spawn_file_actions_adddup2(actions.address(), output.get(), 2), "posix_spawn_file_actions_adddup2");
                for (int i = 0; i < inherit.size(); i++) {
                    // dup2 to a new number clears close-on-exec on the copy: the child keeps it
                    check(Spawn.posix_spawn_file_actions_adddup2(actions.address(), inherit.get(i).get(), 3 + i), "posix_spawn_file_actions_adddup2");
                }
                check(Spawn.posix_spawn_file_actions_addclosefrom_np(actions.address(), 3 + inherit.size()), "posix_spawn_file_actions_addclosefrom_np");
                StringArray args = new StringArray(argv.toArray(String[]::new));
                StringArray env = new StringArray(environment.toArray(String[]::new));
                int[] pid = new int[1];
                int error = Spawn.posix_spawnp(pid, argv.getFirst(), actions.address(), attr.address(), Pointer.nativeValue(args), Pointer.nativeValue(env));
                Reference.reachabilityFence(args);
                Reference.reachabilityFence(env);
                if (error != 0) throw new SpawnException("cannot run " + argv.getFirst() + ": " + LibC.describe(error), error);
                return pid[0];
            } finally {
                Spawn.posix_spawn_file_actions_destroy(actions.address());
            }
        } finally {
            Spawn.posix_spawnattr_destroy(attr.address());
        }
    }

    private static void check(int error, String what) throws OsException {
        if (error != 0) throw new OsException(what, error); // posix_spawn* return the error number
    }

    /** A pidfd for {@code pid} (close-on-exec): readable in epoll once the process has ended. */
    public static OwnedFd pidfd(int pid) throws OsException {
        return OwnedFd.check(Spawn.pidfd_open(pid, 0), "pidfd_open " + pid);
    }

    /**
     * Whether the process {@code pidfd} refers to has not ended yet (a zombie not yet reaped
     * counts: its pid is still not free for another process). One syscall, signal 0 through the
     * pidfd, which unlike {@code kill(pid, 0)} cannot reach a later process given the same pid.
     */
    public static boolean running(OwnedFd pidfd) {
        if (Spawn.pidfd_send_signal(pidfd.get(), 0, 0, 0) == 0) return true;
        return LibC.errno() == LibC.EPERM; // there, but not ours to signal
    }

    /**
     * Reaps our child {@code pid} if it has ended: its wait status (decode with
     * {@link #describeStatus}, {@link #exitCode}), or -1 while it still runs.
     */
    public static int reap(int pid) throws OsException {
        int[] status = new int[1];
        while (true) {
            int r = Spawn.waitpid(pid, status, WNOHANG);
            if (r == pid) return status[0];
            if (r == 0) return -1;
            if (LibC.errno() != LibC.EINTR) throw OsException.last("waitpid " + pid);
        }
    }

    /** Sends {@code signal} to every process of group {@code pgid}; false when the group has no process left. */
    public static boolean signalGroup(int pgid, int signal) throws OsException {
        if (pgid <= 1) throw new IllegalArgumentException("not a child's process group: " + pgid);
        if (LibC.kill(-pgid, signal) == 0) return true;
        if (LibC.errno() == ESRCH) return false;
        throw OsException.last("kill -" + signal + " -" + pgid);
    }

    /** Whether group {@code pgid} still has a process (zombies count until reaped; so do processes we may not signal). */
    public static boolean groupExists(int pgid) throws OsException {
        if (pgid <= 1) throw new IllegalArgumentException("not a child's process group: " + pgid);
        if (LibC.kill(-pgid, 0) == 0) return true;
        int errno = LibC.errno();
        if (errno == ESRCH) return false;
        if (errno == LibC.EPERM) return true; // e.g. a setuid program left in the group
        throw new OsException("kill -0 -" + pgid, errno);
    }

    /**
     * Whether group {@code pgid} has a process that has not ended, from /proc: unlike
     * {@link #groupExists}, zombies do not count. An orphan's zombie waits for init, which in
     * some containers reaps late or never, and must not hold up a shutdown.
     */
    public static boolean groupHasLiveProcess(int pgid) {
        try (var entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : entries) {
                String stat;
                try {
                    stat = Files.readString(dir.resolve("stat"));
                } catch (IOException e) {
                    continue; // ended while we looked
                }
                // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so count from the last ')'
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 4);
                if (fields.length >= 3 && Integer.parseInt(fields[2]) == pgid && !fields[0].equals("Z") && !fields[0].equals("X")) return true;
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return true; // cannot tell: assume it lives, so it is signalled again rather than left
        }
    }

    /** The exit status for a wait status: the code of a normal exit, 128 + the signal of a killed process (as shells say it). */
    public static int exitCode(int status) {
        int signal = status & 0x7f;
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal;
    }

    /** The command name the kernel keeps for {@code pid} (/proc/PID/comm, at most 15 bytes), or "?" when it is gone or unknown. */
    public static String commandName(int pid) {
        if (pid <= 0) return "?";
        try {
            // comm is at most 16 bytes: one small read, where Files.readString sized a buffer for a /proc file's unknown length
            byte[] name = new byte[32];
            int n;
            try (var in = new java.io.FileInputStream("/proc/" + pid + "/comm")) {
                n = in.read(name);
            }
            while (n > 0 && (name[n - 1] == '\n' || name[n - 1] == ' ')) n--;
            return n <= 0 ? "" : new String(name, 0, n, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return "?";
        }
    }

    /** "exited with status 3", "killed by signal 9"... */
    public static String describeStatus(int status) {
        int signal = status & 0x7f;
        if (signal == 0) return "exited with status " + ((status >> 8) & 0xff);
        return "killed by signal " + signal + ((status & 0x80) != 0 ? " (core dumped)" : "");
    }
}
