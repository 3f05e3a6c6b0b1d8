package javawc.compositor.sessionlock;

import javawc.compositor.core.Surface;
import javawc.compositor.scene.Scene;
import javawc.compositor.scene.SceneWindow;
import javawc.compositor.seat.Seat;
import javawc.server.Server;
import javawc.server.protocol.ExtSessionLockManagerV1;
import javawc.server.protocol.ExtSessionLockV1;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.List;

/**
 * ext_session_lock_manager_v1 (v1), and the session's lock state. A lock request locks at once:
 * the scene shows only lock surfaces, on black, and input goes only to them (a focus filter on
 * the seat; the scene's pick finds nothing else), and the locker hears {@code locked} at once,
 * as version 1 of the protocol (wayland-protocols 1.31) says. Only {@code unlock_and_destroy} unlocks: a
 * locker that dies (or destroys its lock, a protocol error) leaves the session locked, black,
 * input going nowhere, until a new locker locks and unlocks. While one lock is in force,
 * another is refused with {@code finished}.
 */
final class SessionLockManager implements ExtSessionLockManagerV1.Handler {
    static final int VERSION = 1;
    private static final Logger LOG = LogManager.getLogger(SessionLockManager.class);

    private final Server server;
    private final Scene scene;
    private final Seat seat;
    private SessionLock active;       // the lock in force, null while unlocked or abandoned
    private Surface focusBeforeLock;  // where the keyboard was, given back at unlock

    SessionLockManager(Server server, Scene scene, Seat seat) {
        this.server = server;
        this.scene = scene;
        this.seat = seat;
        seat.addFocusFilter(this::focusAllowed);
        scene.addOutputsListener(() -> {
            if (active != null) active.outputsChanged();
        });
    }

    Server server() {
        return server;
    }

    Scene scene() {
        return scene;
    }

    Seat seat() {
        return seat;
    }

    @Override
    public void destroy(ExtSessionLockManagerV1 self) {
        // destructor: a lock made through it is not affected
    }

    @Override
    public void lock(ExtSessionLockManagerV1 self, ExtSessionLockV1 id) {
        SessionLock lock = new SessionLock(id, this);
        if (active != null) {
            LOG.info("{} asked to lock the session, which {} holds locked: refused", self.client(), active.client());
            lock.refuse();
            return;
        }
        if (!scene.shell().isLocked()) {
            focusBeforeLock = seat.keyboardFocus();
            LOG.info("session locked by {}", self.client());
        } else {
            LOG.info("session (locked since its locker died) taken over by {}", self.client());
        }
        active = lock;
        scene.shell().setLocked(true);
        seat.setKeyboardFocus(null); // the filter: a lock surface, or nobody
        lock.sendLocked();
    }

    /** The lock's client unlocked: the session is shown again, and the keyboard goes back where it was. */
    void unlocked(SessionLock lock) {
        if (lock != active) return;
        active = null;
        scene.shell().setLocked(false);
        LOG.info("session unlocked by {}", lock.client());
        Surface back = focusBeforeLock;
        focusBeforeLock = null;
        if (back != null && !back.isDestroyed() && back.isMapped()) seat.setKeyboardFocus(back);
        else seat.focusTopWindow();
    }

    /**
     * The lock object went without unlocking (its client died, or destroyed it): the session stays
     * locked with nobody to unlock it but a new locker. A lock refused, or given up before it was
     * in force, changes nothing.
     */
    void abandoned(SessionLock lock) {
        if (lock != active) return;
        active = null;
        LOG.warn("the session's locker {} went away without unlocking: the session stays locked until a new locker unlocks it", lock.client());
        seat.setKeyboardFocus(null);
    }

    /** A lock surface of the active lock was shown: it takes the keyboard if no lock surface has it. */
    void lockSurfaceShown(Surface s) {
        if (!scene.shell().isLockSurface(seat.keyboardFocus())) seat.setKeyboardFocus(s);
    }

    /** A lock surface went: the keyboard moves to another one, or to nobody. */
    void lockSurfaceHidden(Surface s) {
        if (seat.keyboardFocus() == s) seat.setKeyboardFocus(null);
    }

    /** The focus filter: while locked, only lock surfaces may have the keyboard (the first shown one when another is asked for). */
    private Surface focusAllowed(Surface requested) {
        if (!scene.shell().isLocked() || requested != null && scene.shell().isLockSurface(requested)) return requested;
        List<SceneWindow> shown = scene.shell().lockSurfaces();
        for (SceneWindow w : shown) if (w.visible()) return w.surface();
        return null;
    }
}
