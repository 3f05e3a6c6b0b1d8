package javawc.compositor;

import javawc.client.Display;
import javawc.client.Proxy;
import javawc.client.protocol.WlRegistry;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Binds any global of a connection by interface name, at the version given (for protocols TestClient does not bind). */
final class Binder {
    private final Map<String, Integer> names = new HashMap<>();
    private final WlRegistry registry;

    Binder(Display display) throws IOException {
        registry = display.wlDisplay().getRegistry();
        registry.setListener(new WlRegistry.Listener() {
            @Override
            public void global(WlRegistry self, int name, String iface, int version) {
                names.put(iface, name);
            }
        });
        display.roundtrip();
    }

    boolean has(String iface) {
        return names.containsKey(iface);
    }

    <T extends Proxy> T bind(String iface, Proxy.Factory<T> type, int version) {
        Integer name = names.get(iface);
        if (name == null) throw new AssertionError(iface + " is not offered; globals: " + names.keySet());
        return registry.bind(name, type, version);
    }
}
