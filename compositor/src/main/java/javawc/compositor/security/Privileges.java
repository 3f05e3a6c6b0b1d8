package javawc.compositor.security;

import javawc.server.Client;
import javawc.server.Global;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Which clients are offered each privileged global (docs/configuration.md, [privileges]).
 * A refused client is not told of the global, as wlroots' global filter does, so tools fall
 * back where they can; the first refusal per client process and power is logged with the setting
 * that decided it.
 */
public final class Privileges {
    private static final Logger LOG = LogManager.getLogger(Privileges.class);
    private static final int MAX_ANCESTRY = 64; // deeper than any real process tree; ends a loop if /proc changes under us

    private final Map<Privilege, Privilege.Access> access;
    private final int selfPid;
    // Each registry asks about every privileged global: the /proc walk is made once per client
    // (a client object goes from the map when it disconnects), and a refusal is logged once per
    // process and power, so a program that connects again and again (a script's wl-paste, a
    // benchmark) neither walks /proc nor logs for every connection.
    private final Map<Client, Boolean> descendants = new WeakHashMap<>();
    private final Map<Integer, Set<Privilege>> logged = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Set<Privilege>> eldest) {
            return size() > 256; // the processes seen last; an old pid's lines may come again
        }
    };
    private final Map<Global, Privilege> restricted = new java.util.IdentityHashMap<>();

    /** {@code configured}: the [privileges] settings; the others take their default. */
    public Privileges(Map<Privilege, Privilege.Access> configured, int selfPid) {
        this.access = new EnumMap<>(Privilege.class);
        for (Privilege p : Privilege.values()) access.put(p, configured.getOrDefault(p, p.defaultAccess()));
        this.selfPid = selfPid;
    }

    /** Every privileged global offered to every client (the conformance host, whose clients run in its own process). */
    public static Privileges allowAll() {
        Map<Privilege, Privilege.Access> all = new EnumMap<>(Privilege.class);
        for (Privilege p : Privilege.values()) all.put(p, Privilege.Access.ALL);
        return new Privileges(all, (int) ProcessHandle.current().pid());
    }

    public Privilege.Access access(Privilege privilege) {
        return access.get(privilege);
    }

    /** Offers {@code global} only to the clients the policy for {@code privilege} allows. */
    public void restrict(Global global, Privilege privilege) {
        restricted.put(global, privilege);
        global.restrictTo(client -> allows(client, privilege, global.interfaceName()));
    }

    /** The power {@code global} was restricted to, or null for a global every client is offered (--list-globals). */
    public Privilege privilegeOf(Global global) {
        return restricted.get(global);
    }

    boolean allows(Client client, Privilege privilege, String interfaceName) {
        boolean allowed = switch (access.get(privilege)) {
            case ALL -> true;
            case NONE -> false;
            case CHILDREN -> descendants.computeIfAbsent(client, c -> isDescendant(c.pid()));
        };
        if (!allowed && logged.computeIfAbsent(client.pid(), pid -> EnumSet.noneOf(Privilege.class)).add(privilege)) {
            LOG.info("{} (pid {}, {}) is not offered {}: [privileges] {} = \"{}\"", client, client.pid(), client.command(), interfaceName,
                    privilege.key(), access.get(privilege).key());
        }
        return allowed;
    }

    /**
     * Whether {@code pid} is this process or one it started, directly or not: its parent chain
     * in /proc reaches us. A client on a socketpair we made (Xwayland) reports our own pid.
     * Each process on the way is remembered with its start time (a reused pid has another), so
     * a new process of a known parent costs two reads of /proc instead of its whole ancestry.
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
            long[] stat = stat(current);
            if (stat == null) break; // gone: not ours
            Known process = new Known(current, stat[1]);
            Boolean known = verdicts.get(process);
            if (known != null) {
                verdict = known;
                break;
            }
            walked[count++] = process;
            current = (int) stat[0];
        }
        for (int i = 0; i < count; i++) verdicts.put(walked[i], verdict);
        return verdict;
    }

    /** A process as /proc names it for good: its pid and its start time (clock ticks after boot). */
    private record Known(int pid, long startTime) {}

    private final Map<Known, Boolean> verdicts = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Known, Boolean> eldest) {
            return size() > 1024;
        }
    };

    /** The parent pid from /proc/PID/stat (after the command's closing parenthesis, which may itself hold spaces), 0 if gone. */
    static int parentOf(int pid) {
        long[] stat = stat(pid);
        return stat == null ? 0 : (int) stat[0];
    }

    /** {parent pid, start time} from /proc/PID/stat, null if the process is gone. */
    private static long[] stat(int pid) {
        try {
            // one small read (the fields we need are in the first hundred bytes) instead of
            // Files.readString's buffers sized for a file whose length /proc does not tell
            byte[] buffer = new byte[1024];
            int n;
            try (var in = new java.io.FileInputStream("/proc/" + pid + "/stat")) {
                n = in.read(buffer);
            }
            if (n <= 0) return null;
            String stat = new String(buffer, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
            int close = stat.lastIndexOf(')');
            String[] fields = stat.substring(close + 2).split(" ", 21); // state (field 3), ppid (4), ... starttime (22)
            return new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[19])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
