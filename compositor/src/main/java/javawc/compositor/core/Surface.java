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
 * kept locked while it is attached, not copied: an output it fills alone shows it as it is
 * (no copy at all), and when it must be composited {@link #texture} copies into the surface's
 * own texture only what changed since the last copy. A fault in client memory found then is
 * still the owning client's protocol error. The client gets the buffer back (release) when it
 * attaches another and no output shows it any more, as on weston and wlroots.
 */
public final class Surface implements WlSurface.Handler, Drawable {
    private static final org.apache.logging.log4j.Logger LOG = org.apache.logging.log4j.LogManager.getLogger(Surface.class);
    private final WlSurface resource;
    private final Scene scene;
    private final SurfaceState pending = new SurfaceState();
    private final SurfaceState cached = new SurfaceState();
    private final SurfaceTexture texture = new SurfaceTexture();
    private final Region textureStale = new Region(); // buffer coordinates the texture lacks from {@code direct}
    private ClientBuffer direct;                      // the attached buffer when it is kept rather than copied
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
        if (direct != null && !textureStale.isEmpty()) {
            try {
                direct.copyTo(texture, textureStale);
                texture.changed(textureStale);
            } catch (ClientBuffer.BufferAccessException e) {
                LOG.warn("{}: {}; showing the previous contents", this, e.getMessage());
                direct.readFailed(e.getMessage());
            }
            textureStale.clear();
        }
        return texture;
    }

    @Override
    public boolean opaque() {
        return texture.opaque(); // set at commit from the buffer's format: no need to read the pixels
    }

    @Override
    public Rows rows() {
        return direct != null && direct.readsRows() ? rows : null;
    }

    /** The kept buffer's rows, for the software renderer; a fault is its client's error, as in {@link #texture}. */
    private final Rows rows = (x, y, n, dst, offset) -> {
        try {
            direct.readRow(x, y, n, dst, offset);
            return true;
        } catch (ClientBuffer.BufferAccessException e) {
            LOG.warn("{}: {}", this, e.getMessage());
            direct.readFailed(e.getMessage());
            return false;
        }
    };

    /** The attached buffer when the display could show it as it is (a dma-buf), else null. */
    public ClientBuffer directBuffer() {
        return direct;
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
                keep(null);
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

    /** Takes the buffer: copied into the texture and released, or kept (see the class comment); false after posting an error. */
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
        boolean resized = texture.resize(w, h);
        Region copy = resized || !mapped ? new Region(new Rect(0, 0, w, h)) : bufferDamage(s, w, h, rotated);
        if (content.showsWithoutCopy()) {
            try {
                content.checkReadable();
            } catch (ClientBuffer.BufferAccessException e) {
                buffer.postError(WlShm.Error.INVALID_FD, e.getMessage());
                return false;
            }
            // Another buffer needs no more than the damage either: the texture matches the
            // surface's last contents except where it is stale, and the new buffer matches those
            // contents except where it is damaged (what wl_surface.damage means).
            markStale(copy);
            keep(content);
            texture.setOpaque(content.opaque());
            mapped = true;
            return true;
        }
        if (direct != null) copy = new Region(new Rect(0, 0, w, h)); // the texture may lack parts of the kept buffer
        keep(null);
        try {
            content.copyTo(texture, copy);
            texture.changed(copy);
        } catch (ClientBuffer.BufferAccessException e) {
            buffer.postError(WlShm.Error.INVALID_FD, e.getMessage());
            return false;
        }
        buffer.sendRelease();
        mapped = true;
        return true;
    }

    private static final int MAX_STALE_RECTS = 16; // past that, the stale area is kept as its bounds

    /** Adds {@code area} to what the texture lacks from the kept buffer, bounded in size however long nobody reads it. */
    private void markStale(Region area) {
        textureStale.add(area);
        if (textureStale.rects().size() > MAX_STALE_RECTS) {
            Rect bounds = textureStale.bounds();
            textureStale.clear();
            textureStale.add(bounds);
        }
    }

    /** Makes {@code buffer} the kept one (locked), unlocking the one before. */
    private void keep(ClientBuffer buffer) {
        if (buffer != null) buffer.lock();
        if (direct != null) direct.unlock();
        direct = buffer;
        if (buffer == null) textureStale.clear();
    }

    /** Buffer damage plus surface damage mapped into the buffer (all of it when not 1:1). */
    private Region bufferDamage(SurfaceState s, int w, int h, boolean rotated) {
        Region d = s.bufferDamage.copy();
        if (!s.surfaceDamage.isEmpty()) {
            if (scale == 1 && transform == 0 && !rotated && !viewport.active()) d.add(s.surfaceDamage);
            else d.add(new Rect(0, 0, w, h));
        }
        return d;
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
        return (transform % 2 == 1 ? texture.height() : texture.width()) / scale;
    }

    private int turnedHeight() {
        return (transform % 2 == 1 ? texture.width() : texture.height()) / scale;
    }

    // ---- frame callbacks, outputs, subsurface stacking ----

    /** Sends done to every callback of the last applied commits; called after a repaint that showed the surface. */
    public void sendFrameDone(int timeMs) {
        if (frameCallbacks.isEmpty()) return;
        for (WlCallback cb : frameCallbacks) cb.sendDone(timeMs);
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
        keep(null);
        texture.discard();
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
