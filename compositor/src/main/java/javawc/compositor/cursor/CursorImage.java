package javawc.compositor.cursor;

import javawc.compositor.render.SurfaceTexture;
import javawc.compositor.scene.Drawable;

/**
 * A cursor image of the compositor's own, decoded once and kept: its pixels in a texture the
 * renderers draw like a surface's (a GPU renderer uploads it once), its hotspot in global
 * units. An image made for a scale above 1 has that many pixels per global unit.
 */
public final class CursorImage implements Drawable {
    private final SurfaceTexture texture = new SurfaceTexture();
    private final int scale, width, height, hotspotX, hotspotY;

    /** {@code pixels}: premultiplied 0xAARRGGBB, {@code pixelWidth} per row; the hotspot in pixels. */
    CursorImage(int[] pixels, int pixelWidth, int pixelHeight, int hotspotX, int hotspotY, int scale) {
        this.scale = scale;
        // a size that is not a multiple of the scale is padded with transparent pixels, so
        // every global unit has whole texture pixels behind it
        width = (pixelWidth + scale - 1) / scale;
        height = (pixelHeight + scale - 1) / scale;
        texture.resize(width * scale, height * scale);
        int[] into = texture.pixels();
        java.util.Arrays.fill(into, 0, width * scale * height * scale, 0);
        for (int y = 0; y < pixelHeight; y++) System.arraycopy(pixels, y * pixelWidth, into, y * width * scale, pixelWidth);
        this.hotspotX = hotspotX / scale;
        this.hotspotY = hotspotY / scale;
    }

    static CursorImage of(XcursorFile.Image image, int scale) {
        return new CursorImage(image.pixels(), image.width(), image.height(), image.hotspotX(), image.hotspotY(), scale);
    }

    /** Where the pointer's position is in the image, in global units from its top-left corner. */
    public int hotspotX() {
        return hotspotX;
    }

    public int hotspotY() {
        return hotspotY;
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
    public int scale() {
        return scale;
    }

    @Override
    public int transform() {
        return 0;
    }

    @Override
    public SurfaceTexture texture() {
        return texture;
    }
}
