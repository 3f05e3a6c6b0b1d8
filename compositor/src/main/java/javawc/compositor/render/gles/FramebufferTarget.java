package javawc.compositor.render.gles;

import static org.lwjgl.opengles.GLES20.*;

/** A framebuffer object with an RGBA8 texture as its colour buffer: the headless render target. */
public final class FramebufferTarget implements RenderTarget {
    private final int width, height;
    private final int framebuffer, texture;

    public FramebufferTarget(int width, int height) throws GlesException {
        this.width = width;
        this.height = height;
        texture = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, (java.nio.ByteBuffer) null);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        framebuffer = glGenFramebuffers();
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
        int status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
        if (status != GL_FRAMEBUFFER_COMPLETE) {
            close();
            throw new GlesException("a " + width + "x" + height + " RGBA framebuffer is not complete (status 0x" + Integer.toHexString(status) + ")");
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
    public void bind() {
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
    }

    @Override
    public void close() {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glDeleteFramebuffers(framebuffer);
        glDeleteTextures(texture);
    }
}
