package javawc.server;

import javawc.wire.InterfaceSpec;
import javawc.wire.MessageReader;
import javawc.wire.MessageWriter;
import javawc.wire.WireObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The server's side of one protocol object of one client. Generated subclasses (one per
 * interface, in {@code javawc.server.protocol}) decode requests into their handler and encode
 * events; this class holds what they share: the owning client, liveness, errors, and
 * destruction.
 */
public abstract class Resource extends WireObject {
    private final Client client;
    private boolean alive = true;
    private List<Runnable> destroyListeners;

    protected Resource(Client client, int version, InterfaceSpec spec) {
        super(spec, version);
        this.client = client;
    }

    public final Client client() {
        return client;
    }

    public final boolean isAlive() {
        return alive && !client.isClosed();
    }

    /** Called by {@link Client} when the object gets its place in the object map. */
    final void assignIdFromClient(int id) {
        assignId(id);
    }

    /** Decodes one request and calls the handler. Generated. */
    protected abstract void dispatch(int opcode, MessageReader in);

    /** Called by generated code for a new_id argument: gives {@code created} the id the client chose. */
    protected final <T extends Resource> T adopt(T created, int id) {
        client.insertClientObject(created, id);
        return created;
    }

    /** Starts an event; null when it cannot be sent (object gone, client going). */
    protected final MessageWriter beginEvent(int opcode) {
        if (!isAlive()) return null;
        int since = spec().events()[opcode].since();
        if (version() < since) {
            throw new IllegalStateException(this + " is version " + version() + "; event " + spec().events()[opcode].name() + " needs " + since);
        }
        return client.connection().writer().begin(id(), opcode);
    }

    /** Finishes an event started by {@link #beginEvent}. */
    protected final void endEvent(MessageWriter w, int opcode) {
        client.eventWritten(this, opcode, w.end());
        if (spec().events()[opcode].destructor()) destroy();
    }

    /** Gives a server-created object (an event's new_id) its id. */
    protected final <T extends Resource> T adoptServerObject(T created) {
        if (created.id() == 0) client.insertServerObject(created);
        return created;
    }

    /** Sends wl_display.error about this object and disconnects its client. */
    public final void postError(int code, String message) {
        client.postError(this, code, message);
    }

    /** Runs {@code listener} once when this resource is destroyed (by request, by us, or with its client). */
    public final void onDestroy(Runnable listener) {
        if (destroyListeners == null) destroyListeners = new ArrayList<>(2);
        destroyListeners.add(listener);
    }

    /** Destroys the object: frees its id (telling the client with delete_id) and runs listeners. Idempotent. */
    public final void destroy() {
        if (!alive) return;
        alive = false;
        client.removeResource(this);
        runDestroyListeners();
    }

    /** The client went away: no delete_id, just the listeners. */
    final void destroyWithClient() {
        if (!alive) return;
        alive = false;
        runDestroyListeners();
    }

    private void runDestroyListeners() {
        if (destroyListeners == null) return;
        List<Runnable> listeners = destroyListeners;
        destroyListeners = null;
        for (Runnable r : listeners) r.run();
    }

    /** For generated dispatchers: the handler was never set, a compositor bug. */
    protected final IllegalStateException noHandler() {
        return new IllegalStateException(this + " has no request handler");
    }
}
