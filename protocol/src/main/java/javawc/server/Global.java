package javawc.server;

import javawc.wire.InterfaceSpec;
import javawc.wire.MessageWriter;

/**
 * An object clients can bind through wl_registry: a name, an interface and the highest
 * version we implement, and what to do on bind.
 */
public final class Global {
    /** Creates the typed resource for a bind; the generated constructors match. */
    public interface ResourceFactory<R extends Resource> {
        R create(Client client, int version);
    }

    /** Sets up a freshly bound resource (sets its handler, sends initial events). */
    public interface BindHandler<R extends Resource> {
        void bound(R resource);
    }

    private final int name;
    private final InterfaceSpec spec;
    private final int version;
    private final ResourceFactory<?> factory;
    private final BindHandler<Resource> handler;
    private java.util.function.Predicate<Client> visibleTo; // null: every client
    private final byte[] announcement;

    @SuppressWarnings("unchecked")
    <R extends Resource> Global(int name, InterfaceSpec spec, int version, ResourceFactory<R> factory, BindHandler<? super R> handler) {
        if (version < 1 || version > spec.version()) {
            throw new IllegalArgumentException(spec.name() + " version " + version + " is not in the protocol XML (max " + spec.version() + ")");
        }
        this.name = name;
        this.spec = spec;
        this.version = version;
        this.factory = factory;
        this.handler = (BindHandler<Resource>) handler;
        this.announcement = encodeAnnouncement(name, spec.name(), version);
    }

    /**
     * wl_registry.global's arguments (name, interface, version) as they go on the wire: the
     * same bytes for every registry, so each client's registry burst copies them instead of
     * encoding 25-odd strings again (that was about a tenth of the event loop's time per
     * short-lived client).
     */
    private static byte[] encodeAnnouncement(int name, String interfaceName, int version) {
        byte[] text = interfaceName.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] args = new byte[4 + MessageWriter.stringSize(text) + 4];
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(args).order(java.nio.ByteOrder.nativeOrder());
        b.putInt(0, name);
        b.putInt(4 + MessageWriter.putString(b, 4, text), version);
        return args;
    }

    /** The encoded arguments of the wl_registry.global event that announces this global. */
    byte[] announcement() {
        return announcement;
    }

    public int name() {
        return name;
    }

    public InterfaceSpec spec() {
        return spec;
    }

    public String interfaceName() {
        return spec.name();
    }

    public int version() {
        return version;
    }

    /**
     * Offers this global only to the clients {@code filter} accepts (privileged globals); others
     * are not told of it and binding it by name is an invalid global, as with libwayland's
     * global filter. Called before clients connect.
     */
    public void restrictTo(java.util.function.Predicate<Client> filter) {
        this.visibleTo = filter;
    }

    public boolean isVisibleTo(Client client) {
        // no predicate for the usual global: the call below then sees only the privilege
        // filters, and the registry burst's compiled code is not thrown away (a class check
        // failing) each time it meets one more kind of predicate
        return visibleTo == null || visibleTo.test(client);
    }

    void bind(Client client, int id, int boundVersion) {
        Resource r = factory.create(client, boundVersion);
        client.insertClientObject(r, id);
        handler.bound(r);
    }

    @Override
    public String toString() {
        return interfaceName() + " v" + version + " (name " + name + ")";
    }
}
