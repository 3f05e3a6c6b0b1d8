package javawc.compositor.dmabuf;

import javawc.compositor.ProtocolContext;
import javawc.compositor.render.gles.GlesRenderer;
import javawc.os.Drm;
import javawc.os.OsException;

import java.util.List;

/**
 * zwp_linux_dmabuf_v1, where the backend has a DRM device: its formats, plus what the GLES
 * renderer can sample as EGLImages.
 */
public final class DmabufProtocol {
    /** The dma-buf formats the GLES renderer may sample (single-plane, 8 bits a channel), as far as EGL imports them. */
    private static final int[] SAMPLED_FORMATS = {Drm.FORMAT_XRGB8888, Drm.FORMAT_ARGB8888, Drm.FORMAT_XBGR8888, Drm.FORMAT_ABGR8888};

    private DmabufProtocol() {}

    public static AutoCloseable install(ProtocolContext c) throws OsException {
        DmabufSupport support = c.backend().dmabufSupport(c.renderer() instanceof GlesRenderer g ? g.dmabufFormats(SAMPLED_FORMATS) : List.of());
        return support == null ? null : new LinuxDmabufGlobal(c.globals(), support);
    }
}
