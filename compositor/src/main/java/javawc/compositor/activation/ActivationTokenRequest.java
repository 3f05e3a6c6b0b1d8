package javawc.compositor.activation;

import javawc.compositor.core.Surface;
import javawc.compositor.seat.InputSerials;
import javawc.compositor.seat.Seat;
import javawc.server.protocol.WlSeat;
import javawc.server.protocol.WlSurface;
import javawc.server.protocol.XdgActivationTokenV1;

/**
 * xdg_activation_token_v1: the serial, app_id and surface a client gives before commit, which
 * answers with the token. Any request after commit is the already_used error. Whether the token
 * will be honoured is decided at commit: the serial must name a recent input event the client
 * was sent, and the client must have the keyboard focus (no focus stealing).
 */
final class ActivationTokenRequest implements XdgActivationTokenV1.Handler {
    private final XdgActivationTokenV1 resource;
    private final Seat seat;
    private final ActivationTokens tokens;
    private boolean serialGiven, committed;
    private int serial;
    private String appId;
    private Surface surface;

    ActivationTokenRequest(XdgActivationTokenV1 resource, Seat seat, ActivationTokens tokens) {
        this.resource = resource;
        this.seat = seat;
        this.tokens = tokens;
        resource.setHandler(this);
    }

    private boolean used(String request) {
        if (!committed) return false;
        resource.postError(XdgActivationTokenV1.Error.ALREADY_USED, request + " after the token was committed");
        return true;
    }

    @Override
    public void setSerial(XdgActivationTokenV1 self, int serial, WlSeat wlSeat) {
        if (used("set_serial")) return;
        this.serial = serial;
        serialGiven = true;
    }

    @Override
    public void setAppId(XdgActivationTokenV1 self, String appId) {
        if (used("set_app_id")) return;
        this.appId = appId;
    }

    @Override
    public void setSurface(XdgActivationTokenV1 self, WlSurface wlSurface) {
        if (used("set_surface")) return;
        surface = Surface.of(wlSurface);
    }

    @Override
    public void commit(XdgActivationTokenV1 self) {
        if (used("commit")) return;
        committed = true;
        String why = refusal();
        resource.sendDone(tokens.issue(why == null, resource.client(), appId, why == null ? "issued for an input event of the focused client" : why));
    }

    /** Why a token asked for now would not be honoured, or null if it would. */
    private String refusal() {
        if (!serialGiven) return "no input event serial was given";
        InputSerials.Kind kind = seat.serialKind(resource.client(), serial);
        if (kind == null) return "serial " + Integer.toUnsignedString(serial) + " names no recent input event of the client";
        if (seat.keyboardFocusClient() != resource.client()) return "the client asking did not have the keyboard focus";
        if (surface != null && surface.client() != resource.client()) return "the surface is another client's";
        return null;
    }

    @Override
    public void destroy(XdgActivationTokenV1 self) {
        // destructor: a token already issued stays usable
    }
}
