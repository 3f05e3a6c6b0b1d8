package javawc.compositor.security;

import javawc.server.Client;
import javawc.server.Global;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which clients are offered each privileged global (docs/configuration.md, [privileges]).
 * A refused client is not told of the global, as wlroots' global filter does, so tools fall
 * back where they can; the first refusal per client process and power is logged with the setting
 * that decided it.
 */
public final class Privileges {
    private static final Logger LOG = LogManager.getLogger(Privileges.class);

    private final Map<Privilege, Privilege.Access> access;
    private final Lineage lineage;
    private final Map<Global, Privilege> restricted = new IdentityHashMap<>();
    /** Refusals logged for processes Lineage could not remember (no pidfd), by pid: the processes seen last. */
    private final Map<Integer, Integer> loggedByPid = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Integer> eldest) {
            return size() > 256;
        }
    };

    /** {@code configured}: the [privileges] settings; the others take their default. */
    public Privileges(Map<Privilege, Privilege.Access> configured, int selfPid) {
        this(configured, selfPid, new Lineage.Proc());
    }

    Privileges(Map<Privilege, Privilege.Access> configured, int selfPid, Lineage.ProcessTable processes) {
        this.access = new EnumMap<>(Privilege.class);
        for (Privilege p : Privilege.values()) access.put(p, configured.getOrDefault(p, p.defaultAccess()));
        this.lineage = new Lineage(selfPid, processes);
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
        String interfaceName = global.interfaceName();
        global.restrictTo(client -> allows(client, privilege, interfaceName));
    }

    /** The power {@code global} was restricted to, or null for a global every client is offered (--list-globals). */
    public Privilege privilegeOf(Global global) {
        return restricted.get(global);
    }

    boolean allows(Client client, Privilege privilege, String interfaceName) {
        Privilege.Access setting = access.get(privilege);
        boolean allowed = switch (setting) {
            case ALL -> true;
            case NONE -> false;
            case CHILDREN -> member(client).descendant;
        };
        if (!allowed && firstRefusal(client, privilege)) {
            LOG.info("{} (pid {}, {}) is not offered {}: [privileges] {} = \"{}\"", client, client.pid(), client.command(), interfaceName,
                    privilege.key(), setting.key());
        }
        return allowed;
    }

    /**
     * The client's process: looked up once per client, on its first privileged global, and kept
     * on the client (a registry asks about each privileged global in a row); Lineage remembers
     * the process across its connections.
     */
    private Lineage.Member member(Client client) {
        if (client.policyNote() instanceof Lineage.Member m) return m;
        Lineage.Member m = lineage.member(client.pid(), client.server().loop());
        client.setPolicyNote(m);
        return m;
    }

    /** Whether this refusal is the first of {@code privilege} for the client's process (and so is logged). */
    private boolean firstRefusal(Client client, Privilege privilege) {
        int bit = 1 << privilege.ordinal();
        Lineage.Member m = member(client);
        if (m.remembered()) {
            if ((m.loggedRefusals & bit) != 0) return false;
            m.loggedRefusals |= bit;
            return true;
        }
        int logged = loggedByPid.getOrDefault(client.pid(), 0);
        if ((logged & bit) != 0) return false;
        loggedByPid.put(client.pid(), logged | bit);
        return true;
    }

    /** Whether {@code pid} is this process or one it started, directly or not (see {@link Lineage}). */
    boolean isDescendant(int pid) {
        return lineage.member(pid, null).descendant;
    }

    /** The parent pid from /proc/PID/stat, 0 if gone. */
    static int parentOf(int pid) {
        long[] stat = new Lineage.Proc().stat(pid);
        return stat == null ? 0 : (int) stat[0];
    }
}
