package javawc.compositor.pointerconstraints;

import javawc.compositor.core.Surface;
import javawc.compositor.scene.Scene;
import javawc.compositor.seat.Pointer;
import javawc.compositor.seat.Seat;
import javawc.server.GlobalRegistry;
import javawc.server.protocol.WlDisplay;
import javawc.server.protocol.WlPointer;
import javawc.server.protocol.WlRegion;
import javawc.server.protocol.WlSurface;
import javawc.server.protocol.ZwpConfinedPointerV1;
import javawc.server.protocol.ZwpLockedPointerV1;
import javawc.server.protocol.ZwpPointerConstraintsV1;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * zwp_pointer_constraints_v1 (v1): at most one constraint per surface (the one seat). A
 * constraint becomes active when its surface has the keyboard focus and the pointer is over
 * it, inside the constraint's region (the pointer's focus may be a subsurface of the same
 * client above it); it ends when the surface loses the keyboard focus (a click elsewhere is
 * impossible while locked, but a new window or Alt+Tab takes the focus), the pointer is over
 * another client's surface, the surface stops being shown, or is destroyed. A one-shot constraint is then spent (the client may ask
 * for a new one); a persistent one waits to be activated again. Whether to activate is
 * checked when a constraint is made, when the keyboard focus moves, when the pointer moves, and
 * when the surface commits (its region may have changed), each a map lookup.
 */
public final class PointerConstraintsGlobal implements ZwpPointerConstraintsV1.Handler {
    public static final int VERSION = 1;
    private static final Logger LOG = LogManager.getLogger(PointerConstraintsGlobal.class);

    private final Seat seat;
    private final Pointer pointer;
    private final Map<Surface, PointerConstraint> bySurface = new IdentityHashMap<>();
    private final int[] origin = new int[2];
    private final double[] hint = new double[2];
    private PointerConstraint active;

    public PointerConstraintsGlobal(GlobalRegistry registry, Seat seat, Scene scene) {
        this.seat = seat;
        this.pointer = seat.pointer();
        seat.addFocusListener((previous, current) -> update(current));
        pointer.addMovedListener(this::update);
        scene.addSurfaceCommittedListener(s -> {
            PointerConstraint c = bySurface.get(s);
            if (c == null) return;
            c.committed();
            update();
        });
        scene.addSurfaceDestroyingListener(s -> {
            PointerConstraint c = bySurface.get(s);
            if (c != null) end(c, true); // inert from now on: the client may only destroy it
        });
        registry.add(ZwpPointerConstraintsV1.SPEC, VERSION, ZwpPointerConstraintsV1::new, r -> r.setHandler(this));
    }

    @Override
    public void lockPointer(ZwpPointerConstraintsV1 self, ZwpLockedPointerV1 id, WlSurface surface, WlPointer wlPointer, WlRegion region, int lifetime) {
        Surface s = Surface.of(surface);
        if (!check(self, s, lifetime)) return;
        add(new LockedPointer(id, this, s, region, lifetime));
    }

    @Override
    public void confinePointer(ZwpPointerConstraintsV1 self, ZwpConfinedPointerV1 id, WlSurface surface, WlPointer wlPointer, WlRegion region, int lifetime) {
        Surface s = Surface.of(surface);
        if (!check(self, s, lifetime)) return;
        add(new ConfinedPointer(id, this, s, region, lifetime));
    }

    private boolean check(ZwpPointerConstraintsV1 self, Surface s, int lifetime) {
        if (lifetime != ZwpPointerConstraintsV1.Lifetime.ONESHOT && lifetime != ZwpPointerConstraintsV1.Lifetime.PERSISTENT) {
            // the interface defines no error for this: an argument outside its enum is a malformed request
            self.client().postError(self.client().display(), WlDisplay.Error.INVALID_METHOD,
                    "zwp_pointer_constraints_v1: lifetime " + Integer.toUnsignedString(lifetime) + " is neither oneshot (1) nor persistent (2)");
            return false;
        }
        if (bySurface.containsKey(s)) {
            self.postError(ZwpPointerConstraintsV1.Error.ALREADY_CONSTRAINED, "wl_surface@" + s.resource().id() + " already has a pointer constraint on " + Seat.NAME);
            return false;
        }
        return true;
    }

    private void add(PointerConstraint c) {
        bySurface.put(c.surface, c);
        c.resource().onDestroy(() -> removed(c));
        update();
    }

    /** The client destroyed the constraint (or its connection went): the pointer is free at once. */
    void removed(PointerConstraint c) {
        bySurface.remove(c.surface, c);
        if (active == c) {
            active = null;
            pointer.setConstraint(null);
        }
    }

    private void update() {
        update(seat.keyboardFocus());
    }

    /** Activates or ends the constraint as the keyboard focus ({@code focus}, which may be moving) and the pointer now call for. */
    private void update(Surface focus) {
        if (active != null && (active.surface != focus || !pointerOverClientOf(active.surface) || !active.surface.isMapped())) {
            end(active, false);
        }
        if (active != null || focus == null) return;
        PointerConstraint c = bySurface.get(focus);
        if (c == null || !pointerOverClientOf(focus) || !focus.position(origin)) return;
        if (!c.contains((int) Math.floor(pointer.x() - origin[0]), (int) Math.floor(pointer.y() - origin[1]))) return;
        active = c;
        pointer.setConstraint(c);
        c.sendActivated();
        LOG.debug("pointer constraint on {} active", c.surface);
    }

    /**
     * Whether the pointer's focus is one of {@code s}'s client's surfaces: the surface itself,
     * or a subsurface above it (a video or a browser's content), not another window on top.
     */
    private boolean pointerOverClientOf(Surface s) {
        Surface p = pointer.focus();
        return p != null && !p.isDestroyed() && p.client() == s.client();
    }

    /**
     * Ends {@code c} (active or not): unlocked/unconfined if it was active; spent if one-shot or
     * {@code inert}. A lock with a cursor hint then puts the pointer where the client showed it.
     */
    private void end(PointerConstraint c, boolean inert) {
        boolean wasActive = active == c;
        if (wasActive) {
            active = null;
            pointer.setConstraint(null);
            c.sendDeactivated();
            LOG.debug("pointer constraint on {} ended", c.surface);
        }
        if (inert || !c.persistent) bySurface.remove(c.surface, c);
        if (wasActive && c instanceof LockedPointer lock && lock.hint(hint) && !c.surface.isDestroyed() && c.surface.position(origin)) {
            pointer.warpTo(origin[0] + hint[0], origin[1] + hint[1]); // may activate another constraint: this one is settled
        }
    }

    @Override
    public void destroy(ZwpPointerConstraintsV1 self) {
        // destructor: constraints made through it live on
    }
}
