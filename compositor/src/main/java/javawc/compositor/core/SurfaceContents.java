package javawc.compositor.core;

import javawc.compositor.render.SurfaceTexture;
import javawc.compositor.scene.Drawable;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import javawc.server.protocol.WlBuffer;
import javawc.server.protocol.WlShm;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A surface's pixels: its texture, and the client buffer it keeps attached rather than copying
 * (locked while kept). An output it fills alone shows the kept buffer as it is; when it must be
 * composited, {@link #texture} copies into the texture only what changed since the last copy,
 * and the software renderer reads the buffer's rows straight into its frame ({@link #read}).
 * A fault in client memory found then is still the owning client's protocol error. A buffer
 * that cannot be shown as it is is copied at commit and released at once.
 */
final class SurfaceContents implements Drawable.Rows {
    private static final Logger LOG = LogManager.getLogger(Surface.class); // the surface's log lines, as before the split
    private static final int MAX_STALE_RECTS = 16; // past that, the stale area is kept as its bounds

    private final Surface surface; // named in log lines
    private final SurfaceTexture texture = new SurfaceTexture();
    private final Region textureStale = new Region(); // buffer coordinates the texture lacks from {@code direct}
    private ClientBuffer direct;                      // the attached buffer when it is kept rather than copied

    SurfaceContents(Surface surface) {
        this.surface = surface;
    }

    /** The contents as a texture, brought up to date from a kept buffer first if needed. */
    SurfaceTexture texture() {
        if (direct != null && !textureStale.isEmpty()) {
            try {
                direct.copyTo(texture, textureStale);
                texture.changed(textureStale);
            } catch (ClientBuffer.BufferAccessException e) {
                LOG.warn("{}: {}; showing the previous contents", surface, e.getMessage());
                direct.readFailed(e.getMessage());
            }
            textureStale.clear();
        }
        return texture;
    }

    /** The texture's width in buffer pixels (no copy made). */
    int width() {
        return texture.width();
    }

    int height() {
        return texture.height();
    }

    /** Set at commit from the buffer's format: no need to read the pixels. */
    boolean opaque() {
        return texture.opaque();
    }

    /** The kept buffer's rows when the software renderer can read them, else null. */
    Drawable.Rows rows() {
        return direct != null && direct.readsRows() ? this : null;
    }

    /** A row of the kept buffer, for the software renderer; a fault is its client's error, as in {@link #texture}. */
    @Override
    public boolean read(int x, int y, int n, int[] dst, int offset) {
        try {
            direct.readRow(x, y, n, dst, offset);
            return true;
        } catch (ClientBuffer.BufferAccessException e) {
            LOG.warn("{}: {}", surface, e.getMessage());
            direct.readFailed(e.getMessage());
            return false;
        }
    }

    /** The attached buffer when the display could show it as it is (a dma-buf), else null. */
    ClientBuffer direct() {
        return direct;
    }

    /**
     * Takes {@code content}, attached as {@code buffer}, with the damage {@code s} carries: all of
     * it when {@code whole} (the surface was not shown) or the size changed, and all of any
     * surface damage unless surface and buffer coordinates are {@code oneToOne}. Kept, or copied
     * into the texture and released; false after posting an error.
     */
    boolean take(WlBuffer buffer, ClientBuffer content, SurfaceState s, boolean whole, boolean oneToOne) {
        int w = content.width(), h = content.height();
        boolean resized = texture.resize(w, h);
        Region copy = resized || whole ? new Region(new Rect(0, 0, w, h)) : bufferDamage(s, w, h, oneToOne);
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
        return true;
    }

    /** Buffer damage plus surface damage mapped into the buffer (all of it when not 1:1). */
    private static Region bufferDamage(SurfaceState s, int w, int h, boolean oneToOne) {
        Region d = s.bufferDamage.copy();
        if (!s.surfaceDamage.isEmpty()) {
            if (oneToOne) d.add(s.surfaceDamage);
            else d.add(new Rect(0, 0, w, h));
        }
        return d;
    }

    /** Adds {@code area} to what the texture lacks from the kept buffer, bounded in size however long nobody reads it. */
    private void markStale(Region area) {
        textureStale.add(area);
        if (textureStale.rects().size() > MAX_STALE_RECTS) {
            Rect bounds = textureStale.bounds();
            textureStale.clear();
            textureStale.add(bounds);
        }
    }

    /** Lets go of the kept buffer, if any (unlocked): the surface shows no buffer. */
    void dropBuffer() {
        keep(null);
    }

    /** The surface is gone: no buffer kept, no texture. */
    void discard() {
        keep(null);
        texture.discard();
    }

    /** Makes {@code buffer} the kept one (locked), unlocking the one before. */
    private void keep(ClientBuffer buffer) {
        if (buffer != null) buffer.lock();
        if (direct != null) direct.unlock();
        direct = buffer;
        if (buffer == null) textureStale.clear();
    }
}
