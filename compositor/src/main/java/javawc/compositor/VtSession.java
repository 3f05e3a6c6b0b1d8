package javawc.compositor;

import javawc.compositor.backend.drm.DrmBackend;
import javawc.compositor.backend.drm.VirtualTerminal;
import javawc.compositor.input.LibinputDevices;
import javawc.compositor.session.Session;
import javawc.server.EventLoop;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Our time on a VT, when the DRM backend was started from one: the console's keyboard is off
 * while libinput reads the keyboards, and VT switches (Ctrl+Alt+Fn, or chvt from elsewhere) go
 * through us. Switching away: DRM master dropped and painting stopped, the input devices
 * closed, then the kernel may switch (VT_RELDISP). Coming back: acknowledged, DRM master
 * again with a modeset and a full repaint, the input devices opened again.
 */
final class VtSession implements Session {
    private static final Logger LOG = LogManager.getLogger(VtSession.class);

    private final VirtualTerminal vt;
    private final DrmBackend backend;
    private final LibinputDevices input; // may be null
    private boolean active = true;

    private VtSession(VirtualTerminal vt, DrmBackend backend, LibinputDevices input) {
        this.vt = vt;
        this.backend = backend;
        this.input = input;
    }

    /** The session of {@code backend}'s VT, or null when it was not started from one. Call on the loop's thread. */
    static VtSession start(EventLoop loop, DrmBackend backend, LibinputDevices input) {
        VirtualTerminal vt = backend.virtualTerminal();
        if (vt == null) return null;
        VtSession session = new VtSession(vt, backend, input);
        if (input != null) vt.keyboardOff();
        if (vt.controlSwitching(loop, session::released, session::acquired)) LOG.info("VT {}: switching with Ctrl+Alt+F1..F12", vt.number());
        return session;
    }

    /** Ctrl+Alt+F{@code target}: asks the kernel to switch (our own VT: nothing to do). */
    @Override
    public boolean switchTo(int target) {
        if (target == vt.number() || !active) return true;
        LOG.info("VT {}: switching to VT {}", vt.number(), target);
        vt.activate(target);
        return true;
    }

    /** The kernel asks to switch away (relsig). */
    private void released() {
        if (!active) return;
        active = false;
        backend.pause();
        if (input != null) input.suspend();
        vt.releaseDisplay();
        LOG.info("VT {} released", vt.number());
    }

    /** The VT is ours again (acqsig). */
    private void acquired() {
        if (active) return;
        vt.acknowledgeAcquire();
        active = true;
        backend.resume();
        if (input != null) input.resume();
        LOG.info("VT {} acquired", vt.number());
    }
}
