package javawc.compositor.shm;

import javawc.server.Client;
import javawc.server.protocol.WlDisplay;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Each client's shm pools and the bytes they map, against its limits: every pool holds one of
 * the compositor's descriptors and a mapping of its address space, so without a cap one client
 * could use up both for everyone. Past a limit the client gets wl_display's no_memory error.
 */
final class ShmLimits {
    /** Pools (and the buffers keeping a destroyed pool's file) one client may have mapped. */
    static final int MAX_POOLS = 1024;
    /** Bytes one client's pools may map together: more than any real client's buffers need. */
    static final long MAX_MAPPED_BYTES = 8L << 30;

    private static final class Usage {
        int pools;
        long bytes;
    }

    private final Map<Client, Usage> byClient = new IdentityHashMap<>();

    /** Counts a new pool of {@code bytes}, or posts the error and returns false. */
    boolean addPool(Client client, long bytes) {
        Usage u = byClient.computeIfAbsent(client, c -> new Usage());
        if (u.pools >= MAX_POOLS) {
            refuse(client, u, "too many shm pools: a client may have " + MAX_POOLS);
            return false;
        }
        if (u.bytes + bytes > MAX_MAPPED_BYTES) {
            refuse(client, u, "shm pools too large: a client may map " + (MAX_MAPPED_BYTES >> 20) + " MiB in all, this one asked for " + ((u.bytes + bytes) >> 20) + " MiB");
            return false;
        }
        u.pools++;
        u.bytes += bytes;
        return true;
    }

    /** Counts a pool growing by {@code more} bytes, or posts the error and returns false. */
    boolean grow(Client client, long more) {
        Usage u = byClient.get(client);
        if (u == null) return false;
        if (u.bytes + more > MAX_MAPPED_BYTES) {
            refuse(client, u, "shm pools too large: a client may map " + (MAX_MAPPED_BYTES >> 20) + " MiB in all, this one asked for " + ((u.bytes + more) >> 20) + " MiB");
            return false;
        }
        u.bytes += more;
        return true;
    }

    void removePool(Client client, long bytes) {
        Usage u = byClient.get(client);
        if (u == null) return;
        u.pools--;
        u.bytes -= bytes;
        if (u.pools <= 0) byClient.remove(client);
    }

    /** Clients with pools now; for tests that nothing is left behind. */
    int clientsWithPools() {
        return byClient.size();
    }

    private void refuse(Client client, Usage u, String why) {
        if (u.pools == 0) byClient.remove(client);
        client.postError(client.display(), WlDisplay.Error.NO_MEMORY, why);
    }
}
