package javawc.client;

import javawc.wire.InterfaceSpec;
import javawc.wire.MessageReader;
import javawc.wire.MessageWriter;
import javawc.wire.WireObject;

/**
 * The client's side of one protocol object. Generated subclasses (in
 * {@code javawc.client.protocol}) encode requests and decode events into a listener.
 */
public abstract class Proxy extends WireObject {
    /** Creates proxies of one interface; the generated constructors match. */
    public interface Constructor<T extends Proxy> {
        T create(Display display, int version);
    }

    /** An interface's spec with its proxy constructor: what wl_registry.bind needs to know. */
    public record Factory<T extends Proxy>(InterfaceSpec spec, Constructor<T> constructor) {
        /** A bound global's proxy: the version must be one the generated code knows. */
        public T create(Display display, int version) {
            if (version < 1 || version > spec.version()) throw new IllegalArgumentException(spec.name() + " has no version " + version);
            return constructor.create(display, version);
        }
    }

    private final Display display;
    private boolean destroyed;

    protected Proxy(Display display, int version, InterfaceSpec spec) {
        super(spec, version);
        this.display = display;
    }

    public final Display display() {
        return display;
    }

    public final boolean isDestroyed() {
        return destroyed;
    }

    /** Decodes one event and calls the listener. Generated. */
    protected abstract void dispatch(int opcode, MessageReader in);

    final void setId(int id) {
        assignId(id);
    }

    /** A proxy made by a request's new_id: gets the next free client id. */
    protected final <P extends Proxy> P newChild(P child) {
        display.insertClientObject(child);
        return child;
    }

    /** A proxy made by an event's new_id: takes the id the server chose. */
    protected final <P extends Proxy> P adoptServerObject(P created, int id) {
        display.insertServerObject(created, id);
        return created;
    }

    protected final MessageWriter beginRequest(int opcode) {
        if (destroyed) throw new IllegalStateException(this + " is destroyed");
        int since = spec().requests()[opcode].since();
        if (version() < since) {
            throw new IllegalStateException(this + " is version " + version() + "; request " + spec().requests()[opcode].name() + " needs " + since);
        }
        return display.connection().writer().begin(id(), opcode);
    }

    protected final void endRequest(MessageWriter w, int opcode) {
        display.requestWritten(this, opcode, w.end());
        if (spec().requests()[opcode].destructor()) forget();
    }

    /** The server destroyed this object with a destructor event. */
    protected final void destroyedByServer() {
        forget();
    }

    /**
     * Forgets the proxy without telling the server, for interfaces that have no destructor
     * request (wl_callback, wl_registry...). Events still on their way are dropped.
     */
    public final void forget() {
        if (destroyed) return;
        destroyed = true;
        display.zombify(this);
    }
}
