package javawc.compositor.render.gles;

import javawc.compositor.render.SurfaceTexture;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;

import java.nio.IntBuffer;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

import static org.lwjgl.opengles.GLES20.*;

/**
 * A GL texture for each surface's {@link SurfaceTexture}, kept up to date from its recorded
 * changes: a texture is uploaded whole when it is new or resized, and otherwise only the rows
 * that changed since the last upload. Never from client memory: {@code SurfaceTexture} is the
 * compositor's own copy.
 *
 * <p>Channel order: our pixels are 0xAARRGGBB ints, which in memory are the bytes B, G, R, A.
 * They are uploaded as GL_RGBA bytes unchanged, so a texture's red slot holds blue and its blue
 * slot red; alpha stays alpha. Blending treats the channels alike, and the framebuffer read
 * back the same way gives 0xAARRGGBB again: no swizzle anywhere (see the clear colour).
 */
final class TextureCache implements AutoCloseable {
    private static final class Entry {
        final int id;
        int width, height;

        Entry(int id) {
            this.id = id;
        }
    }

    private final Map<SurfaceTexture, Entry> textures = new IdentityHashMap<>();
    private final StagingBuffer staging;
    private long uploadedPixels;

    TextureCache(StagingBuffer staging) {
        this.staging = staging;
    }

    /** Binds {@code t}'s GL texture to unit 0, uploading what changed first. */
    void bind(SurfaceTexture t) {
        Entry e = textures.get(t);
        if (e == null) {
            e = new Entry(glGenTextures());
            textures.put(t, e);
            glBindTexture(GL_TEXTURE_2D, e.id);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        } else {
            glBindTexture(GL_TEXTURE_2D, e.id);
        }
        if (e.width != t.width() || e.height != t.height()) {
            e.width = t.width();
            e.height = t.height();
            t.takeChanges();
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, e.width, e.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, upload(t, 0, e.height));
            return;
        }
        Region changes = t.takeChanges();
        if (changes.isEmpty()) return;
        // whole rows (GLES 2 cannot skip pixels within a row), each row once
        boolean[] rows = new boolean[e.height];
        for (Rect r : changes.rects()) for (int y = Math.max(0, r.y()); y < Math.min(e.height, r.bottom()); y++) rows[y] = true;
        for (int y = 0; y < e.height; ) {
            if (!rows[y]) {
                y++;
                continue;
            }
            int end = y;
            while (end < e.height && rows[end]) end++;
            glTexSubImage2D(GL_TEXTURE_2D, 0, 0, y, e.width, end - y, GL_RGBA, GL_UNSIGNED_BYTE, upload(t, y, end));
            y = end;
        }
    }

    /** Rows [from, to) of {@code t} in the staging buffer. */
    private IntBuffer upload(SurfaceTexture t, int from, int to) {
        int n = (to - from) * t.width();
        IntBuffer b = staging.get(n);
        b.put(0, t.pixels(), from * t.width(), n);
        uploadedPixels += n;
        return b;
    }

    /** Frees the textures of surfaces that are gone. */
    void sweep() {
        for (Iterator<Map.Entry<SurfaceTexture, Entry>> it = textures.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<SurfaceTexture, Entry> e = it.next();
            if (e.getKey().isDiscarded()) {
                glDeleteTextures(e.getValue().id);
                it.remove();
            }
        }
    }

    int size() {
        return textures.size();
    }

    /** Pixels uploaded so far (for tests and statistics). */
    long uploadedPixels() {
        return uploadedPixels;
    }

    @Override
    public void close() {
        for (Entry e : textures.values()) glDeleteTextures(e.id);
        textures.clear();
    }
}
