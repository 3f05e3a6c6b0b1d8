package javawc.compositor.render.gles;

import javawc.compositor.core.Surface;
import javawc.compositor.output.Output;
import javawc.compositor.render.Renderer;
import javawc.compositor.render.SurfaceTexture;
import javawc.compositor.render.software.SoftwareRenderer;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import javawc.compositor.scene.Scene;
import org.lwjgl.opengles.GLES20;
import org.lwjgl.system.MemoryUtil;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.IdentityHashMap;
import java.util.Map;

import static org.lwjgl.opengles.GLES20.*;

/**
 * Composites with OpenGL ES 2, the same picture as {@link SoftwareRenderer}: for each damaged
 * rectangle (a scissor), the background, every visible surface bottom to top, then the drag
 * icon and the cursor, each surface a textured quad blended premultiplied "over" (GL_ONE,
 * GL_ONE_MINUS_SRC_ALPHA; opaque buffers are copied without blending). Buffer scale and
 * transform are texture coordinates; sampling is nearest, at the texel the software renderer
 * picks. Each output has its own {@link RenderTarget}; {@link #render} draws into it and reads
 * the damaged rectangles back into the backend's int[] framebuffer.
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
    private final ShaderProgram program;
    private final Map<Output, RenderTarget> targets = new IdentityHashMap<>();
    private final FloatBuffer quad = MemoryUtil.memAllocFloat(16);
    private boolean closed;

    private GlesRenderer(EglContext egl) throws GlesException {
        this.egl = egl;
        egl.makeCurrent();
        glRenderer = glGetString(GL_RENDERER);
        program = new ShaderProgram();
        checkError("setting up");
    }

    /**
     * A renderer on Mesa's surfaceless EGL platform, or the reason it cannot be had. The context
     * is released from the calling thread afterwards, for {@link #bindToThread}.
     */
    public static GlesRenderer surfaceless() throws GlesException {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) throw new GlesException("the channel order assumes a little-endian machine");
        EglContext egl = null;
        try {
            egl = EglContext.surfaceless();
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
        textures.sweep();
        checkError("rendering");
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

    /** Draws {@code damage} (global coordinates) of the scene into {@code fb}, which shows {@code output}; no read-back. */
    public void draw(Scene scene, Output output, Region damage, RenderTarget fb) {
        current();
        fb.bind();
        glViewport(0, 0, fb.width(), fb.height());
        glEnable(GL_SCISSOR_TEST);
        glUseProgram(program.program);
        glUniform2f(program.targetSize, fb.width(), fb.height());
        glActiveTexture(GL_TEXTURE0);
        glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        // clear colour in the texture's channel order: B, G, R, A in the R, G, B, A slots (see TextureCache)
        glClearColor((BACKGROUND & 0xff) / 255f, (BACKGROUND >>> 8 & 0xff) / 255f, (BACKGROUND >>> 16 & 0xff) / 255f, (BACKGROUND >>> 24) / 255f);
        glEnableVertexAttribArray(program.position);
        glEnableVertexAttribArray(program.texcoord);
        int ox = output.x(), oy = output.y();
        for (Rect clip : damage.rects()) {
            Rect local = clip.translate(-ox, -oy);
            glScissor(local.x(), local.y(), local.width(), local.height());
            glClear(GL_COLOR_BUFFER_BIT);
            Scene.SurfaceVisitor drawOne = (s, x, y) -> {
                if (new Rect(x, y, s.width(), s.height()).intersects(clip)) drawSurface(s, x - ox, y - oy);
            };
            scene.forEachVisibleSurface(drawOne);
            scene.forEachOverlay(drawOne);
        }
        glDisableVertexAttribArray(program.position);
        glDisableVertexAttribArray(program.texcoord);
        glDisable(GL_SCISSOR_TEST);
    }

    /** One surface as a quad at (x, y), output coordinates. */
    private void drawSurface(Surface s, int x, int y) {
        SurfaceTexture t = s.texture();
        if (t.width() == 0 || t.height() == 0) return;
        textures.bind(t);
        if (t.opaque()) glDisable(GL_BLEND);
        else glEnable(GL_BLEND);
        int w = s.width(), h = s.height();
        // corners in strip order: top-left, top-right, bottom-left, bottom-right
        corner(0, x, y, 0, 0, s, t);
        corner(1, x + w, y, w, 0, s, t);
        corner(2, x, y + h, 0, h, s, t);
        corner(3, x + w, y + h, w, h, s, t);
        glVertexAttribPointer(program.position, 2, GL_FLOAT, false, 16, quad.position(0));
        glVertexAttribPointer(program.texcoord, 2, GL_FLOAT, false, 16, quad.position(2));
        quad.position(0);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    }

    /**
     * Vertex {@code i}: output position (px, py) and the texture coordinate of surface point
     * (sx, sy). The surface point goes back through the buffer transform (the inverse of what
     * the client applied; as in the software renderer's BufferTransform, with continuous
     * coordinates) and the scale. A scaled surface pixel then samples the first texel of its
     * block, as the software renderer does: texel = b * scale - (scale - 1) / 2, so a pixel's
     * centre lands on that texel's centre.
     */
    private void corner(int i, float px, float py, int sx, int sy, Surface s, SurfaceTexture t) {
        int w = s.width(), h = s.height(), transform = s.transform(), scale = s.scale();
        float x = transform >= 4 ? w - sx : sx, y = sy; // flipped: mirror first
        float bx, by;
        switch (transform & 3) {
            case 1 -> { bx = y; by = w - x; }      // 90
            case 2 -> { bx = w - x; by = h - y; }  // 180
            case 3 -> { bx = h - y; by = x; }      // 270
            default -> { bx = x; by = y; }
        }
        float shift = (scale - 1) / 2f;
        quad.put(i * 4, px).put(i * 4 + 1, py)
                .put(i * 4 + 2, (bx * scale - shift) / t.width()).put(i * 4 + 3, (by * scale - shift) / t.height());
    }

    /** Copies the damaged rectangles of {@code fb} into {@code target} (0xAARRGGBB, the output's width per row). */
    private void readBack(Output output, Region damage, RenderTarget fb, int[] target) {
        int stride = output.mode().width();
        glPixelStorei(GL_PACK_ALIGNMENT, 4);
        for (Rect clip : damage.rects()) {
            Rect r = clip.translate(-output.x(), -output.y()).intersect(new Rect(0, 0, fb.width(), fb.height()));
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
