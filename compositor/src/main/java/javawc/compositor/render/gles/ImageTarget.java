package javawc.compositor.render.gles;

import org.lwjgl.opengles.OESEGLImage;

import static org.lwjgl.opengles.GLES20.*;

/**
 * A framebuffer object whose colour buffer is a renderbuffer made from an EGLImage of a
 * dma-buf: on KMS, a scanout buffer the renderer draws into directly, no read-back. Its GL
 * channels are the pixel format's own (red is red), unlike the renderer's textures.
 */
final class ImageTarget implements RenderTarget {
    private final EglContext egl;
    private final int width, height;
    private final long image;
    private final int renderbuffer, framebuffer;

    /** Takes {@code image}: it is destroyed with the target, also when this constructor fails. */
    ImageTarget(EglContext egl, long image, int width, int height) throws GlesException {
        this.egl = egl;
        this.width = width;
        this.height = height;
        this.image = image;
        renderbuffer = glGenRenderbuffers();
        glBindRenderbuffer(GL_RENDERBUFFER, renderbuffer);
        OESEGLImage.glEGLImageTargetRenderbufferStorageOES(GL_RENDERBUFFER, image);
        framebuffer = glGenFramebuffers();
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, renderbuffer);
        int status = glCheckFramebufferStatus(GL_FRAMEBUFFER), error = glGetError();
        if (status != GL_FRAMEBUFFER_COMPLETE || error != GL_NO_ERROR) {
            close();
            throw new GlesException("a framebuffer on an imported " + width + "x" + height + " buffer is not complete (status 0x"
                    + Integer.toHexString(status) + ", GL error 0x" + Integer.toHexString(error) + ")");
        }
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public boolean formatOrder() {
        return true;
    }

    @Override
    public void bind() {
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
    }

    @Override
    public void close() {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glDeleteFramebuffers(framebuffer);
        glDeleteRenderbuffers(renderbuffer);
        egl.destroyImage(image);
    }
}
