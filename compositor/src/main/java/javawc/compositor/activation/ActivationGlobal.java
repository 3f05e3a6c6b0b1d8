package javawc.compositor.activation;

import javawc.compositor.core.Surface;
import javawc.compositor.scene.Scene;
import javawc.compositor.scene.SceneWindow;
import javawc.compositor.seat.Seat;
import javawc.compositor.wm.ManagedWindow;
import javawc.server.GlobalRegistry;
import javawc.server.protocol.WlSurface;
import javawc.server.protocol.XdgActivationTokenV1;
import javawc.server.protocol.XdgActivationV1;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * xdg_activation_v1: a client passes a token to another (or the compositor gives one to a
 * program it starts), which activates its window with it: the window is shown, raised and
 * focused. A token works once; an unknown, expired or refused one activates nothing, and the
 * log says which window wanted attention and why it did not get it.
 */
public final class ActivationGlobal implements XdgActivationV1.Handler {
    public static final int VERSION = 1;
    private static final Logger LOG = LogManager.getLogger(ActivationGlobal.class);

    private final Seat seat;
    private final Scene scene;
    private final ActivationTokens tokens;

    public ActivationGlobal(GlobalRegistry registry, Seat seat, Scene scene, ActivationTokens tokens) {
        this.seat = seat;
        this.scene = scene;
        this.tokens = tokens;
        registry.add(XdgActivationV1.SPEC, VERSION, XdgActivationV1::new, r -> r.setHandler(this));
    }

    @Override
    public void getActivationToken(XdgActivationV1 self, XdgActivationTokenV1 id) {
        new ActivationTokenRequest(id, seat, tokens);
    }

    @Override
    public void activate(XdgActivationV1 self, String token, WlSurface wlSurface) {
        Surface surface = Surface.of(wlSurface);
        ActivationTokens.Token t = tokens.take(token);
        String refused = t == null ? "the token is unknown, used or expired"
                : !t.honoured() ? t.why()
                : t.issuer() != null && seat.keyboardFocusClient() != null && seat.keyboardFocusClient() != t.issuer()
                        ? "the keyboard focus moved to another client since the token was issued" : null;
        SceneWindow window = toplevelOf(surface);
        if (refused != null) {
            LOG.info("{} wants attention; not activated: {}", window != null ? describe(window) : surface, refused);
            return;
        }
        if (window == null) {
            LOG.info("activation of {}: it is not a toplevel window", surface);
            return;
        }
        if (window instanceof ManagedWindow m && m.minimized()) m.setMinimized(false);
        window.activate();
        LOG.info("{} activated ({})", describe(window), t.why());
    }

    private SceneWindow toplevelOf(Surface surface) {
        for (SceneWindow w : scene.toplevels()) if (w.surface() == surface) return w;
        return null;
    }

    private static String describe(SceneWindow w) {
        return "window \"" + w.title() + "\" (" + w.appId() + ")";
    }

    @Override
    public void destroy(XdgActivationV1 self) {
        // destructor; tokens issued stay usable
    }
}
