package javawc.compositor;

import javawc.client.Proxy;
import javawc.client.protocol.WlRegistry;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Binds the globals TestClient leaves alone (protocol extensions) by interface name, at the version offered. */
final class ExtensionGlobals {
    private final TestClient client;
    private final WlRegistry registry;
    private final Map<String, int[]> offered = new HashMap<>(); // interface -> {name, version}

    ExtensionGlobals(TestClient client) throws IOException {
        this.client = client;
        registry = client.display.wlDisplay().getRegistry();
        registry.setListener(new WlRegistry.Listener() {
            @Override
            public void global(WlRegistry r, int name, String iface, int version) {
                offered.put(iface, new int[] {name, version});
            }
        });
        client.display.roundtrip();
    }

    boolean offers(String iface) {
        return offered.containsKey(iface);
    }

    int version(String iface) {
        return offered.get(iface)[1];
    }

    <T extends Proxy> T bind(String iface, Proxy.Factory<T> type) {
        int[] g = offered.get(iface);
        if (g == null) throw new AssertionError(iface + " is not offered; globals: " + offered.keySet());
        return registry.bind(g[0], type, g[1]);
    }
}
