package javawc.compositor.sessionlock;

import javawc.compositor.core.Surface;
import javawc.compositor.core.SurfaceRole;
import javawc.compositor.output.Output;
import javawc.compositor.scene.SceneWindow;
import javawc.server.protocol.ExtSessionLockSurfaceV1;

import java.util.ArrayDeque;

/**
 * ext_session_lock_surface_v1: the locker's surface on one output, configured to the output's
 * size and drawn at its corner while the session is locked. Every commit needs a buffer of
 * exactly the acked size, and the first one an ack.
 */
final class LockSurfaceRole implements SurfaceRole, ExtSessionLockSurfaceV1.Handler, SceneWindow {
    private static final int MAX_UNACKED = 16;

    private final ExtSessionLockSurfaceV1 resource;
    private final Surface surface;
    private final SessionLock lock;
    private final Output output;
    private final ArrayDeque<int[]> unacked = new ArrayDeque<>(); // {serial, width, height}
    private int ackedWidth, ackedHeight;
    private boolean alive = true, acked, shown;

    LockSurfaceRole(ExtSessionLockSurfaceV1 resource, Surface surface, SessionLock lock, Output output) {
        this.resource = resource;
        this.surface = surface;
        this.lock = lock;
        this.output = output;
        resource.setHandler(this);
        resource.onDestroy(() -> {
            alive = false;
            hide();
            lock.surfaceGone(this);
        });
    }

    boolean isAlive() {
        return alive;
    }

    Output output() {
        return output;
    }

    /** Sends the output's size. */
    void configure() {
        if (!alive) return;
        int serial = lock.manager().server().nextSerial();
        unacked.add(new int[] {serial, output.logicalWidth(), output.logicalHeight()});
        while (unacked.size() > MAX_UNACKED) unacked.poll();
        resource.sendConfigure(serial, output.logicalWidth(), output.logicalHeight());
    }

    void outputChanged() {
        if (output.logicalWidth() != ackedWidth || output.logicalHeight() != ackedHeight) configure();
    }

    /** The lock object went: the surface is no longer shown (its role object lives on, inert). */
    void lockGone() {
        hide();
    }

    private void hide() {
        if (!shown) return;
        lock.manager().scene().removeWindow(this);
        shown = false;
        lock.manager().lockSurfaceHidden(surface);
    }

    // ---- the role ----

    @Override
    public String roleName() {
        return "ext_session_lock_surface_v1";
    }

    @Override
    public boolean preCommit(Surface s, boolean attachesBuffer) {
        if (!alive) return true;
        if (!acked) {
            resource.postError(ExtSessionLockSurfaceV1.Error.COMMIT_BEFORE_FIRST_ACK, "commit before the first configure was acked");
            return false;
        }
        return true;
    }

    @Override
    public void committed(Surface s) {
        if (!alive) return;
        if (!s.hasBufferCommitted()) {
            resource.postError(ExtSessionLockSurfaceV1.Error.NULL_BUFFER, "a lock surface must always have a buffer");
            return;
        }
        if (s.width() != ackedWidth || s.height() != ackedHeight) {
            resource.postError(ExtSessionLockSurfaceV1.Error.DIMENSIONS_MISMATCH,
                    "the buffer is " + s.width() + "x" + s.height() + ", the acked configure said " + ackedWidth + "x" + ackedHeight);
            return;
        }
        if (!shown) {
            shown = true;
            lock.manager().scene().shell().addLockSurface(this);
            lock.manager().lockSurfaceShown(surface);
        }
    }

    @Override
    public boolean position(Surface s, int[] xy) {
        if (!alive || !shown) return false;
        xy[0] = output.x();
        xy[1] = output.y();
        return true;
    }

    @Override
    public Surface surface() {
        return surface;
    }

    @Override
    public boolean visible() {
        return alive && shown;
    }

    // ---- requests ----

    @Override
    public void destroy(ExtSessionLockSurfaceV1 self) {
        // destructor; see the destroy listener
    }

    @Override
    public void ackConfigure(ExtSessionLockSurfaceV1 self, int serial) {
        int[] found = null;
        for (int[] c : unacked) if (c[0] == serial) found = c;
        if (found == null) {
            self.postError(ExtSessionLockSurfaceV1.Error.INVALID_SERIAL, "serial " + Integer.toUnsignedString(serial) + " was not sent or is already acked");
            return;
        }
        while (!unacked.isEmpty() && unacked.poll() != found) {
            // acking a configure acks every older one too
        }
        ackedWidth = found[1];
        ackedHeight = found[2];
        acked = true;
    }
}
