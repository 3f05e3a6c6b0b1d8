package javawc.compositor.pointergestures;

import javawc.compositor.ProtocolContext;
import javawc.compositor.backend.drm.DrmBackend;

/**
 * zwp_pointer_gestures_v1, offered only where gestures can arrive: libinput reading the
 * touchpads (on DRM), or the test control channel, which injects them. A headless compositor
 * without the control channel has no source of gestures, so it does not advertise them.
 */
public final class PointerGesturesProtocol {
    private PointerGesturesProtocol() {}

    public static AutoCloseable install(ProtocolContext c) {
        boolean libinput = c.options().useLibinput(c.backend() instanceof DrmBackend);
        if (!libinput && c.options().controlSocket() == null) return null;
        new PointerGesturesGlobal(c.globals(), c.seat());
        return null;
    }
}
