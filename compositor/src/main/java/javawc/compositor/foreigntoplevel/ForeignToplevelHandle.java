package javawc.compositor.foreigntoplevel;

import javawc.compositor.output.Output;
import javawc.compositor.output.OutputGlobal;
import javawc.compositor.scene.Rect;
import javawc.compositor.wm.ManagedWindow;
import javawc.compositor.wm.WindowManager;
import javawc.server.protocol.WlOutput;
import javawc.server.protocol.WlSeat;
import javawc.server.protocol.WlSurface;
import javawc.server.protocol.ZwlrForeignToplevelHandleV1;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * zwlr_foreign_toplevel_handle_v1: one window as one taskbar sees it. Remembers what it last
 * told the client, so an update sends only what changed, closed by done. Its requests go to
 * the window manager; once the window is gone (closed) they are ignored, as the protocol says.
 */
final class ForeignToplevelHandle implements ZwlrForeignToplevelHandleV1.Handler {
    private static final Logger LOG = LogManager.getLogger(ForeignToplevelHandle.class);
    private static final int STATE_COUNT = 4;

    private final ZwlrForeignToplevelHandleV1 resource;
    private final ManagedWindow window;
    private final ForeignToplevelManagerGlobal manager;
    private final ByteBuffer states = ByteBuffer.allocate(STATE_COUNT * 4).order(ByteOrder.nativeOrder()); // reused for each state event
    private final List<WlOutput> entered = new ArrayList<>(1);
    private String title, appId;
    private int stateBits = -1; // -1: never sent
    private ZwlrForeignToplevelHandleV1 parent;
    private boolean parentSent, closed;

    ForeignToplevelHandle(ZwlrForeignToplevelHandleV1 resource, ManagedWindow window, ForeignToplevelManagerGlobal manager) {
        this.resource = resource;
        this.window = window;
        this.manager = manager;
        resource.setHandler(this);
        resource.onDestroy(() -> manager.forget(this));
    }

    ZwlrForeignToplevelHandleV1 resource() {
        return resource;
    }

    ManagedWindow window() {
        return window;
    }

    /** Everything, right after the toplevel event. */
    void sendAll() {
        if (!sendChanges()) resource.sendDone(); // done even if the window has no title or app id yet
        updateOutputs();
    }

    /** The window changed: what differs from what the client knows, then done. */
    void update() {
        if (closed) return;
        if (sendChanges()) resource.sendDone();
    }

    private boolean sendChanges() {
        boolean changed = false;
        if (!Objects.equals(title, window.title())) {
            title = window.title();
            resource.sendTitle(title);
            changed = true;
        }
        if (!Objects.equals(appId, window.appId())) {
            appId = window.appId();
            resource.sendAppId(appId);
            changed = true;
        }
        int bits = stateBits();
        if (bits != stateBits) {
            stateBits = bits;
            sendStates(bits);
            changed = true;
        }
        if (resource.version() >= ZwlrForeignToplevelHandleV1.EVENT_PARENT_SINCE) {
            ZwlrForeignToplevelHandleV1 p = manager.handleOf(window.parent(), resource.client());
            if (!parentSent || p != parent) {
                parent = p;
                parentSent = true;
                resource.sendParent(p);
                changed = true;
            }
        }
        return changed;
    }

    private int stateBits() {
        int bits = 0;
        if (window.maximized()) bits |= 1 << ZwlrForeignToplevelHandleV1.State.MAXIMIZED;
        if (window.minimized()) bits |= 1 << ZwlrForeignToplevelHandleV1.State.MINIMIZED;
        if (window.activated()) bits |= 1 << ZwlrForeignToplevelHandleV1.State.ACTIVATED;
        if (window.fullscreen() && resource.version() >= 2) bits |= 1 << ZwlrForeignToplevelHandleV1.State.FULLSCREEN;
        return bits;
    }

    private void sendStates(int bits) {
        states.clear();
        for (int s = 0; s < STATE_COUNT; s++) if ((bits & 1 << s) != 0) states.putInt(s);
        resource.sendState(states.flip());
    }

    /** output_enter and output_leave for the outputs the window's geometry now overlaps, done if any was sent. */
    void updateOutputs() {
        if (closed) return;
        boolean changed = false;
        Rect g = window.geometry();
        for (Output o : manager.context().scene().outputs()) {
            OutputGlobal global = manager.context().outputs().globalOf(o);
            if (global == null) continue;
            boolean on = g.intersects(o.logicalBounds());
            for (WlOutput r : global.resources(resource.client())) {
                boolean was = entered.contains(r);
                if (on && !was && r.isAlive()) {
                    resource.sendOutputEnter(r);
                    entered.add(r);
                    changed = true;
                } else if (!on && was) {
                    if (r.isAlive()) resource.sendOutputLeave(r);
                    entered.remove(r);
                    changed = true;
                }
            }
        }
        entered.removeIf(r -> !r.isAlive());
        if (changed) resource.sendDone();
    }

    /** The window was unmapped or destroyed: closed, and the handle is inert. */
    void closed() {
        if (closed) return;
        closed = true;
        resource.sendClosed();
    }

    // ---- requests: ignored once closed ----

    private WindowManager wm() {
        return manager.context().windowManager();
    }

    @Override
    public void setMaximized(ZwlrForeignToplevelHandleV1 self) {
        if (closed) return;
        if (window.minimized()) wm().focus(window); // a maximized window is one the user wants to see
        window.setMaximized(true);
    }

    @Override
    public void unsetMaximized(ZwlrForeignToplevelHandleV1 self) {
        if (!closed) window.setMaximized(false);
    }

    @Override
    public void setMinimized(ZwlrForeignToplevelHandleV1 self) {
        if (!closed) wm().minimize(window);
    }

    @Override
    public void unsetMinimized(ZwlrForeignToplevelHandleV1 self) {
        if (!closed && window.minimized()) wm().focus(window); // shown again, on top and focused, as a taskbar click means
    }

    @Override
    public void activate(ZwlrForeignToplevelHandleV1 self, WlSeat seat) {
        if (closed) return;
        LOG.debug("a taskbar activates '{}' ({})", window.title(), window.appId());
        wm().focus(window);
    }

    @Override
    public void close(ZwlrForeignToplevelHandleV1 self) {
        if (!closed) wm().close(window);
    }

    @Override
    public void setRectangle(ZwlrForeignToplevelHandleV1 self, WlSurface surface, int x, int y, int width, int height) {
        if (width < 0 || height < 0) {
            self.postError(ZwlrForeignToplevelHandleV1.Error.INVALID_RECTANGLE, "rectangle " + width + "x" + height + " has a negative size");
        }
        // otherwise a hint for minimize animations, which we do not draw
    }

    @Override
    public void destroy(ZwlrForeignToplevelHandleV1 self) {
        // destructor: the manager forgets the handle when it is destroyed
    }

    @Override
    public void setFullscreen(ZwlrForeignToplevelHandleV1 self, WlOutput output) {
        if (closed) return;
        if (window.minimized()) wm().focus(window);
        window.setFullscreen(true, output == null ? null : OutputGlobal.of(output));
    }

    @Override
    public void unsetFullscreen(ZwlrForeignToplevelHandleV1 self) {
        if (!closed) window.setFullscreen(false, null);
    }
}
