package javawc.compositor.render.gles;

import javawc.compositor.dmabuf.DmabufBuffer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.lwjgl.opengles.OESEGLImage;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.lwjgl.opengles.GLES20.*;

/**
 * Clients' dma-bufs as GL textures: each buffer imported once as an EGLImage
 * (EGL_EXT_image_dma_buf_import, with its modifier) and bound to a texture
 * (GL_OES_EGL_image), which then shows whatever the client draws into that buffer; no copy.
 * A buffer EGL refuses (another device's memory the driver cannot import, a layout it cannot
 * sample) is remembered as such, and the renderer composites it from the surface's CPU copy
 * instead. Textures and images go when the buffer's memory does (destroyed and unlocked),
 * at the next sweep on the GL thread. The textures' GL channels are the format's own.
 */
final class DmabufTextures implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(DmabufTextures.class);

    private record Entry(long image, int texture) {}

    private static final Entry REFUSED = new Entry(0, 0);

    private final EglContext egl;
    private final boolean enabled;
    private final Map<DmabufBuffer, Entry> entries = new IdentityHashMap<>();
    private final List<DmabufBuffer> freed = new ArrayList<>();

    DmabufTextures(EglContext egl, boolean glImports) {
        this.egl = egl;
        this.enabled = glImports && egl.importsDmabufs();
    }

    /** Whether dma-bufs can be textures at all here. */
    boolean enabled() {
        return enabled;
    }

    /** Binds {@code b}'s texture to unit 0; false when it cannot be imported (then nothing is bound). */
    boolean bind(DmabufBuffer b) {
        if (!enabled) return false;
        Entry e = entries.get(b);
        if (e == null) {
            e = importBuffer(b);
            entries.put(b, e);
            b.onFree(() -> freed.add(b));
        }
        if (e == REFUSED) return false;
        glBindTexture(GL_TEXTURE_2D, e.texture());
        return true;
    }

    private Entry importBuffer(DmabufBuffer b) {
        var planes = b.planes();
        int[] fds = new int[planes.size()];
        long[] offsets = new long[fds.length], strides = new long[fds.length];
        for (int i = 0; i < fds.length; i++) {
            fds[i] = planes.get(i).fd().get();
            offsets[i] = planes.get(i).offset();
            strides[i] = planes.get(i).stride();
        }
        long image;
        try {
            image = egl.importDmabuf(b.width(), b.height(), b.format(), b.modifier(), fds, offsets, strides);
        } catch (GlesException ex) {
            LOG.info("{} cannot be a GL texture ({}): compositing it from a CPU copy", b, ex.getMessage());
            return REFUSED;
        }
        int texture = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        OESEGLImage.glEGLImageTargetTexture2DOES(GL_TEXTURE_2D, image);
        int error = glGetError();
        if (error != GL_NO_ERROR) {
            LOG.info("{} cannot be a GL texture (GL error 0x{} binding its EGLImage): compositing it from a CPU copy", b, Integer.toHexString(error));
            glDeleteTextures(texture);
            egl.destroyImage(image);
            return REFUSED;
        }
        LOG.info("{} is sampled as a GL texture (EGLImage), no copies", b);
        return new Entry(image, texture);
    }

    /** Frees the textures of buffers whose memory went. */
    void sweep() {
        for (DmabufBuffer b : freed) release(entries.remove(b));
        freed.clear();
    }

    int size() {
        return (int) entries.values().stream().filter(e -> e != REFUSED).count();
    }

    private void release(Entry e) {
        if (e == null || e == REFUSED) return;
        glDeleteTextures(e.texture());
        egl.destroyImage(e.image());
    }

    @Override
    public void close() {
        for (Entry e : entries.values()) release(e);
        entries.clear();
        freed.clear();
    }
}
