package javawc.compositor.sessionlock;

import javawc.compositor.core.Surface;
import javawc.compositor.output.Output;
import javawc.compositor.output.OutputGlobal;
import javawc.server.Client;
import javawc.server.protocol.ExtSessionLockSurfaceV1;
import javawc.server.protocol.ExtSessionLockV1;
import javawc.server.protocol.WlOutput;
import javawc.server.protocol.WlSurface;

import java.util.ArrayList;
import java.util.List;

/**
 * ext_session_lock_v1: one locker's lock. In force from the lock request until
 * unlock_and_destroy (or, without unlocking, until its client goes: the session then stays
 * locked). Makes one lock surface per output.
 */
final class SessionLock implements ExtSessionLockV1.Handler {
    private final ExtSessionLockV1 resource;
    private final SessionLockManager manager;
    private final List<LockSurfaceRole> surfaces = new ArrayList<>();
    private boolean refused, lockedSent, unlocked;

    SessionLock(ExtSessionLockV1 resource, SessionLockManager manager) {
        this.resource = resource;
        this.manager = manager;
        resource.setHandler(this);
        resource.onDestroy(() -> {
            for (LockSurfaceRole s : List.copyOf(surfaces)) s.lockGone();
            if (!unlocked) manager.abandoned(this);
        });
    }

    Client client() {
        return resource.client();
    }

    SessionLockManager manager() {
        return manager;
    }

    /** Another lock is in force: this one is finished at once and never locks. */
    void refuse() {
        refused = true;
        resource.sendFinished();
    }

    /** The session is locked for us. */
    void sendLocked() {
        lockedSent = true;
        resource.sendLocked();
    }

    /** The outputs changed: each lock surface is configured to its output's new size. */
    void outputsChanged() {
        for (LockSurfaceRole s : surfaces) s.outputChanged();
    }

    void surfaceGone(LockSurfaceRole s) {
        surfaces.remove(s);
    }

    // ---- requests ----

    @Override
    public void destroy(ExtSessionLockV1 self) {
        if (lockedSent && !unlocked) {
            // the session stays locked: the error ends the client, and the destroy listener sees an abandoned lock
            self.postError(ExtSessionLockV1.Error.INVALID_DESTROY, "the session is locked: unlock_and_destroy, not destroy");
        }
    }

    @Override
    public void getLockSurface(ExtSessionLockV1 self, ExtSessionLockSurfaceV1 id, WlSurface surfaceResource, WlOutput outputResource) {
        Surface surface = Surface.of(surfaceResource);
        Output output = OutputGlobal.of(outputResource);
        if (surface.role() != null && !(surface.role() instanceof LockSurfaceRole old && !old.isAlive())) {
            self.postError(ExtSessionLockV1.Error.ROLE, surface + " already has the role " + surface.role().roleName());
            return;
        }
        if (surface.hasBufferCommitted() || surface.hasBufferPending()) {
            self.postError(ExtSessionLockV1.Error.ALREADY_CONSTRUCTED, surface + " already has a buffer");
            return;
        }
        for (LockSurfaceRole s : surfaces) {
            if (s.output() == output) {
                self.postError(ExtSessionLockV1.Error.DUPLICATE_OUTPUT, "output " + output.name() + " already has a lock surface");
                return;
            }
        }
        LockSurfaceRole role = new LockSurfaceRole(id, surface, this, output);
        if (!surface.setRole(role, self, ExtSessionLockV1.Error.ROLE)) return;
        surfaces.add(role);
        if (!refused) role.configure();
    }

    @Override
    public void unlockAndDestroy(ExtSessionLockV1 self) {
        if (!lockedSent) {
            self.postError(ExtSessionLockV1.Error.INVALID_UNLOCK, "unlock before the locked event was sent");
            return;
        }
        unlocked = true;
        manager.unlocked(this);
    }
}
