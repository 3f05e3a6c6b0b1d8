package javawc.compositor.idle;

import javawc.compositor.core.Surface;
import javawc.server.GlobalRegistry;
import javawc.server.protocol.WlSurface;
import javawc.server.protocol.ZwpIdleInhibitManagerV1;
import javawc.server.protocol.ZwpIdleInhibitorV1;

/**
 * zwp_idle_inhibit_manager_v1 (v1): each inhibitor holds idleness off while its surface is
 * shown. A surface may have several (the protocol allows it); the inhibitor lasts until the
 * client destroys it, and counts for nothing once its surface is destroyed.
 */
final class IdleInhibitManagerGlobal implements ZwpIdleInhibitManagerV1.Handler {
    static final int VERSION = 1;

    private final IdleTracker tracker;
    private final ZwpIdleInhibitorV1.Handler inhibitorHandler = self -> {
        // destructor: the tracker forgets the surface as the resource goes
    };

    IdleInhibitManagerGlobal(GlobalRegistry registry, IdleTracker tracker) {
        this.tracker = tracker;
        registry.add(ZwpIdleInhibitManagerV1.SPEC, VERSION, ZwpIdleInhibitManagerV1::new, r -> r.setHandler(this));
    }

    @Override
    public void createInhibitor(ZwpIdleInhibitManagerV1 self, ZwpIdleInhibitorV1 id, WlSurface surface) {
        Surface s = Surface.of(surface);
        id.setHandler(inhibitorHandler);
        tracker.addInhibitor(s);
        id.onDestroy(() -> tracker.removeInhibitor(s));
    }

    @Override
    public void destroy(ZwpIdleInhibitManagerV1 self) {
        // destructor: inhibitors made through it live on
    }
}
