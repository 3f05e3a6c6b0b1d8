package javawc.compositor.render.gles;

import javawc.compositor.core.Surface;
import javawc.compositor.dmabuf.DmabufBuffer;
import javawc.compositor.dmabuf.DmabufSupport;
import javawc.compositor.output.Output;
import javawc.compositor.render.Renderer;
import javawc.compositor.render.SurfaceTexture;
import javawc.compositor.render.software.SoftwareRenderer;
import javawc.compositor.scene.Drawable;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import javawc.compositor.scene.Scene;
import org.lwjgl.opengles.GLES20;
import org.lwjgl.system.MemoryUtil;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.lwjgl.opengles.GLES20.*;

/**
 * Composites with OpenGL ES 2, the same picture as {@link SoftwareRenderer}: for each damaged
 * rectangle (a scissor), the background, every visible surface bottom to top, then the drag
 * icon and the cursor, each surface a textured quad blended premultiplied "over" (GL_ONE,
 * GL_ONE_MINUS_SRC_ALPHA; opaque buffers are copied without blending). Buffer scale and
 * transform are texture coordinates; sampling is nearest, at the texel the software renderer
 * picks. Headless, each output has its own {@link RenderTarget}; {@link #render} draws into it
 * and reads the damaged rectangles back into the backend's int[] framebuffer. On KMS
 * ({@link #onGbm}) the backend's scanout buffers are targets themselves ({@link #importTarget})
 * and {@link #draw} renders into them, with no read-back. Clients' dma-bufs are sampled as
 * EGLImage textures where EGL can import them, else from the surface's CPU copy.
 *
 * <p>All GL calls happen on one thread, the event loop's: {@link #bindToThread} (or else the
 * first render) makes the context current there, and a call from any other thread fails.
 */
public final class GlesRenderer implements Renderer {
    private static final int BACKGROUND = SoftwareRenderer.BACKGROUND;

    private final EglContext egl;
    private final String glRenderer;
    private final StagingBuffer staging = new StagingBuffer();
    private final TextureCache textures = new TextureCache(staging);
    private final DmabufTextures dmabufs;
    private final ShaderProgram program;
    private final Map<Output, RenderTarget> targets = new IdentityHashMap<>();
    private Output output; // the one being drawn: where its transform and scale put a quad's corners
    private final double[] point = new double[2]; // scratch for those corners
    private final FloatBuffer quad = MemoryUtil.memAllocFloat(16);
    private boolean closed;

    private boolean swapping; // the program's swapRedBlue as last set
    private final boolean imageTargets;

    private GlesRenderer(EglContext egl) throws GlesException {
        this.egl = egl;
        var caps = egl.makeCurrent();
        glRenderer = glGetString(GL_RENDERER);
        program = new ShaderProgram();
        dmabufs = new DmabufTextures(egl, caps.GL_OES_EGL_image);
        imageTargets = caps.GL_OES_EGL_image;
        checkError("setting up");
    }

    /**
     * A renderer on Mesa's surfaceless EGL platform, or the reason it cannot be had. The context
     * is released from the calling thread afterwards, for {@link #bindToThread}.
     */
    public static GlesRenderer surfaceless() throws GlesException {
        return create(0);
    }

    /**
     * A renderer on EGL's GBM platform for {@code gbmDevice} (a gbm_device pointer), or the
     * reason it cannot be had; released from the calling thread like {@link #surfaceless}.
     */
    public static GlesRenderer onGbm(long gbmDevice) throws GlesException {
        if (gbmDevice == 0) throw new IllegalArgumentException("no gbm_device");
        return create(gbmDevice);
    }

    private static GlesRenderer create(long gbmDevice) throws GlesException {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) throw new GlesException("the channel order assumes a little-endian machine");
        EglContext egl = null;
        try {
            egl = gbmDevice == 0 ? EglContext.surfaceless() : EglContext.gbm(gbmDevice);
            GlesRenderer r = new GlesRenderer(egl);
            egl.release();
            return r;
        } catch (GlesException | RuntimeException | LinkageError e) { // LWJGL's own checks throw unchecked
            if (egl != null) egl.close();
            throw e instanceof GlesException g ? g : new GlesException(e.toString());
        }
    }

    @Override
    public String name() {
        return "gles";
    }

    /** What renders: the EGL version and vendor, and GL_RENDERER (llvmpipe when Mesa renders on the CPU). */
    public String description() {
        return egl.description() + ", " + glRenderer;
    }

    /**
     * Whether GL runs on a CPU rasterizer (Mesa's llvmpipe, softpipe or swrast) rather than a
     * GPU: it works, but the software renderer composites faster (see scripts/bench-render).
     */
    public boolean rendersOnCpu() {
        String r = glRenderer == null ? "" : glRenderer.toLowerCase(java.util.Locale.ROOT);
        return r.contains("llvmpipe") || r.contains("softpipe") || r.contains("swrast");
    }

    @Override
    public void bindToThread() {
        current();
    }

    @Override
    public void render(Scene scene, Output output, Region damage, int[] target) {
        RenderTarget fb = target(output);
        draw(scene, output, damage, fb);
        readBack(output, damage, fb, target);
        checkError("reading back");
    }

    /**
     * A target drawing into a single-plane dma-buf (on KMS: a scanout buffer): the buffer
     * imported as an EGLImage, a renderbuffer on it, a framebuffer object around that. The fd is
     * not taken. Closed by the caller, on this renderer's thread.
     */
    public RenderTarget importTarget(int fd, int width, int height, int fourcc, long offset, long stride, long modifier) throws GlesException {
        current();
        if (!imageTargets) throw new GlesException("OpenGL ES has no GL_OES_EGL_image: it cannot draw into imported buffers");
        long image = egl.importDmabuf(width, height, fourcc, modifier, new int[] {fd}, new long[] {offset}, new long[] {stride});
        return new ImageTarget(egl, image, width, height);
    }

    /** Closes a target {@link #importTarget} made, on the GL thread; nothing to do once the renderer is closed (EGL freed it all). */
    public void destroyTarget(RenderTarget target) {
        if (closed) return;
        try {
            current();
        } catch (IllegalStateException e) {
            return; // another thread holds the context: terminating the display frees the target anyway
        }
        target.close();
    }

    /** Releases the context from the calling thread (after setting up on it), for {@link #bindToThread} on another. */
    public void releaseThread() {
        egl.release();
    }

    /**
     * The format/modifier pairs among {@code fourccs} whose dma-bufs this renderer can sample as
     * textures (what EGL says it imports); empty when it cannot import dma-bufs at all.
     */
    public List<DmabufSupport.FormatModifier> dmabufFormats(int... fourccs) {
        return dmabufs.enabled() ? egl.dmabufFormats(fourccs) : List.of();
    }

    /** Waits until the GPU has finished what was drawn (before a buffer goes to the display). */
    public void finish() {
        current();
        glFinish();
    }

    /**
     * Reads all of {@code fb} into {@code into} as 0xAARRGGBB ints, the target's width per row
     * (a screenshot of a scanout buffer); alpha is read as it is.
     */
    public void readPixels(RenderTarget fb, int[] into) {
        current();
        fb.bind();
        glPixelStorei(GL_PACK_ALIGNMENT, 4);
        int w = fb.width(), h = fb.height();
        IntBuffer pixels = staging.get(w * h);
        glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
        pixels.get(0, into, 0, w * h);
        if (fb.formatOrder()) { // bytes R, G, B, A: swap red and blue into 0xAARRGGBB
            for (int i = 0; i < w * h; i++) {
                int p = into[i];
                into[i] = p & 0xff00ff00 | (p >>> 16 & 0xff) | (p & 0xff) << 16;
            }
        }
        checkError("reading pixels");
    }

    /** The output's framebuffer, made on first use (and again when the mode's size changed). */
    public RenderTarget target(Output output) {
        current();
        int w = output.mode().width(), h = output.mode().height();
        RenderTarget t = targets.get(output);
        if (t != null && (t.width() != w || t.height() != h)) {
            t.close();
            t = null;
        }
        if (t == null) {
            try {
                t = new FramebufferTarget(w, h);
            } catch (GlesException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            targets.put(output, t);
        }
        return t;
    }

    /**
     * Draws {@code damage} (global coordinates) of the scene into {@code fb}, which shows
     * {@code output}; no read-back. Frees what surfaces and buffers that are gone held.
     */
    public void draw(Scene scene, Output output, Region damage, RenderTarget fb) {
        current();
        fb.bind();
        glViewport(0, 0, fb.width(), fb.height());
        glEnable(GL_SCISSOR_TEST);
        glUseProgram(program.program);
        glUniform2f(program.targetSize, fb.width(), fb.height());
        glActiveTexture(GL_TEXTURE0);
        glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        boolean formatOrder = fb.formatOrder();
        int background = scene.shell().isLocked() ? SoftwareRenderer.LOCKED_BACKGROUND : BACKGROUND;
        float b = (background & 0xff) / 255f, g = (background >>> 8 & 0xff) / 255f, r = (background >>> 16 & 0xff) / 255f;
        // in the target's channel order: ours has B, G, R, A in the R, G, B, A slots (see TextureCache)
        if (formatOrder) glClearColor(r, g, b, (background >>> 24) / 255f);
        else glClearColor(b, g, r, (background >>> 24) / 255f);
        glEnableVertexAttribArray(program.position);
        glEnableVertexAttribArray(program.texcoord);
        int ox = output.x(), oy = output.y();
        float outputScale = (float) output.exactScale();
        this.output = output;
        for (Rect clip : damage.rects()) {
            Rect local = output.toPixels(clip);
            if (local.isEmpty()) continue;
            glScissor(local.x(), local.y(), local.width(), local.height());
            glClear(GL_COLOR_BUFFER_BIT);
            Scene.DrawableVisitor drawOne = (s, x, y) -> {
                if (output.toPixels(new Rect(x, y, s.width(), s.height())).intersects(local)) drawSurface(s, x - ox, y - oy, outputScale, formatOrder);
            };
            scene.forEachVisibleSurface(drawOne::visit);
            scene.forEachOverlay(drawOne);
        }
        glDisableVertexAttribArray(program.position);
        glDisableVertexAttribArray(program.texcoord);
        glDisable(GL_SCISSOR_TEST);
        textures.sweep();
        dmabufs.sweep();
        checkError("drawing");
    }

    /**
     * One surface (or the cursor image) as a quad at (x, y), output coordinates: a client dma-buf
     * as its own texture where EGL imports it, else the surface's texture (our copy of its pixels).
     */
    private void drawSurface(Drawable s, int x, int y, float outputScale, boolean targetFormatOrder) {
        int tw, th;
        boolean opaque, textureFormatOrder;
        if (s instanceof Surface surface && surface.directBuffer() instanceof DmabufBuffer b && dmabufs.bind(b)) {
            tw = b.width();
            th = b.height();
            opaque = b.opaque();
            textureFormatOrder = true;
        } else {
            SurfaceTexture t = s.texture();
            if (t.width() == 0 || t.height() == 0) return;
            textures.bind(t);
            tw = t.width();
            th = t.height();
            opaque = t.opaque();
            textureFormatOrder = false;
        }
        boolean swap = textureFormatOrder != targetFormatOrder;
        if (swap != swapping) {
            glUniform1i(program.swapRedBlue, swap ? 1 : 0);
            swapping = swap;
        }
        if (opaque) glDisable(GL_BLEND);
        else glEnable(GL_BLEND);
        int w = s.width(), h = s.height();
        // corners in strip order: top-left, top-right, bottom-left, bottom-right; each carries its
        // own texture coordinate, so the output's transform only moves where the corners land.
        // The texture coordinates are those of the content's corners, or with a viewport the
        // source rectangle's, sampled at each pixel's centre (no shift, as the software renderer's viewport path)
        float left = 0, top = 0, right = w, bottom = h, shift = Math.max(0, (s.scale() / outputScale - 1) / 2f);
        Drawable.Source source = s.viewportSource();
        if (source != null) {
            left = (float) source.x();
            top = (float) source.y();
            right = (float) (source.x() + source.width());
            bottom = (float) (source.y() + source.height());
            shift = 0;
        }
        corner(0, x, y, left, top, s, tw, th, shift);
        corner(1, x + w, y, right, top, s, tw, th, shift);
        corner(2, x, y + h, left, bottom, s, tw, th, shift);
        corner(3, x + w, y + h, right, bottom, s, tw, th, shift);
        glVertexAttribPointer(program.position, 2, GL_FLOAT, false, 16, quad.position(0));
        glVertexAttribPointer(program.texcoord, 2, GL_FLOAT, false, 16, quad.position(2));
        quad.position(0);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    }

    /**
     * Vertex {@code i}: the framebuffer position of output-local point (lx, ly) and the texture coordinate of content point
     * (sx, sy) (surface units before a viewport). The content point goes back through the buffer transform (the inverse of what
     * the client applied; as in the software renderer's BufferTransform, with continuous
     * coordinates) and the scale. A scaled surface pixel then samples the first texel of its
     * block, as the software renderer does: texel = b * scale - (scale - 1) / 2, so a pixel's
     * centre lands on that texel's centre. On a scaled output a pixel spans scale / outputScale
     * texels, and the shift follows (none when a texel spans several pixels).
     */
    private void corner(int i, int lx, int ly, float sx, float sy, Drawable s, int textureWidth, int textureHeight, float shift) {
        output.localToPixel(lx, ly, point);
        float px = (float) point[0], py = (float) point[1];
        int w = s.contentWidth(), h = s.contentHeight(), transform = s.transform(), scale = s.scale();
        float x = transform >= 4 ? w - sx : sx, y = sy; // flipped: mirror first
        float bx, by;
        switch (transform & 3) {
            case 1 -> { bx = y; by = w - x; }      // 90
            case 2 -> { bx = w - x; by = h - y; }  // 180
            case 3 -> { bx = h - y; by = x; }      // 270
            default -> { bx = x; by = y; }
        }
        quad.put(i * 4, px).put(i * 4 + 1, py)
                .put(i * 4 + 2, (bx * scale - shift) / textureWidth).put(i * 4 + 3, (by * scale - shift) / textureHeight);
    }

    /** Copies the damaged rectangles of {@code fb} into {@code target} (0xAARRGGBB, the output's width per row). */
    private void readBack(Output output, Region damage, RenderTarget fb, int[] target) {
        int stride = output.mode().width();
        glPixelStorei(GL_PACK_ALIGNMENT, 4);
        for (Rect clip : damage.rects()) {
            Rect r = output.toPixels(clip).intersect(new Rect(0, 0, fb.width(), fb.height()));
            if (r.isEmpty()) continue;
            IntBuffer pixels = staging.get(r.width() * r.height());
            glReadPixels(r.x(), r.y(), r.width(), r.height(), GL_RGBA, GL_UNSIGNED_BYTE, pixels);
            for (int row = 0; row < r.height(); row++) {
                pixels.get(row * r.width(), target, (r.y() + row) * stride + r.x(), r.width());
            }
        }
    }

    private void current() {
        if (closed) throw new IllegalStateException("renderer closed");
        try {
            egl.makeCurrent();
        } catch (GlesException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void checkError(String what) {
        int e = GLES20.glGetError();
        if (e != GL_NO_ERROR) throw new IllegalStateException("GL error 0x" + Integer.toHexString(e) + " while " + what);
    }

    /** GL textures held for surfaces (statistics, tests). */
    public int textureCount() {
        return textures.size();
    }

    /** Client dma-bufs held as EGLImage textures (statistics, tests). */
    public int dmabufTextureCount() {
        return dmabufs.size();
    }

    /** Pixels uploaded into textures so far (statistics, tests). */
    public long uploadedPixels() {
        return textures.uploadedPixels();
    }

    @Override
    public void close() {
        if (closed) return;
        try {
            egl.makeCurrent();
            for (RenderTarget t : targets.values()) t.close();
            targets.clear();
            textures.close();
            dmabufs.close();
            program.close();
        } catch (GlesException | IllegalStateException e) {
            // another thread holds the context: terminating the display frees everything anyway
        }
        closed = true;
        staging.close();
        MemoryUtil.memFree(quad);
        egl.close();
    }
}
