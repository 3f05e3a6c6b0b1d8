package javawc.compositor.core;

import javawc.compositor.render.SurfaceTexture;
import javawc.compositor.scene.Drawable;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import javawc.compositor.scene.Scene;
import javawc.server.Client;
import javawc.server.protocol.WlBuffer;
import javawc.server.protocol.WlCallback;
import javawc.server.protocol.WlOutput;
import javawc.server.protocol.WlRegion;
import javawc.server.protocol.WlShm;
import javawc.server.protocol.WlSurface;

import java.util.ArrayList;
import java.util.List;

/**
 * wl_surface. Requests fill the pending state; commit applies it (or, for a synchronized
 * subsurface, caches it until the parent's commit). The attached buffer (shm or dma-buf) is
 * kept locked while it is attached, not copied ({@link SurfaceContents}); the client gets it
 * back (release) when it attaches another and no output shows it any more, as on weston and wlroots.
 */
public final class Surface implements WlSurface.Handler, Drawable {
    private final WlSurface resource;
    private final Scene scene;
    private final SurfaceState pending = new SurfaceState();
    private final SurfaceState cached = new SurfaceState();
    private final SurfaceContents contents = new SurfaceContents(this);
    private final List<WlCallback> frameCallbacks = new ArrayList<>();
    private final List<Surface> stack = new ArrayList<>(List.of(this));        // this + subsurfaces, bottom to top
    private List<Surface> pendingStack;                                        // set when the order changes
    private final List<WlOutput> enteredOutputs = new ArrayList<>();
    private SurfaceRole role;
    private boolean mapped, destroyed;
    private Region opaque, input;
    private int scale = 1, transform;
    private int width, height;
    private final SurfaceViewport viewport = new SurfaceViewport();
    private long appliedCommits;
    private int lastDx, lastDy;

    Surface(WlSurface resource, Scene scene) {
        this.resource = resource;
        this.scene = scene;
        resource.setHandler(this);
        resource.onDestroy(this::destroyed);
    }

    public static Surface of(WlSurface resource) {
        return (Surface) resource.handler();
    }

    public WlSurface resource() {
        return resource;
    }

    public Client client() {
        return resource.client();
    }

    public SurfaceRole role() {
        return role;
    }

    /** Gives the surface its role; false (after posting {@code errorCode} on {@code errorObject}) if it has another. */
    public boolean setRole(SurfaceRole newRole, javawc.server.Resource errorObject, int errorCode) {
        if (role != null && !role.roleName().equals(newRole.roleName())) {
            errorObject.postError(errorCode, "wl_surface@" + resource.id() + " already has the role " + role.roleName());
            return false;
        }
        role = newRole;
        return true;
    }

    public boolean isMapped() {
        return mapped && !destroyed;
    }

    public boolean hasBufferCommitted() {
        return mapped;
    }

    /** The contents as a texture, brought up to date from a kept buffer first if needed. */
    public SurfaceTexture texture() {
        return contents.texture();
    }

    @Override
    public boolean opaque() {
        return contents.opaque();
    }

    @Override
    public Rows rows() {
        return contents.rows();
    }

    /** The attached buffer when the display could show it as it is (a dma-buf), else null. */
    public ClientBuffer directBuffer() {
        return contents.direct();
    }

    /** Size in surface-local coordinates (buffer size with scale and transform applied). */
    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int scale() {
        return scale;
    }

    public int transform() {
        return transform;
    }

    @Override
    public Source viewportSource() {
        return viewport.active() ? viewport : null;
    }

    @Override
    public int contentWidth() {
        return viewport.contentWidth;
    }

    @Override
    public int contentHeight() {
        return viewport.contentHeight;
    }

    // ---- what other protocols add to a surface ----

    /** Makes {@code object} the surface's wp_viewport (null: it has none); false when it has one already. */
    public boolean setViewportObject(javawc.server.Resource object) {
        if (object != null && viewport.object != null) return false;
        viewport.object = object;
        return true;
    }

    /** Pending crop (24.8 fixed, already checked by the caller); width -1 unsets it. */
    public void setViewportSource(int x, int y, int width, int height) {
        pending.sourceChanged = true;
        pending.sourceX = x;
        pending.sourceY = y;
        pending.sourceWidth = width;
        pending.sourceHeight = height;
    }

    /** Pending destination size (already checked by the caller); -1 unsets it. */
    public void setViewportDestination(int width, int height) {
        pending.destinationChanged = true;
        pending.destinationWidth = width;
        pending.destinationHeight = height;
    }

    /** Runs {@code hook} once, when the state of the next commit is applied (later for a synchronized subsurface). */
    public void onNextApply(Runnable hook) {
        pending.appliedHooks.add(hook);
    }

    /** How many commits' states have been applied: what is shown is the latest one's. */
    public long appliedCommits() {
        return appliedCommits;
    }

    /** The opaque region in surface coordinates, or null. */
    public Region opaqueRegion() {
        return opaque;
    }

    /** The input region in surface coordinates, or null (the whole surface). */
    public Region inputRegion() {
        return input;
    }

    /** Whether a point in surface coordinates accepts input (the input region, clipped to the surface). */
    public boolean acceptsInput(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && (input == null || input.contains(x, y));
    }

    /** The offset of the last attach/offset, for roles that move the window by it. */
    public int lastDx() {
        return lastDx;
    }

    public int lastDy() {
        return lastDy;
    }

    /** This surface and its subsurfaces, bottom to top (the list includes this surface itself). */
    public List<Surface> stack() {
        return stack;
    }

    /** Where the surface is in global coordinates; false when it is not shown. */
    public boolean position(int[] xy) {
        return isMapped() && role != null && role.position(this, xy);
    }

    public Rect globalBounds() {
        int[] xy = new int[2];
        return position(xy) ? new Rect(xy[0], xy[1], width, height) : Rect.EMPTY;
    }

    // ---- requests ----

    @Override
    public void destroy(WlSurface self) {
        // destructor; cleanup in destroyed(), after the id is freed: events about us go out now
        scene.surfaceDestroying(this);
    }

    /** A buffer (not null) is attached and waits for the next commit. */
    public boolean hasBufferPending() {
        return pending.newBuffer && pending.buffer != null;
    }

    @Override
    public void attach(WlSurface self, WlBuffer buffer, int x, int y) {
        if (self.version() >= WlSurface.REQUEST_OFFSET_SINCE && (x != 0 || y != 0)) {
            self.postError(WlSurface.Error.INVALID_OFFSET, "attach with a non-zero offset; use wl_surface.offset from version 5");
            return;
        }
        if (buffer != null && role != null && !role.attachAllowed(this)) return;
        pending.newBuffer = true;
        pending.buffer = buffer;
        pending.dx += x;
        pending.dy += y;
    }

    @Override
    public void offset(WlSurface self, int x, int y) {
        pending.dx += x;
        pending.dy += y;
    }

    @Override
    public void damage(WlSurface self, int x, int y, int width, int height) {
        pending.surfaceDamage.add(new Rect(x, y, width, height));
    }

    @Override
    public void damageBuffer(WlSurface self, int x, int y, int width, int height) {
        pending.bufferDamage.add(new Rect(x, y, width, height));
    }

    @Override
    public void frame(WlSurface self, WlCallback callback) {
        pending.frames.add(callback);
    }

    @Override
    public void setOpaqueRegion(WlSurface self, WlRegion region) {
        pending.opaqueChanged = true;
        pending.opaque = region == null ? null : RegionResource.of(region);
    }

    @Override
    public void setInputRegion(WlSurface self, WlRegion region) {
        pending.inputChanged = true;
        pending.input = region == null ? null : RegionResource.of(region);
    }

    @Override
    public void setBufferScale(WlSurface self, int newScale) {
        if (newScale < 1) {
            self.postError(WlSurface.Error.INVALID_SCALE, "buffer scale " + newScale + " is not positive");
            return;
        }
        pending.scaleChanged = true;
        pending.scale = newScale;
    }

    @Override
    public void setBufferTransform(WlSurface self, int newTransform) {
        if (!WlOutput.Transform.isValid(newTransform, 1)) {
            self.postError(WlSurface.Error.INVALID_TRANSFORM, "buffer transform " + newTransform + " is not a wl_output.transform");
            return;
        }
        pending.transformChanged = true;
        pending.transform = newTransform;
    }

    @Override
    public void commit(WlSurface self) {
        if (role != null && !role.preCommit(this, pending.newBuffer && pending.buffer != null)) return;
        if (role instanceof Subsurface sub && sub.isEffectivelySynchronized()) {
            cached.merge(pending);
            sub.markCached();
            return;
        }
        apply(pending);
    }

    // ---- applying state ----

    /** Applies the cache a synchronized subsurface built up (its parent's state is being applied). */
    void applyCached() {
        apply(cached);
    }

    private void apply(SurfaceState s) {
        Rect before = globalBounds();
        boolean sizeChanged = false;
        if (s.scaleChanged) scale = s.scale;
        if (s.transformChanged) transform = s.transform;
        if (s.opaqueChanged) opaque = s.opaque;
        if (s.inputChanged) input = s.input;
        boolean viewportChanged = viewport.take(s);
        lastDx = s.dx;
        lastDy = s.dy;
        Region damage = new Region();
        if (s.newBuffer) {
            WlBuffer buffer = s.buffer != null && s.buffer.isAlive() ? s.buffer : null;
            if (buffer == null) {
                if (viewportChanged && !viewport.check(false, 0, 0)) return;
                if (mapped) damage.add(new Rect(0, 0, width, height));
                contents.dropBuffer();
                mapped = false;
                width = height = 0;
            } else if (!takeContents(buffer, s) || !viewport.check(true, turnedWidth(), turnedHeight())) {
                return; // protocol error posted; the client is on its way out
            } else {
                sizeChanged = updateSize();
                damage.add(surfaceDamage(s, sizeChanged || viewportChanged));
            }
        } else {
            if (s.scaleChanged || s.transformChanged || viewportChanged) {
                if (!viewport.check(mapped, turnedWidth(), turnedHeight())) return;
                sizeChanged = updateSize();
            }
            damage.add(surfaceDamage(s, sizeChanged || viewportChanged));
        }
        frameCallbacks.addAll(s.frames);
        List<Runnable> hooks = s.appliedHooks.isEmpty() ? null : List.copyOf(s.appliedHooks);
        s.reset();
        appliedCommits++;
        if (pendingStack != null) {
            stack.clear();
            stack.addAll(pendingStack);
            pendingStack = null;
            damage.add(new Rect(0, 0, width, height)); // restacking: repaint the whole tree area
        }
        for (Surface child : stack) {
            if (child != this && child.role instanceof Subsurface sub) sub.parentCommitted();
        }
        if (role != null) role.committed(this);
        scene.surfaceChanged(this, before, damage.intersect(new Rect(0, 0, width, height)), !frameCallbacks.isEmpty());
        if (hooks != null) for (Runnable hook : hooks) hook.run();
    }

    /** Takes the buffer: copied into the texture and released, or kept ({@link SurfaceContents}); false after posting an error. */
    private boolean takeContents(WlBuffer buffer, SurfaceState s) {
        if (!(buffer.handler() instanceof ClientBuffer content)) {
            buffer.postError(WlShm.Error.INVALID_FD, "wl_buffer@" + buffer.id() + " has no contents");
            return false;
        }
        int w = content.width(), h = content.height();
        boolean rotated = (s.transformChanged ? s.transform : transform) % 2 == 1;
        int effectiveScale = s.scaleChanged ? s.scale : scale;
        if (w % effectiveScale != 0 || h % effectiveScale != 0) {
            resource.postError(WlSurface.Error.INVALID_SIZE, "buffer size " + w + "x" + h + " is not a multiple of the scale " + effectiveScale);
            return false;
        }
        boolean oneToOne = scale == 1 && transform == 0 && !rotated && !viewport.active(); // surface damage is buffer damage
        if (!contents.take(buffer, content, s, !mapped, oneToOne)) return false;
        mapped = true;
        return true;
    }

    /** The damage in surface coordinates: everything when the size changed or the mapping is not 1:1. */
    private Rect surfaceDamage(SurfaceState s, boolean everything) {
        boolean any = !s.surfaceDamage.isEmpty() || !s.bufferDamage.isEmpty();
        if (everything || any && (scale != 1 || transform != 0 || viewport.active())) return new Rect(0, 0, width, height);
        return s.surfaceDamage.bounds().union(s.bufferDamage.bounds());
    }

    private boolean updateSize() {
        viewport.contentWidth = turnedWidth();
        viewport.contentHeight = turnedHeight();
        int w = viewport.width(viewport.contentWidth), h = viewport.height(viewport.contentHeight);
        boolean changed = w != width || h != height;
        width = w;
        height = h;
        return changed;
    }

    /** The buffer's width in surface units: divided by the scale, turned by the transform. */
    private int turnedWidth() {
        return (transform % 2 == 1 ? contents.height() : contents.width()) / scale;
    }

    private int turnedHeight() {
        return (transform % 2 == 1 ? contents.width() : contents.height()) / scale;
    }

    // ---- frame callbacks, outputs, subsurface stacking ----

    /** Sends done to every callback of the last applied commits; called after a repaint that showed the surface. */
    public void sendFrameDone(int timeMs) {
        if (frameCallbacks.isEmpty()) return;
        for (int i = 0; i < frameCallbacks.size(); i++) frameCallbacks.get(i).sendDone(timeMs); // indexed: every frame, no iterator
        frameCallbacks.clear();
    }

    /**
     * Keeps wl_surface.enter/leave in step with whether the surface is on an output, given every
     * client's wl_output resources for it (ours are picked out). Runs every frame: no allocation.
     */
    public void updateOutputs(List<WlOutput> outputResources, boolean onOutput) {
        Client mine = client();
        for (int i = 0; i < outputResources.size(); i++) {
            WlOutput o = outputResources.get(i);
            if (o.client() != mine) continue;
            boolean entered = enteredOutputs.contains(o);
            if (onOutput && !entered && o.isAlive()) {
                resource.sendEnter(o);
                enteredOutputs.add(o);
            } else if (!onOutput && entered) {
                if (o.isAlive()) resource.sendLeave(o);
                enteredOutputs.remove(o);
            }
        }
        for (int i = enteredOutputs.size() - 1; i >= 0; i--) if (!enteredOutputs.get(i).isAlive()) enteredOutputs.remove(i);
    }

    List<Surface> pendingStack() {
        if (pendingStack == null) pendingStack = new ArrayList<>(stack);
        return pendingStack;
    }

    void removeFromStacks(Surface child) {
        stack.remove(child);
        if (pendingStack != null) pendingStack.remove(child);
    }

    /** Hides the surface (null buffer, role object gone, parent gone): contents stay for a later map. */
    public void unmap() {
        if (!mapped) return;
        Rect before = globalBounds();
        mapped = false;
        scene.surfaceChanged(this, before, new Region(), false);
    }

    private void destroyed() {
        Rect before = globalBounds();
        destroyed = true;
        contents.discard();
        for (WlCallback cb : frameCallbacks) cb.destroy();
        for (WlCallback cb : pending.frames) cb.destroy();
        for (WlCallback cb : cached.frames) cb.destroy();
        frameCallbacks.clear();
        if (role instanceof Subsurface sub) sub.surfaceDestroyed();
        for (Surface child : List.copyOf(stack)) {
            if (child != this && child.role instanceof Subsurface sub) sub.parentDestroyed();
        }
        scene.surfaceDestroyed(this, before);
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "wl_surface@" + resource.id() + (role != null ? " (" + role.roleName() + ")" : "");
    }
}
