package javawc.compositor.security;

import javawc.server.Client;
import javawc.server.Global;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Which clients are offered each privileged global (docs/configuration.md, [privileges]).
 * A refused client is not told of the global, as wlroots' global filter does, so tools fall
 * back where they can; the first refusal per client and power is logged with the setting
 * that decided it.
 */
public final class Privileges {
    private static final Logger LOG = LogManager.getLogger(Privileges.class);
    private static final int MAX_ANCESTRY = 64; // deeper than any real process tree; ends a loop if /proc changes under us

    private final Map<Privilege, Privilege.Access> access;
    private final int selfPid;
    private final Map<Client, Set<Privilege>> logged = new WeakHashMap<>(); // a client object goes when it disconnects

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
        global.restrictTo(client -> allows(client, privilege, global.interfaceName()));
    }

    boolean allows(Client client, Privilege privilege, String interfaceName) {
        boolean allowed = switch (access.get(privilege)) {
            case ALL -> true;
            case NONE -> false;
            case CHILDREN -> isDescendant(client.pid());
        };
        if (!allowed && logged.computeIfAbsent(client, c -> EnumSet.noneOf(Privilege.class)).add(privilege)) {
            LOG.info("{} (pid {}, {}) is not offered {}: [privileges] {} = \"{}\"", client, client.pid(), client.command(), interfaceName,
                    privilege.key(), access.get(privilege).key());
        }
        return allowed;
    }

    /**
     * Whether {@code pid} is this process or one it started, directly or not: its parent chain
     * in /proc reaches us. A client on a socketpair we made (Xwayland) reports our own pid.
     */
    boolean isDescendant(int pid) {
        int current = pid;
        for (int depth = 0; depth < MAX_ANCESTRY && current > 1; depth++) {
            if (current == selfPid) return true;
            current = parentOf(current);
        }
        return false;
    }

    /** The parent pid from /proc/PID/stat (after the command's closing parenthesis, which may itself hold spaces), 0 if gone. */
    static int parentOf(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            int close = stat.lastIndexOf(')');
            String[] fields = stat.substring(close + 2).split(" ", 3); // state, ppid, ...
            return Integer.parseInt(fields[1]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
