package javawc.wire;

/** What both sides know of a protocol object: its id, interface and bound version. */
public abstract class WireObject {
    private final InterfaceSpec spec;
    private final int version;
    private int id;

    protected WireObject(InterfaceSpec spec, int version) {
        // No upper bound from the XML here: an object made by a request's new_id has its
        // parent's version, which may exceed its own interface's (wl_compositor v4 makes
        // wl_region and wl_callback objects of version 4, though both are v1 in the XML).
        // Binding a global is what the XML bounds, and bind checks that.
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
