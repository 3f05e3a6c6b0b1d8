package javawc.compositor.layershell;

import javawc.compositor.core.Surface;
import javawc.compositor.core.SurfaceRole;
import javawc.compositor.output.Output;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.SceneWindow;
import javawc.compositor.xdg.PopupParent;
import javawc.compositor.xdg.XdgShell;
import javawc.server.protocol.XdgPopup;
import javawc.server.protocol.ZwlrLayerShellV1;
import javawc.server.protocol.ZwlrLayerSurfaceV1;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * zwlr_layer_surface_v1, and the wl_surface role that comes with it. Its state (size, anchor,
 * exclusive zone, margins, keyboard interactivity, layer) is double-buffered: checked and
 * applied at wl_surface.commit, which lays out the output again ({@link LayerShell#arrange}).
 * The first commit (no buffer) is answered with a configure; a buffer may only come once one
 * was acked; the surface is shown from its first buffer to a commit without one, drawn at the
 * top-left corner of the box the layout gives it.
 */
final class LayerSurfaceRole implements SurfaceRole, ZwlrLayerSurfaceV1.Handler, SceneWindow, PopupParent {
    private static final Logger LOG = LogManager.getLogger(LayerSurfaceRole.class);
    /** A client that never acks cannot make this list grow without bound. */
    private static final int MAX_UNACKED = 16;

    /** The double-buffered state. */
    static final class State {
        int width, height, anchor, exclusiveZone, marginTop, marginRight, marginBottom, marginLeft, keyboard, layer;

        State copy() {
            State s = new State();
            s.width = width;
            s.height = height;
            s.anchor = anchor;
            s.exclusiveZone = exclusiveZone;
            s.marginTop = marginTop;
            s.marginRight = marginRight;
            s.marginBottom = marginBottom;
            s.marginLeft = marginLeft;
            s.keyboard = keyboard;
            s.layer = layer;
            return s;
        }

        LayerLayout.Request request() {
            return new LayerLayout.Request(layer, anchor, width, height, exclusiveZone, marginTop, marginRight, marginBottom, marginLeft);
        }

        boolean sameLayout(State o) {
            return o != null && request().equals(o.request());
        }
    }

    private final ZwlrLayerSurfaceV1 resource;
    private final Surface surface;
    private final LayerShell shell;
    private final Output output;
    private final String namespace;
    private final ArrayDeque<Integer> unacked = new ArrayDeque<>();
    private final List<PopupParent.Popup> popups = new ArrayList<>();
    private State pending = new State(), current;
    private boolean alive = true, initialCommitDone, acked, mapped;
    private boolean closed; // its output went away: never shown again, the client is to destroy it
    private Rect box = Rect.EMPTY;           // where the layout put it (global)
    private int x, y;                        // where it is drawn: the box's corner, unless the conformance host moved it
    private int configuredWidth = -1, configuredHeight = -1;

    LayerSurfaceRole(ZwlrLayerSurfaceV1 resource, Surface surface, LayerShell shell, Output output, int layer, String namespace) {
        this.resource = resource;
        this.surface = surface;
        this.shell = shell;
        this.output = output;
        this.namespace = namespace;
        pending.layer = layer;
        resource.setHandler(this);
        resource.onDestroy(() -> {
            alive = false;
            unmap();
            shell.removed(this);
        });
        // a wl_surface destroyed before its layer surface object: its zone must not outlive it
        surface.resource().onDestroy(() -> {
            if (!alive) return;
            unmap();
            shell.arrange(output);
        });
    }

    boolean isAlive() {
        return alive && !surface.isDestroyed();
    }

    Output output() {
        return output;
    }

    /** The committed state, or null before the first commit. */
    State state() {
        return current;
    }

    /** Whether the surface takes part in the layout: alive, not closed, and committed at least once since it was last unmapped. */
    boolean laidOut() {
        return isAlive() && !closed && initialCommitDone && current != null;
    }

    /**
     * Its output went away: it is taken off the screen and told closed, once; from now on its
     * commits show nothing and it gets no configure, until the client destroys it.
     */
    void close() {
        if (closed || !isAlive()) return;
        closed = true;
        unmap();
        resource.sendClosed();
    }

    boolean isMapped() {
        return mapped;
    }

    int keyboardInteractivity() {
        return current == null ? ZwlrLayerSurfaceV1.KeyboardInteractivity.NONE : current.keyboard;
    }

    int layer() {
        return current == null ? pending.layer : current.layer;
    }

    // ---- the layout's answer ----

    /** The layout put the surface at {@code newBox}: it moves there, and a configure tells it a new size. */
    void placed(Rect newBox) {
        if (!newBox.equals(box)) {
            if (mapped) shell.scene().damageWindow(this);
            box = newBox;
            x = box.x();
            y = box.y();
            for (PopupParent.Popup p : popups) p.damage();
            if (mapped) shell.scene().damageWindow(this);
        }
        if (box.width() != configuredWidth || box.height() != configuredHeight) configure();
    }

    private void configure() {
        if (!isAlive() || closed) return;
        configuredWidth = box.width();
        configuredHeight = box.height();
        int serial = shell.server().nextSerial();
        unacked.add(serial);
        while (unacked.size() > MAX_UNACKED) unacked.poll();
        resource.sendConfigure(serial, configuredWidth, configuredHeight);
    }

    // ---- commit ----

    @Override
    public String roleName() {
        return "zwlr_layer_surface_v1";
    }

    @Override
    public boolean preCommit(Surface s, boolean attachesBuffer) {
        if (!isAlive() || closed) return true; // the role object is gone or closed: plain wl_surface commits, never shown
        State next = pending;
        boolean bothX = (next.anchor & (LayerLayout.LEFT | LayerLayout.RIGHT)) == (LayerLayout.LEFT | LayerLayout.RIGHT);
        boolean bothY = (next.anchor & (LayerLayout.TOP | LayerLayout.BOTTOM)) == (LayerLayout.TOP | LayerLayout.BOTTOM);
        if (next.width == 0 && !bothX || next.height == 0 && !bothY) {
            resource.postError(ZwlrLayerSurfaceV1.Error.INVALID_SIZE, "a width or height of 0 needs the surface anchored to both edges of that axis ("
                    + next.width + "x" + next.height + ", anchor " + next.anchor + ")");
            return false;
        }
        if (attachesBuffer && !acked && !shell.acceptsBufferBeforeFirstAck()) {
            resource.postError(ZwlrLayerSurfaceV1.Error.INVALID_SURFACE_STATE, "a buffer was committed before the first configure was acked");
            return false;
        }
        return true;
    }

    @Override
    public void committed(Surface s) {
        if (!isAlive() || closed) return;
        State before = current;
        boolean wasMapped = mapped;
        int wasKeyboard = keyboardInteractivity();
        current = pending.copy();
        boolean first = !initialCommitDone;
        initialCommitDone = true;
        if (first && s.hasBufferCommitted()) acked = true; // the lenient host's buffer before any configure (see preCommit)
        if (s.hasBufferCommitted()) {
            if (!mapped || before.layer != current.layer) shell.scene().shell().add(this, current.layer);
            mapped = true;
            if (first || !current.sameLayout(before)) shell.arrange(output);
        } else if (mapped) {
            unmap();
            initialCommitDone = false; // as after get_layer_surface: the next commit is an initial one
            acked = false;
            configuredWidth = configuredHeight = -1;
            shell.arrange(output);
        } else if (first || !current.sameLayout(before)) {
            shell.arrange(output);
        }
        shell.keyboardChanged(this, wasMapped, wasKeyboard);
    }

    private void unmap() {
        if (!mapped) return;
        for (PopupParent.Popup p : List.copyOf(popups).reversed()) p.dismiss();
        shell.scene().removeWindow(this); // while mapped: the scene damages where it was
        mapped = false;
        shell.keyboardChanged(this, true, keyboardInteractivity());
    }

    @Override
    public boolean position(Surface s, int[] xy) {
        if (!isAlive() || !mapped) return false;
        xy[0] = x;
        xy[1] = y;
        return true;
    }

    // ---- SceneWindow and PopupParent ----

    @Override
    public Surface surface() {
        return surface;
    }

    @Override
    public boolean visible() {
        return isAlive() && mapped;
    }

    @Override
    public String appId() {
        return namespace;
    }

    /** A click: a surface that takes the keyboard (on demand or exclusively) gets it. */
    @Override
    public void activate() {
        if (visible() && keyboardInteractivity() != ZwlrLayerSurfaceV1.KeyboardInteractivity.NONE) shell.seat().setKeyboardFocus(surface);
    }

    /** Only the conformance host moves a layer surface (to stack it over another); the next layout puts it back. */
    @Override
    public boolean moveTo(int newX, int newY) {
        if (!visible()) return false;
        shell.scene().damageWindow(this);
        x = newX;
        y = newY;
        for (PopupParent.Popup p : popups) p.damage();
        shell.scene().damageWindow(this);
        return true;
    }

    @Override
    public Rect geometry() {
        return visible() ? new Rect(x, y, surface.width(), surface.height()) : Rect.EMPTY;
    }

    @Override
    public boolean windowPosition(int[] xy) {
        return surface.position(xy);
    }

    @Override
    public void addChildPopup(PopupParent.Popup popup) {
        popups.add(popup);
    }

    @Override
    public void removeChildPopup(PopupParent.Popup popup) {
        popups.remove(popup);
    }

    // ---- requests ----

    @Override
    public void setSize(ZwlrLayerSurfaceV1 self, int width, int height) {
        if (width < 0 || height < 0) { // a uint past 2^31: no output is that large
            self.postError(ZwlrLayerSurfaceV1.Error.INVALID_SIZE, "size " + Integer.toUnsignedString(width) + "x" + Integer.toUnsignedString(height) + " is too large");
            return;
        }
        pending.width = width;
        pending.height = height;
    }

    @Override
    public void setAnchor(ZwlrLayerSurfaceV1 self, int anchor) {
        if ((anchor & ~(LayerLayout.TOP | LayerLayout.BOTTOM | LayerLayout.LEFT | LayerLayout.RIGHT)) != 0) {
            self.postError(ZwlrLayerSurfaceV1.Error.INVALID_ANCHOR, "anchor " + Integer.toUnsignedString(anchor) + " has bits that are not edges");
            return;
        }
        pending.anchor = anchor;
    }

    @Override
    public void setExclusiveZone(ZwlrLayerSurfaceV1 self, int zone) {
        pending.exclusiveZone = Math.max(-1, zone); // below -1 means what -1 does: no zone, others' ignored
    }

    @Override
    public void setMargin(ZwlrLayerSurfaceV1 self, int top, int right, int bottom, int left) {
        pending.marginTop = top;
        pending.marginRight = right;
        pending.marginBottom = bottom;
        pending.marginLeft = left;
    }

    @Override
    public void setKeyboardInteractivity(ZwlrLayerSurfaceV1 self, int keyboardInteractivity) {
        if (!ZwlrLayerSurfaceV1.KeyboardInteractivity.isValid(keyboardInteractivity, self.version())) {
            self.postError(ZwlrLayerSurfaceV1.Error.INVALID_KEYBOARD_INTERACTIVITY,
                    "keyboard interactivity " + Integer.toUnsignedString(keyboardInteractivity) + " is not defined in version " + self.version());
            return;
        }
        pending.keyboard = keyboardInteractivity;
    }

    @Override
    public void getPopup(ZwlrLayerSurfaceV1 self, XdgPopup popup) {
        if (!XdgShell.adoptPopup(popup, this)) {
            self.postError(ZwlrLayerSurfaceV1.Error.INVALID_SURFACE_STATE, "get_popup needs an xdg_popup made with a null parent and not yet committed");
        }
    }

    @Override
    public void ackConfigure(ZwlrLayerSurfaceV1 self, int serial) {
        if (!unacked.contains(serial)) {
            self.postError(ZwlrLayerSurfaceV1.Error.INVALID_SURFACE_STATE, "serial " + Integer.toUnsignedString(serial) + " was not sent or is already acked");
            return;
        }
        while (!unacked.isEmpty() && unacked.poll() != serial) {
            // acking a configure acks every older one too
        }
        acked = true;
    }

    @Override
    public void destroy(ZwlrLayerSurfaceV1 self) {
        LOG.debug("layer surface '{}' destroyed", namespace);
    }

    @Override
    public void setLayer(ZwlrLayerSurfaceV1 self, int layer) {
        if (!ZwlrLayerShellV1.Layer.isValid(layer, ZwlrLayerShellV1.VERSION)) {
            // the protocol names no error of the surface's own for this: as wlroots, the shell's code
            self.postError(ZwlrLayerShellV1.Error.INVALID_LAYER, "layer " + Integer.toUnsignedString(layer) + " is not a layer");
            return;
        }
        pending.layer = layer;
    }

    @Override
    public String toString() {
        return "layer surface '" + namespace + "' of " + surface;
    }
}
