package javawc.wire;

/** What both sides know of a protocol object: its id, interface and bound version. */
public abstract class WireObject {
    private final InterfaceSpec spec;
    private final int version;
    private int id;

    /**
     * {@code version} may exceed the interface's own: objects made by a request's new_id take
     * their parent's version (a wl_callback from a version 5 wl_surface is "version 5"), as in
     * libwayland. Globals are checked against their interface when bound.
     */
    protected WireObject(InterfaceSpec spec, int version) {
        if (version < 1) throw new IllegalArgumentException(spec.name() + " has no version " + version);
        this.spec = spec;
        this.version = version;
    }

    public final InterfaceSpec spec() {
        return spec;
    }

    public final int version() {
        return version;
    }

    public final int id() {
        return id;
    }

    /** Set once the object has a place in its connection's object map. */
    protected final void assignId(int id) {
        this.id = id;
    }

    @Override
    public String toString() {
        return spec.name() + "@" + id;
    }
}
