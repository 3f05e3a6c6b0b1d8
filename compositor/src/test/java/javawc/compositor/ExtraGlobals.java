package javawc.compositor;

import javawc.client.Proxy;
import javawc.client.protocol.WlRegistry;

import java.io.IOException;
import java.util.Objects;

/** Binds a global {@link TestClient} does not bind itself (the protocol a test is about). */
final class ExtraGlobals {
    private ExtraGlobals() {}

    static <T extends Proxy> T bind(TestClient c, String name, Proxy.Factory<T> type, int version) throws IOException {
        Object[] bound = new Object[1];
        c.display.wlDisplay().getRegistry().setListener(new WlRegistry.Listener() {
            @Override
            public void global(WlRegistry r, int global, String iface, int v) {
                if (iface.equals(name)) bound[0] = r.bind(global, type, version);
            }
        });
        c.display.roundtrip();
        @SuppressWarnings("unchecked") T t = (T) Objects.requireNonNull(bound[0], name + " is not advertised");
        return t;
    }
}
