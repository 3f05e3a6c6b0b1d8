package javawc.compositor.security;

import javawc.os.Epoll;
import javawc.os.LibC;
import javawc.os.NativeBuffer;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.os.Processes;
import javawc.server.EventLoop;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether a process descends from the compositor (its parent chain reaches us), asked for every
 * client that reads the registry while a privileged global is offered to our children only.
 * Remembered twice, so that a program that connects again and again (a script's wl-paste, a
 * panel that reconnects, a benchmark) pays no /proc read after its first connection:
 * <ul>
 * <li>per live process: its verdict with a pidfd, which says whether that very process still
 *     runs (one cheap syscall) where its pid alone could have been given to another process;
 * <li>per process on the way up, by pid and start time (a reused pid has another start time), so
 *     a new process of a known parent costs the read of its own /proc/PID/stat, and its
 *     parent's unless that parent is a remembered client (a terminal whose shell connects).
 * </ul>
 * Single-threaded: the event loop's.
 */
final class Lineage {
    /** What this needs from the OS; tests give a table of their own. */
    interface ProcessTable {
        /** {parent pid, start time} of {@code pid}, or null when it is gone. */
        long[] stat(int pid);

        /**
         * A handle on the process that has {@code pid} now, or null when none can be had;
         * {@code ended} runs on {@code loop} when that process ends (null loop: never).
         */
        Watch watch(int pid, EventLoop loop, Runnable ended);
    }

    /** One process, whatever pid it had (a pidfd). */
    interface Watch extends AutoCloseable {
        boolean running();

        @Override
        void close();
    }

    /** A process met as a client, with what was decided and logged about it. */
    static final class Member {
        final boolean descendant;
        private final Watch watch; // null: not remembered, asked again on its next connection
        /** The powers whose refusal was logged for this process (bits by {@link Privilege#ordinal}). */
        int loggedRefusals;

        private Member(boolean descendant, Watch watch) {
            this.descendant = descendant;
            this.watch = watch;
        }

        boolean remembered() {
            return watch != null;
        }
    }

    private static final int MAX_ANCESTRY = 64; // deeper than any real process tree; ends a loop if /proc changes under us
    static final int MAX_LIVE = 64, MAX_KNOWN = 1024;

    private final int selfPid;
    private final ProcessTable table;
    /** Clients' processes by pid, each with its pidfd: at most MAX_LIVE descriptors, the least recently seen go first. */
    private final Map<Integer, Member> live = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Member> eldest) {
            if (size() <= MAX_LIVE) return false;
            eldest.getValue().watch.close();
            return true;
        }
    };
    /** Every process walked through, by pid and start time, with its verdict. */
    private final Map<Known, Boolean> known = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Known, Boolean> eldest) {
            return size() > MAX_KNOWN;
        }
    };

    /** A process as /proc names it for good: its pid and its start time (clock ticks after boot). */
    private record Known(int pid, long startTime) {}

    Lineage(int selfPid, ProcessTable table) {
        this.selfPid = selfPid;
        this.table = table;
    }

    /**
     * The process that has {@code pid} now, as decided on its first connection if it is still
     * that one. A remembered process is forgotten, and its pidfd closed, when it ends ({@code
     * loop} tells), so no descriptor is held for a program that has gone.
     */
    Member member(int pid, EventLoop loop) {
        if (pid <= 0) return new Member(false, null); // unknown (another pid namespace): not ours
        if (pid == selfPid) return new Member(true, null); // a socketpair we made (Xwayland)
        Member m = live.get(pid);
        if (m != null) {
            if (m.watch.running()) return m;
            live.remove(pid).watch.close(); // ended: the pid may be another process's now
        }
        // the handle first, then /proc: if the process ends in between, the handle says so next time
        Member[] created = new Member[1];
        Watch watch = table.watch(pid, loop, () -> ended(pid, created[0]));
        boolean descendant = isDescendant(pid);
        if (watch == null) return new Member(descendant, null);
        m = created[0] = new Member(descendant, watch);
        live.put(pid, m);
        return m;
    }

    private void ended(int pid, Member m) {
        if (m == null) return;
        if (live.get(pid) == m) live.remove(pid);
        m.watch.close();
    }

    /**
     * Whether {@code pid} is this process or one it started, directly or not: its parent chain
     * reaches us. Reads /proc/PID/stat up the chain until a process already walked through or
     * a remembered client that still runs.
     */
    boolean isDescendant(int pid) {
        Known[] walked = new Known[MAX_ANCESTRY];
        int count = 0;
        boolean verdict = false;
        int current = pid;
        for (int depth = 0; depth < MAX_ANCESTRY && current > 1; depth++) {
            if (current == selfPid) {
                verdict = true;
                break;
            }
            Member parent = depth > 0 ? live.get(current) : null;
            if (parent != null && parent.watch.running()) {
                // a client's process that still runs: the parent pid names it, so its verdict stands
                verdict = parent.descendant;
                break;
            }
            long[] stat = table.stat(current);
            if (stat == null) break; // gone: not ours
            Known process = new Known(current, stat[1]);
            Boolean verdictBefore = known.get(process);
            if (verdictBefore != null) {
                verdict = verdictBefore;
                break;
            }
            walked[count++] = process;
            current = (int) stat[0];
        }
        for (int i = 0; i < count; i++) known.put(walked[i], verdict);
        return verdict;
    }

    /** How many processes are remembered with a pidfd (for tests). */
    int liveCount() {
        return live.size();
    }

    /** Closes the pidfds. */
    void forgetAll() {
        for (Member m : live.values()) m.watch.close();
        live.clear();
        known.clear();
    }

    /** The real table: /proc and pidfds. */
    static final class Proc implements ProcessTable {
        private static final int STAT_BYTES = 1024; // the fields we need are in the first ~400 bytes of /proc/PID/stat
        private final NativeBuffer scratch = new NativeBuffer(STAT_BYTES);

        @Override
        public long[] stat(int pid) {
            int fd = LibC.open("/proc/" + pid + "/stat", LibC.O_RDONLY | LibC.O_CLOEXEC, 0);
            if (fd < 0) return null; // gone
            long n;
            try (OwnedFd file = new OwnedFd(fd)) {
                n = LibC.read(file.get(), scratch.address(), STAT_BYTES);
            }
            return n <= 0 ? null : parseStat(scratch, (int) n);
        }

        @Override
        public Watch watch(int pid, EventLoop loop, Runnable ended) {
            OwnedFd pidfd;
            try {
                pidfd = Processes.pidfd(pid);
            } catch (OsException | UnsatisfiedLinkError e) {
                return null; // gone already, or a kernel or libc without pidfd_open: not remembered
            }
            EventLoop.Source source = null;
            if (loop != null) {
                try {
                    source = loop.add(pidfd.get(), Epoll.IN, events -> ended.run()); // a pidfd is readable once its process ends
                } catch (OsException e) {
                    pidfd.close();
                    return null;
                }
            }
            EventLoop.Source watched = source;
            return new Watch() {
                @Override
                public boolean running() {
                    return pidfd.isOpen() && Processes.running(pidfd);
                }

                @Override
                public void close() {
                    if (watched != null) watched.remove(); // before the fd is closed, as EventLoop asks
                    pidfd.close();
                }
            };
        }
    }

    /**
     * {parent pid, start time} from the first {@code length} bytes of a /proc/PID/stat: "pid
     * (comm) state ppid ... starttime ...", where comm may itself hold spaces and parentheses,
     * so fields are counted from the last ')'. Null when the text is not of that form.
     */
    static long[] parseStat(NativeBuffer text, int length) {
        var b = text.buffer();
        int close = length - 1;
        while (close >= 0 && b.get(close) != ')') close--;
        if (close < 0) return null;
        // after ") ": field 3 (state), then 4 (ppid) ... 22 (starttime)
        long ppid = -1, start = -1;
        int field = 3, i = close + 2;
        while (i < length && field <= 22) {
            int end = i;
            long value = 0;
            boolean digits = true;
            while (end < length && b.get(end) != ' ' && b.get(end) != '\n') {
                byte c = b.get(end);
                if (c < '0' || c > '9') digits = false;
                else value = value * 10 + (c - '0');
                end++;
            }
            if (field == 4) ppid = digits ? value : -1;
            if (field == 22) start = digits && end > i && end < length ? value : -1; // a delimiter after it: not cut short
            field++;
            i = end + 1;
        }
        return ppid < 0 || start < 0 ? null : new long[] {ppid, start};
    }
}
