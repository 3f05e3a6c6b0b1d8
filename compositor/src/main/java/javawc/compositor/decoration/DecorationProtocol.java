package javawc.compositor.decoration;

import javawc.compositor.ProtocolContext;
import javawc.compositor.core.Surface;
import javawc.compositor.xdg.XdgShell;
import javawc.server.protocol.XdgToplevel;
import javawc.server.protocol.ZxdgDecorationManagerV1;
import javawc.server.protocol.ZxdgToplevelDecorationV1;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * zxdg_decoration_manager_v1 (v1): we draw no decorations, so every window decorates itself.
 * A decoration object is configured client_side when made and after each set_mode or
 * unset_mode (followed by an xdg_surface.configure, as the protocol asks), whatever mode the
 * client prefers; clients that offer both (GTK, Qt, foot) then know for sure, and clients that
 * prefer server-side ones draw their own. The spec's errors: a toplevel with a buffer already,
 * a second decoration object for a toplevel, and a toplevel destroyed before its decoration.
 */
public final class DecorationProtocol implements ZxdgDecorationManagerV1.Handler {
    public static final int VERSION = 1;

    private final Map<XdgToplevel, ZxdgToplevelDecorationV1> decorations = new IdentityHashMap<>();

    private DecorationProtocol(ProtocolContext c) {
        c.globals().add(ZxdgDecorationManagerV1.SPEC, VERSION, ZxdgDecorationManagerV1::new, r -> r.setHandler(this));
    }

    /** The entry point: offers zxdg_decoration_manager_v1. */
    public static AutoCloseable install(ProtocolContext c) {
        new DecorationProtocol(c);
        return null;
    }

    @Override
    public void destroy(ZxdgDecorationManagerV1 self) {
        // destructor: decoration objects made through it live on
    }

    @Override
    public void getToplevelDecoration(ZxdgDecorationManagerV1 self, ZxdgToplevelDecorationV1 id, XdgToplevel toplevel) {
        if (decorations.containsKey(toplevel)) {
            id.postError(ZxdgToplevelDecorationV1.Error.ALREADY_CONSTRUCTED, "this xdg_toplevel already has a decoration object");
            return;
        }
        Surface surface = XdgShell.surfaceOf(toplevel);
        if (surface.hasBufferCommitted() || surface.hasBufferPending()) {
            id.postError(ZxdgToplevelDecorationV1.Error.UNCONFIGURED_BUFFER, "the xdg_toplevel already has a buffer");
            return;
        }
        decorations.put(toplevel, id);
        id.setHandler(new ZxdgToplevelDecorationV1.Handler() {
            @Override
            public void destroy(ZxdgToplevelDecorationV1 d) {
                // destructor: we draw nothing, so nothing changes at the next commit
            }

            @Override
            public void setMode(ZxdgToplevelDecorationV1 d, int mode) {
                configure(d, toplevel); // the client's preference is heard; ours is always client-side
            }

            @Override
            public void unsetMode(ZxdgToplevelDecorationV1 d) {
                configure(d, toplevel);
            }
        });
        id.onDestroy(() -> decorations.remove(toplevel, id));
        toplevel.onDestroy(() -> {
            // the toplevel's own destroy request while its decoration lives is the client's error; its disconnect is not
            if (id.isAlive() && !id.client().isClosed()) {
                id.postError(ZxdgToplevelDecorationV1.Error.ORPHANED, "the xdg_toplevel was destroyed before its decoration object");
            }
        });
        configure(id, toplevel);
    }

    private static void configure(ZxdgToplevelDecorationV1 d, XdgToplevel toplevel) {
        d.sendConfigure(ZxdgToplevelDecorationV1.Mode.CLIENT_SIDE);
        if (toplevel.isAlive()) XdgShell.configure(toplevel); // the decoration's configure takes effect with the surface's
    }
}
