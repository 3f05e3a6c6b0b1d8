package javawc.server;

import javawc.server.protocol.WlDisplay;
import javawc.server.protocol.WlRegistry;
import javawc.wire.InterfaceSpec;
import javawc.wire.MessageWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The globals we advertise and every wl_registry that listens to them. Implements
 * wl_registry: bind checks the name, the interface and the version, as libwayland does.
 */
public final class GlobalRegistry implements WlRegistry.Handler {
    private static final org.apache.logging.log4j.Logger LOG = org.apache.logging.log4j.LogManager.getLogger(GlobalRegistry.class);
    private final Map<Integer, Global> globals = new LinkedHashMap<>();
    private final List<WlRegistry> registries = new ArrayList<>();
    private int nextName = 1;

    public <R extends Resource> Global add(InterfaceSpec spec, int version, Global.ResourceFactory<R> factory, Global.BindHandler<? super R> onBind) {
        Global g = new Global(nextName++, spec, version, factory, onBind);
        globals.put(g.name(), g);
        for (WlRegistry r : registries) {
            if (g.isVisibleTo(r.client())) announce(r, g);
        }
        return g;
    }

    public void remove(Global g) {
        if (globals.remove(g.name()) == null) return;
        for (WlRegistry r : registries) {
            if (g.isVisibleTo(r.client())) r.sendGlobalRemove(g.name());
        }
    }

    public List<Global> list() {
        return List.copyOf(globals.values());
    }

    /** A client asked for a registry: announce everything, then keep it informed. */
    void attach(WlRegistry registry) {
        registry.setHandler(this);
        registries.add(registry);
        registry.onDestroy(() -> registries.remove(registry));
        Client client = registry.client();
        for (Global g : globals.values()) {
            if (g.isVisibleTo(client)) announce(registry, g);
        }
    }

    /** wl_registry.global for {@code g}, its arguments copied as encoded once (the same bytes as {@link WlRegistry#sendGlobal}). */
    private static void announce(WlRegistry registry, Global g) {
        MessageWriter w = registry.beginEvent(WlRegistry.EVENT_GLOBAL);
        if (w == null) return;
        w.encoded(g.announcement());
        registry.endEvent(w, WlRegistry.EVENT_GLOBAL);
    }

    @Override
    public void bind(WlRegistry self, int name, String interfaceName, int version, int id) {
        Client client = self.client();
        Global g = globals.get(name);
        boolean hidden = g != null && g.interfaceName().equals(interfaceName) && !g.isVisibleTo(client);
        if (hidden) LOG.warn("client {} asked for {}, which it is not offered: refused", client, interfaceName);
        if (g == null || !g.interfaceName().equals(interfaceName) || hidden) {
            client.postError(client.display(), WlDisplay.Error.INVALID_OBJECT,
                    "invalid global " + interfaceName + " (" + Integer.toUnsignedString(name) + ")");
            return;
        }
        if (version < 1 || version > g.version()) {
            client.postError(client.display(), WlDisplay.Error.INVALID_OBJECT,
                    "invalid version for global " + interfaceName + " (" + name + "): have " + g.version() + ", wanted " + version);
            return;
        }
        g.bind(client, id, version);
    }
}
