package javawc.compositor.backend.drm;

import javawc.compositor.backend.Backend.FramePainter;
import javawc.compositor.output.Output;
import javawc.compositor.render.gles.GlesException;
import javawc.compositor.render.gles.GlesRenderer;
import javawc.compositor.render.gles.RenderTarget;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import javawc.os.Drm;

/**
 * The GPU path: two GBM buffers the display can scan out, each imported into EGL from its
 * dma-buf and wrapped in a framebuffer object, so the GLES renderer draws the frame straight
 * into the buffer that is flipped to; nothing is read back or copied. Each buffer keeps what
 * it lacks (the damage of frames drawn into the other), which is drawn again with the new
 * damage; glFinish before the buffer goes to the display.
 */
final class GbmScanout implements HeadScanout {
    private static final int BUFFERS = 2;

    private final Output output;
    private final GlesRenderer gles;
    private final GbmDevice.GbmBuffer[] buffers = new GbmDevice.GbmBuffer[BUFFERS];
    private final RenderTarget[] targets = new RenderTarget[BUFFERS];
    private final Region[] stale = new Region[BUFFERS];
    private final int width, height;
    private int front = -1, back, newest = -1;

    /** The buffers and their targets, or the reason there are none (nothing left allocated then). */
    GbmScanout(GbmDevice gbm, GlesRenderer gles, Output output) throws GlesException {
        this(gbm, gles, output, output.mode().width(), output.mode().height());
    }

    /** Buffers of {@code w}x{@code h}: a mode the output is about to be switched to. */
    GbmScanout(GbmDevice gbm, GlesRenderer gles, Output output, int w, int h) throws GlesException {
        this.output = output;
        this.gles = gles;
        this.width = w;
        this.height = h;
        try {
            for (int i = 0; i < BUFFERS; i++) {
                buffers[i] = gbm.createScanoutBuffer(w, h, Drm.FORMAT_XRGB8888);
                GbmDevice.GbmBuffer b = buffers[i];
                targets[i] = gles.importTarget(b.dmabuf.get(), w, h, b.format, b.offset, b.stride, b.modifier);
                stale[i] = new Region(new Rect(0, 0, w, h));
            }
        } catch (GbmDevice.GbmException e) {
            close();
            throw new GlesException(e.getMessage());
        } catch (GlesException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public String describe() {
        return "GLES renderer into GBM buffers (" + buffers[0] + ")";
    }

    @Override
    public int paint(FramePainter painter, boolean everything) {
        Region damage = painter.takeDamage(output);
        if (everything) damage.add(all());
        Region area = stale[back];
        area.add(damage);
        if (!area.isEmpty()) {
            painter.draw(output, targets[back], area);
            gles.finish(); // KMS must not show it before the GPU is done with it
        }
        stale[back] = new Region();
        for (int i = 0; i < BUFFERS; i++) if (i != back) stale[i].add(damage);
        newest = back;
        return buffers[back].framebuffer;
    }

    @Override
    public void flipping() {
        front = back;
        back = (back + 1) % BUFFERS;
    }

    @Override
    public int front() {
        return buffers[front < 0 ? back : front].framebuffer;
    }

    @Override
    public int[] capture(FramePainter painter, boolean everything) {
        if (everything || newest < 0) paint(painter, true);
        int[] pixels = new int[width * height];
        gles.readPixels(targets[newest], pixels);
        for (int i = 0; i < pixels.length; i++) pixels[i] |= 0xff000000; // XRGB: no alpha
        return pixels;
    }

    private Rect all() {
        return new Rect(0, 0, width, height);
    }

    @Override
    public void close() {
        for (int i = 0; i < BUFFERS; i++) {
            if (targets[i] != null) gles.destroyTarget(targets[i]);
            if (buffers[i] != null) buffers[i].close();
            targets[i] = null;
            buffers[i] = null;
        }
    }
}
