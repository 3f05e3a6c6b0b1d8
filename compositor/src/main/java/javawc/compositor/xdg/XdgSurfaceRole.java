package javawc.compositor.xdg;

import javawc.compositor.core.Surface;
import javawc.compositor.core.SurfaceRole;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Scene;
import javawc.compositor.seat.Seat;
import javawc.server.Server;
import javawc.server.protocol.XdgPopup;
import javawc.server.protocol.XdgPositioner;
import javawc.server.protocol.XdgSurface;
import javawc.server.protocol.XdgToplevel;
import javawc.server.protocol.XdgWmBase;

import java.util.ArrayDeque;

/**
 * xdg_surface, and the wl_surface role that comes with it. Owns what toplevels and popups
 * share: the configure/ack handshake (no buffer before the first ack), the window geometry,
 * and mapping on the first buffer after it. The role object (toplevel or popup) decides the
 * position and the configure contents.
 */
public final class XdgSurfaceRole implements SurfaceRole, XdgSurface.Handler, PopupParent {
    /** What a toplevel or popup adds to an xdg_surface. */
    interface RoleObject {
        /** Sends the role's configure events (the xdg_surface.configure follows). */
        void sendConfigure();

        /** The surface got its first buffer after an acked configure. */
        void map();

        /** The surface lost its buffer (or the role object died). */
        void unmap();

        /** Global position of the window geometry's origin; false if not placed. */
        boolean windowPosition(int[] xy);

        boolean isAlive();

        /** A commit of the mapped surface was applied (a toplevel keeps a resized edge in place). */
        default void committed() {}
    }

    /** A client that unmaps and remaps without reading its events cannot make this list grow without bound. */
    private static final int MAX_STALE_SERIALS = 16;

    private final XdgSurface resource;
    private final Surface surface;
    private final XdgWmBaseGlobal.WmBase wmBase;
    private final Scene scene;
    private final Server server;
    private final Seat seat;
    private final ArrayDeque<Integer> unackedSerials = new ArrayDeque<>();
    /** Configures sent before the surface was last unmapped: a late ack of one is fine but configures nothing. */
    private final ArrayDeque<Integer> staleSerials = new ArrayDeque<>();
    private final java.util.List<PopupParent.Popup> childPopups = new java.util.ArrayList<>();
    private RoleObject roleObject;
    private Rect geometry, pendingGeometry;
    private boolean initialCommitDone, acked, mapped, alive = true;
    private boolean takeAsAcked; // see XdgWmBaseGlobal.acceptBufferBeforeFirstAck

    XdgSurfaceRole(XdgSurface resource, Surface surface, XdgWmBaseGlobal.WmBase wmBase, Scene scene, Server server, Seat seat) {
        this.resource = resource;
        this.surface = surface;
        this.wmBase = wmBase;
        this.scene = scene;
        this.server = server;
        this.seat = seat;
        resource.setHandler(this);
        resource.onDestroy(() -> alive = false);
    }

    static XdgSurfaceRole of(XdgSurface r) {
        return (XdgSurfaceRole) r.handler();
    }

    boolean isAlive() {
        return alive && !surface.isDestroyed();
    }

    @Override
    public Surface surface() {
        return surface;
    }

    Scene scene() {
        return scene;
    }

    Seat seat() {
        return seat;
    }

    /** Whether the compositor runs in kiosk mode (--kiosk): toplevels fill the first output. */
    boolean kiosk() {
        return wmBase.kiosk();
    }

    RoleObject roleObject() {
        return roleObject;
    }

    XdgSurface resource() {
        return resource;
    }

    /** Whether the initial commit was made (a popup's parent can no longer be given then). */
    boolean initialCommitDone() {
        return initialCommitDone;
    }

    boolean isMapped() {
        return mapped;
    }

    /** The window geometry: what the client calls its window, inside its surface tree. */
    Rect geometry() {
        if (geometry != null) return geometry;
        return new Rect(0, 0, surface.width(), surface.height());
    }

    /** The window geometry's origin in global coordinates; false while not shown. */
    @Override
    public boolean windowPosition(int[] xy) {
        return isAlive() && mapped && roleObject != null && roleObject.windowPosition(xy);
    }

    @Override
    public void addChildPopup(PopupParent.Popup popup) {
        childPopups.add(popup);
    }

    @Override
    public void removeChildPopup(PopupParent.Popup popup) {
        childPopups.remove(popup);
    }

    boolean hasLiveChildPopups() {
        return childPopups.stream().anyMatch(PopupParent.Popup::isAlive);
    }

    /** Damages where this window and its popups are drawn (before and after a move). */
    void damageWithPopups() {
        if (roleObject instanceof javawc.compositor.scene.SceneWindow w) scene.damageWindow(w);
        for (PopupParent.Popup p : childPopups) p.damage();
    }

    /** This surface stops being shown: its popups are dismissed (popup_done), topmost first. */
    void dismissChildPopups() {
        for (PopupParent.Popup p : java.util.List.copyOf(childPopups).reversed()) p.dismiss();
    }

    /** Sends the role's configure and an xdg_surface.configure with a fresh serial. */
    void configure() {
        // unconfigured (before the initial commit, or unmapped since): the initial commit configures
        if (!isAlive() || roleObject == null || !initialCommitDone) return;
        roleObject.sendConfigure();
        int serial = server.nextSerial();
        unackedSerials.add(serial);
        resource.sendConfigure(serial);
    }

    @Override
    public String roleName() {
        return "xdg_surface";
    }

    // ---- commit ----

    @Override
    public boolean preCommit(Surface s, boolean attachesBuffer) {
        if (!isAlive()) return true; // the xdg_surface is gone: plain wl_surface commits
        if (roleObject == null || !roleObject.isAlive()) {
            resource.postError(XdgSurface.Error.NOT_CONSTRUCTED, "commit on an xdg_surface without a toplevel or popup role");
            return false;
        }
        if (roleObject instanceof XdgPopupRole p && !p.hasParent()) {
            wmBase.resource.postError(XdgWmBase.Error.INVALID_POPUP_PARENT, "a popup made without a parent was committed before another protocol gave it one");
            return false;
        }
        if (attachesBuffer && !acked) {
            if (wmBase.acceptsBufferBeforeFirstAck()) {
                takeAsAcked = true; // committed() configures if it has not yet, and maps
                return true;
            }
            resource.postError(XdgSurface.Error.UNCONFIGURED_BUFFER, "buffer committed before the first configure was acked");
            return false;
        }
        return true;
    }

    @Override
    public boolean attachAllowed(Surface s) {
        if (!isAlive() || initialCommitDone || wmBase.acceptsBufferBeforeFirstAck()) return true;
        resource.postError(XdgSurface.Error.UNCONFIGURED_BUFFER, "buffer attached before the first configure (commit without a buffer first)");
        return false;
    }

    @Override
    public void committed(Surface s) {
        if (!isAlive() || roleObject == null) return;
        if (pendingGeometry != null) {
            geometry = pendingGeometry;
            pendingGeometry = null;
        }
        if (!initialCommitDone) {
            initialCommitDone = true;
            configure();
            if (!takeAsAcked) return;
        }
        if (takeAsAcked) { // the lenient host's buffer before an ack: the latest configure counts as acked
            takeAsAcked = false;
            retireUnackedSerials();
            acked = true;
        }
        if (s.hasBufferCommitted() && !mapped) {
            mapped = true;
            roleObject.map();
        } else if (!s.hasBufferCommitted() && mapped) {
            unmapAndReset();
        } else if (mapped) {
            roleObject.committed();
        }
    }

    /** Unmapped by a null buffer: the client starts over with an initial commit. */
    private void unmapAndReset() {
        dismissChildPopups();
        // back to unconfigured before anything (a focus change) could configure the unmapped
        // surface; configures already sent stay ackable: the client may not have seen the unmap
        initialCommitDone = false;
        acked = false;
        retireUnackedSerials();
        if (roleObject != null) roleObject.unmap(); // before mapped goes: the scene damages the window where it still is
        mapped = false;
    }

    /** The configures sent so far stay ackable, but acking one no longer configures anything. */
    private void retireUnackedSerials() {
        staleSerials.addAll(unackedSerials);
        while (staleSerials.size() > MAX_STALE_SERIALS) staleSerials.poll();
        unackedSerials.clear();
    }

    @Override
    public boolean position(Surface s, int[] xy) {
        if (!isAlive() || roleObject == null || !mapped || !roleObject.windowPosition(xy)) return false;
        Rect g = geometry();
        xy[0] -= g.x();
        xy[1] -= g.y();
        return true;
    }

    /** The role object is gone: the surface is unmapped and waits for a new role object. */
    void roleObjectDestroyed() {
        unmapAndReset();
        roleObject = null;
    }

    // ---- requests ----

    @Override
    public void getToplevel(XdgSurface self, XdgToplevel id) {
        if (roleObject != null) {
            self.postError(XdgSurface.Error.ALREADY_CONSTRUCTED, "this xdg_surface already has a role object");
            return;
        }
        roleObject = new XdgToplevelRole(id, this);
    }

    @Override
    public void getPopup(XdgSurface self, XdgPopup id, XdgSurface parent, XdgPositioner positioner) {
        if (roleObject != null) {
            self.postError(XdgSurface.Error.ALREADY_CONSTRUCTED, "this xdg_surface already has a role object");
            return;
        }
        PositionerState state = PositionerResource.stateOf(positioner);
        if (!state.isComplete()) {
            wmBase.resource.postError(XdgWmBase.Error.INVALID_POSITIONER, "the positioner needs a size and an anchor rect");
            return;
        }
        // a null parent is for another protocol to give (zwlr_layer_surface_v1.get_popup) before the first commit
        roleObject = new XdgPopupRole(id, this, parent == null ? null : of(parent), state, wmBase.resource);
    }

    @Override
    public void setWindowGeometry(XdgSurface self, int x, int y, int width, int height) {
        if (width <= 0 || height <= 0) {
            self.postError(XdgSurface.Error.INVALID_SIZE, "window geometry " + width + "x" + height + " must be positive");
            return;
        }
        pendingGeometry = new Rect(x, y, width, height);
    }

    @Override
    public void ackConfigure(XdgSurface self, int serial) {
        if (staleSerials.remove(serial)) return; // sent before the unmap: nothing to apply
        if (!unackedSerials.contains(serial)) {
            self.postError(XdgSurface.Error.INVALID_SERIAL, "serial " + Integer.toUnsignedString(serial) + " was not sent or is already acked");
            return;
        }
        // acking a configure acks every older one too
        while (!unackedSerials.isEmpty() && unackedSerials.poll() != serial) {
            // drop older serials
        }
        acked = true;
    }

    @Override
    public void destroy(XdgSurface self) {
        if (roleObject != null && roleObject.isAlive()) {
            self.postError(XdgSurface.Error.DEFUNCT_ROLE_OBJECT, "xdg_surface destroyed before its role object");
        }
        unmapAndReset();
    }
}
