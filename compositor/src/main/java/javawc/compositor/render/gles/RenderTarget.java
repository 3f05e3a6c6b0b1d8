package javawc.compositor.render.gles;

/**
 * Where the GLES renderer draws one output: a framebuffer of the output's size whose row 0 is
 * the output's top row (GL window y grows with the output's y). Headless, an FBO with a
 * texture we create ({@link FramebufferTarget}); on KMS, an FBO whose colour buffer is a
 * scanout buffer imported as an EGLImage ({@link ImageTarget}).
 */
public interface RenderTarget extends AutoCloseable {
    int width();

    int height();

    /**
     * Whether GL's red channel is the pixel's red here (a DRM-format buffer imported through
     * EGL); false for the renderer's own layout, where GL's red slot holds blue so that the
     * bytes read back are 0xAARRGGBB ints (see TextureCache).
     */
    default boolean formatOrder() {
        return false;
    }

    /** Binds it as the GL draw and read framebuffer (on the context's thread). */
    void bind();

    @Override
    void close();
}
