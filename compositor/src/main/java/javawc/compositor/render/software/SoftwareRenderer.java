package javawc.compositor.render.software;

import javawc.compositor.output.Output;
import javawc.compositor.render.Renderer;
import javawc.compositor.render.SurfaceTexture;
import javawc.compositor.scene.Drawable;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import javawc.compositor.scene.Scene;

/**
 * Composites on the CPU: for each damaged rectangle, the background, then every visible
 * surface bottom to top, then the drag icon and the cursor, blending premultiplied ARGB ("over"). Surfaces with
 * scale 1 and no transform take a row-at-a-time path, read straight from the client's shm
 * buffer when there is one (one copy per frame, no texture); others map each pixel back
 * through the buffer transform and scale, from the surface's texture.
 */
public final class SoftwareRenderer implements Renderer {
    public static final int BACKGROUND = 0xff2b2b33;
    /** Behind a locked session's lock surfaces (and where the locker has none): nothing of the session shows. */
    public static final int LOCKED_BACKGROUND = 0xff000000;

    private final double[] point = new double[2]; // scratch for mapping output pixels back to the scene
    private int cover, visited;                     // scratch for the visitors of one render (no allocation)
    private int[] rowScratch = new int[0];          // one row of a translucent client buffer, read before blending

    @Override
    public String name() {
        return "software";
    }

    @Override
    public void render(Scene scene, Output output, Region damage, int[] target) {
        int stride = output.mode().width();
        if (output.exactScale() != 1 || output.transform() != 0) {
            renderScaled(scene, output, damage, target, stride);
            return;
        }
        int background = scene.shell().isLocked() ? LOCKED_BACKGROUND : BACKGROUND;
        for (Rect clip : damage.rects()) {
            Rect local = clip.translate(-output.x(), -output.y());
            // what an opaque surface hides is never drawn: for a fullscreen or maximized
            // window that halves the bytes written per frame (no background fill under it)
            int firstShown = topmostCover(scene, clip);
            if (firstShown < 0) {
                for (int y = local.y(); y < local.bottom(); y++) {
                    java.util.Arrays.fill(target, y * stride + local.x(), y * stride + local.right(), background);
                }
            }
            visited = 0;
            scene.forEachVisibleSurface((s, x, y) -> {
                if (visited++ < firstShown) return;
                Rect area = new Rect(x, y, s.width(), s.height()).intersect(clip);
                if (!area.isEmpty()) draw(s, area.translate(-output.x(), -output.y()), x - output.x(), y - output.y(), target, stride);
            });
            scene.forEachOverlay((s, x, y) -> {
                Rect area = new Rect(x, y, s.width(), s.height()).intersect(clip);
                if (!area.isEmpty()) draw(s, area.translate(-output.x(), -output.y()), x - output.x(), y - output.y(), target, stride);
            });
        }
    }

    /** Index (bottom to top) of the topmost visible surface that hides all of {@code clip}; -1 when none does. */
    private int topmostCover(Scene scene, Rect clip) {
        cover = -1;
        visited = 0;
        scene.forEachVisibleSurface((s, x, y) -> {
            int index = visited++;
            if (covers(new Rect(x, y, s.width(), s.height()), s.opaque(), s.opaqueRegion(), clip, x, y)) cover = index;
        });
        return cover;
    }

    /**
     * Whether a surface at {@code area} (global) hides everything below it in {@code clip}: it spans
     * the clip and is opaque there, by its format (no alpha) or by the opaque region the client set
     * ({@code opaqueRegion}, surface-local at (x, y); null when unset), which the protocol lets a
     * compositor trust.
     */
    static boolean covers(Rect area, boolean opaqueFormat, Region opaqueRegion, Rect clip, int x, int y) {
        if (clip.isEmpty() || !area.intersect(clip).equals(clip)) return false;
        return opaqueFormat || opaqueRegion != null && opaqueRegion.covers(clip.translate(-x, -y));
    }

    /** Draws the part {@code area} (output coordinates) of {@code s} (a surface or the cursor image) whose origin is at (ox, oy). */
    void draw(Drawable s, Rect area, int ox, int oy, int[] target, int stride) {
        Drawable.Rows rows = s.rows();
        if (rows != null && s.viewportSource() == null && s.scale() == 1 && s.transform() == 0) {
            drawRows(rows, s.opaque(), area, ox, oy, target, stride);
            return;
        }
        drawTexture(s, area, ox, oy, target, stride);
    }

    /**
     * Draws from the client's memory straight into the framebuffer, row by row: the frame's
     * one copy (opaque rows land in place; others go through {@code rowScratch} to be blended).
     */
    private void drawRows(Drawable.Rows rows, boolean opaque, Rect area, int ox, int oy, int[] target, int stride) {
        int n = area.width();
        if (!opaque && rowScratch.length < n) rowScratch = new int[n];
        for (int y = area.y(); y < area.bottom(); y++) {
            int di = y * stride + area.x();
            if (opaque) {
                if (!rows.read(area.x() - ox, y - oy, n, target, di)) return;
            } else {
                if (!rows.read(area.x() - ox, y - oy, n, rowScratch, 0)) return;
                for (int i = 0; i < n; i++) target[di + i] = over(rowScratch[i], target[di + i]);
            }
        }
    }

    /** Draws from the texture: whatever has no rows to read, or is scaled, turned or cropped. */
    static void drawTexture(Drawable s, Rect area, int ox, int oy, int[] target, int stride) {
        SurfaceTexture t = s.texture();
        int[] src = t.pixels();
        int tw = t.width();
        boolean opaque = t.opaque();
        if (s.viewportSource() != null) {
            drawThroughViewport(s, ox, oy, null, area, target, stride, null);
            return;
        }
        if (s.scale() == 1 && s.transform() == 0) {
            for (int y = area.y(); y < area.bottom(); y++) {
                int si = (y - oy) * tw + (area.x() - ox), di = y * stride + area.x();
                if (opaque) System.arraycopy(src, si, target, di, area.width());
                else for (int i = 0; i < area.width(); i++) target[di + i] = over(src[si + i], target[di + i]);
            }
            return;
        }
        int w = s.width(), h = s.height(), scale = s.scale(), transform = s.transform();
        for (int y = area.y(); y < area.bottom(); y++) {
            for (int x = area.x(); x < area.right(); x++) {
                int si = BufferTransform.bufferIndex(transform, x - ox, y - oy, w, h, scale, tw);
                int di = y * stride + x;
                target[di] = opaque ? src[si] : over(src[si], target[di]);
            }
        }
    }

    private void renderScaled(Scene scene, Output output, Region damage, int[] target, int stride) {
        int background = scene.shell().isLocked() ? LOCKED_BACKGROUND : BACKGROUND;
        for (Rect clip : damage.rects()) {
            Rect pixels = output.toPixels(clip);
            if (pixels.isEmpty()) continue;
            for (int y = pixels.y(); y < pixels.bottom(); y++) {
                java.util.Arrays.fill(target, y * stride + pixels.x(), y * stride + pixels.right(), background);
            }
            Scene.DrawableVisitor drawOne = (s, x, y) -> {
                Rect area = output.toPixels(new Rect(x, y, s.width(), s.height())).intersect(pixels);
                if (!area.isEmpty()) drawScaled(s, x - output.x(), y - output.y(), output, area, target, stride, point);
            };
            scene.forEachVisibleSurface(drawOne::visit);
            scene.forEachOverlay(drawOne);
        }
    }

    /**
     * Draws the output pixels {@code area} of {@code s}, whose origin is at (ox, oy) in
     * output-local global units. A pixel's centre goes back through the output's transform
     * and scale to the surface, then into the buffer (times its buffer scale); where one pixel
     * spans several texels (the buffer finer than the output) it takes the first of them, as
     * the unscaled path does. {@code point} is scratch space.
     */
    static void drawScaled(Drawable s, int ox, int oy, Output output, Rect area, int[] target, int stride, double[] point) {
        if (s.viewportSource() != null) {
            drawThroughViewport(s, ox, oy, output, area, target, stride, point);
            return;
        }
        SurfaceTexture t = s.texture();
        int[] src = t.pixels();
        int tw = t.width();
        boolean opaque = t.opaque();
        int scale = s.scale(), transform = s.transform();
        int bw = s.width() * scale, bh = s.height() * scale; // the surface in buffer units, before its transform
        double shift = Math.max(0, (scale / output.exactScale() - 1) / 2);
        for (int y = area.y(); y < area.bottom(); y++) {
            for (int x = area.x(); x < area.right(); x++) {
                output.pixelToLocal(x + 0.5, y + 0.5, point);
                int bx = (int) Math.floor((point[0] - ox) * scale - shift), by = (int) Math.floor((point[1] - oy) * scale - shift);
                if (bx < 0 || bx >= bw || by < 0 || by >= bh) continue; // a rounded-out edge pixel whose centre is off the surface
                int si = BufferTransform.bufferIndex(transform, bx, by, bw, bh, 1, tw);
                int di = y * stride + x;
                target[di] = opaque ? src[si] : over(src[si], target[di]);
            }
        }
    }

    /**
     * Draws the output pixels {@code area} of {@code s}, which a viewport crops or scales, its
     * origin at (ox, oy) in output-local global units ({@code output} null: pixels are global
     * units). Each pixel's centre goes back through the output (when given), the viewport (the
     * destination onto the source rectangle), the buffer transform and the buffer scale, and
     * takes the texel it falls in: nearest sampling at the pixel's centre, which is what the
     * GLES renderer's interpolated texture coordinates pick too.
     */
    static void drawThroughViewport(Drawable s, int ox, int oy, Output output, Rect area, int[] target, int stride, double[] point) {
        SurfaceTexture t = s.texture();
        int[] src = t.pixels();
        int tw = t.width(), th = t.height();
        if (tw == 0 || th == 0) return;
        boolean opaque = t.opaque();
        int w = s.width(), h = s.height(), cw = s.contentWidth(), ch = s.contentHeight(), scale = s.scale(), transform = s.transform();
        Drawable.Source source = s.viewportSource();
        double fx = source.width() / w, fy = source.height() / h, sx0 = source.x(), sy0 = source.y();
        for (int y = area.y(); y < area.bottom(); y++) {
            for (int x = area.x(); x < area.right(); x++) {
                double lx = x + 0.5, ly = y + 0.5;
                if (output != null) {
                    output.pixelToLocal(lx, ly, point);
                    lx = point[0];
                    ly = point[1];
                }
                double px = lx - ox, py = ly - oy; // surface coordinates
                if (px < 0 || py < 0 || px >= w || py >= h) continue;
                double cx = sx0 + px * fx, cy = sy0 + py * fy; // content coordinates
                if (transform >= 4) cx = cw - cx; // flipped: mirror first
                double bx, by;
                switch (transform & 3) {
                    case 1 -> { bx = cy; by = cw - cx; }
                    case 2 -> { bx = cw - cx; by = ch - cy; }
                    case 3 -> { bx = ch - cy; by = cx; }
                    default -> { bx = cx; by = cy; }
                }
                int tx = Math.clamp((long) Math.floor(bx * scale), 0, tw - 1), ty = Math.clamp((long) Math.floor(by * scale), 0, th - 1);
                int di = y * stride + x, texel = src[ty * tw + tx];
                target[di] = opaque ? texel : over(texel, target[di]);
            }
        }
    }

    /** Premultiplied "over": src + dst * (1 - src alpha), per channel, rounded exactly. */
    static int over(int src, int dst) {
        int a = src >>> 24;
        if (a == 255) return src;
        if (src == 0) return dst;
        int inv = 255 - a;
        return (a + scale(dst >>> 24, inv)) << 24
                | ((src >>> 16 & 0xff) + scale(dst >>> 16 & 0xff, inv)) << 16
                | ((src >>> 8 & 0xff) + scale(dst >>> 8 & 0xff, inv)) << 8
                | ((src & 0xff) + scale(dst & 0xff, inv));
    }

    /** c * f / 255, rounded (the usual exact division by 255 for 8-bit products). */
    private static int scale(int c, int f) {
        int t = c * f + 128;
        return (t + (t >>> 8)) >>> 8;
    }
}
