package javawc.clients;

import javawc.client.Display;
import javawc.client.protocol.WlCompositor;
import javawc.client.protocol.WlRegistry;
import javawc.client.protocol.WlShm;
import javawc.client.protocol.WlSubcompositor;
import javawc.client.protocol.WlSurface;
import javawc.client.protocol.XdgWmBase;

import java.io.IOException;

/**
 * The globals the demo clients draw with, bound at versions this code knows. xdg_wm_base
 * answers pings here, once for every client: a compositor may treat a client that does not
 * answer as hung. {@code subcompositor} is null when the compositor has none.
 */
record DemoGlobals(WlCompositor compositor, WlSubcompositor subcompositor, WlShm shm, XdgWmBase wmBase) {
    /** wl_surface.damage_buffer arrived in wl_compositor version 4. */
    static final int COMPOSITOR_VERSION = 4;

    static DemoGlobals bind(Display display) throws IOException {
        WlCompositor[] compositor = {null};
        WlSubcompositor[] subcompositor = {null};
        WlShm[] shm = {null};
        XdgWmBase[] wmBase = {null};
        display.wlDisplay().getRegistry().setListener(new WlRegistry.Listener() {
            @Override
            public void global(WlRegistry registry, int name, String interfaceName, int version) {
                switch (interfaceName) {
                    case WlCompositor.NAME -> compositor[0] = registry.bind(name, WlCompositor.TYPE, Math.min(version, COMPOSITOR_VERSION));
                    case WlSubcompositor.NAME -> subcompositor[0] = registry.bind(name, WlSubcompositor.TYPE, 1);
                    case WlShm.NAME -> shm[0] = registry.bind(name, WlShm.TYPE, 1);
                    case XdgWmBase.NAME -> wmBase[0] = registry.bind(name, XdgWmBase.TYPE, Math.min(version, XdgWmBase.VERSION));
                    default -> { }
                }
            }
        });
        display.roundtrip();
        if (compositor[0] == null || shm[0] == null || wmBase[0] == null) {
            throw new IOException("the compositor lacks wl_compositor, wl_shm or xdg_wm_base: nothing to draw with");
        }
        wmBase[0].setListener(new XdgWmBase.Listener() {
            @Override
            public void ping(XdgWmBase self, int serial) {
                self.pong(serial);
            }
        });
        return new DemoGlobals(compositor[0], subcompositor[0], shm[0], wmBase[0]);
    }

    /**
     * Damages a rectangle in buffer coordinates. Before version 4 only surface coordinates
     * exist; ours are the same (scale 1, no transform), so wl_surface.damage does then.
     */
    static void damage(WlSurface surface, int x, int y, int width, int height) {
        if (surface.version() >= WlSurface.REQUEST_DAMAGE_BUFFER_SINCE) surface.damageBuffer(x, y, width, height);
        else surface.damage(x, y, width, height);
    }
}
