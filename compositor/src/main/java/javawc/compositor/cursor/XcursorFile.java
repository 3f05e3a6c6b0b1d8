package javawc.compositor.cursor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One Xcursor file: a cursor shape at one or more nominal sizes, each size one image or the
 * frames of an animation. Everything is little-endian 32-bit: a header ("Xcur", its length,
 * a version, the number of table entries), a table of contents (chunk type, subtype, file
 * position), and chunks. An image chunk (type {@link #IMAGE_TYPE}, subtype the nominal size)
 * holds its header length, type, nominal size, version, width, height, hotspot x and y, the
 * frame delay in ms, then width * height premultiplied ARGB pixels, rows top to bottom.
 *
 * <p>Cursor files come from whatever theme the user has installed, so every length and
 * position is checked against the file before it is used: a bad file is an {@link
 * XcursorFormatException} naming what is wrong, never an out-of-memory error or an index out
 * of bounds. Only the images of the chosen size are decoded.
 */
public final class XcursorFile {
    static final int MAGIC = 0x72756358; // "Xcur" read as a little-endian int
    static final int IMAGE_TYPE = 0xfffd0002;
    /** Larger than any real cursor file (Adwaita's biggest is well under 1 MiB): a bigger one is refused before it is read. */
    static final int MAX_FILE_BYTES = 16 << 20;
    /** The format's own limit on an image's width and height. */
    static final int MAX_DIMENSION = 0x7fff;
    private static final int FILE_HEADER_BYTES = 16, TOC_ENTRY_BYTES = 12, IMAGE_HEADER_BYTES = 36;

    /** A file that is not an Xcursor file, or a damaged one. */
    public static final class XcursorFormatException extends IOException {
        XcursorFormatException(String message) {
            super(message);
        }
    }

    /** One decoded image: {@code pixels} premultiplied 0xAARRGGBB, row-major, {@code width} per row. */
    public record Image(int nominalSize, int width, int height, int hotspotX, int hotspotY, int delayMs, int[] pixels) {}

    private record TocEntry(int type, int subtype, int position) {}

    private final ByteBuffer data;
    private final List<TocEntry> images;

    private XcursorFile(ByteBuffer data, List<TocEntry> images) {
        this.data = data;
        this.images = images;
    }

    /** Reads and checks the file at {@code path} (its table of contents; images are decoded by {@link #imagesNearest}). */
    public static XcursorFile read(Path path) throws IOException {
        long size = Files.size(path);
        if (size > MAX_FILE_BYTES) throw new XcursorFormatException(path + ": " + size + " bytes, more than a cursor file can be");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1); // the file may have grown since it was measured
        }
        if (bytes.length > MAX_FILE_BYTES) throw new XcursorFormatException(path + ": more than a cursor file can be");
        try {
            return parse(bytes);
        } catch (XcursorFormatException e) {
            throw new XcursorFormatException(path + ": " + e.getMessage());
        }
    }

    /** Checks the header and the table of contents of {@code bytes}. */
    public static XcursorFile parse(byte[] bytes) throws XcursorFormatException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < FILE_HEADER_BYTES) throw new XcursorFormatException("truncated: " + bytes.length + " bytes, shorter than the header");
        if (b.getInt(0) != MAGIC) throw new XcursorFormatException("not an Xcursor file (no \"Xcur\" magic)");
        long headerBytes = Integer.toUnsignedLong(b.getInt(4));
        long tocCount = Integer.toUnsignedLong(b.getInt(12));
        if (headerBytes < FILE_HEADER_BYTES || headerBytes > bytes.length) throw new XcursorFormatException("header length " + headerBytes + " is impossible");
        if (headerBytes + tocCount * TOC_ENTRY_BYTES > bytes.length) {
            throw new XcursorFormatException("truncated: the table of contents (" + tocCount + " entries) goes past the end of the file");
        }
        List<TocEntry> images = new ArrayList<>();
        for (int i = 0; i < tocCount; i++) {
            int at = (int) headerBytes + i * TOC_ENTRY_BYTES;
            TocEntry e = new TocEntry(b.getInt(at), b.getInt(at + 4), b.getInt(at + 8));
            if (e.type != IMAGE_TYPE) continue; // comments and other chunk types: not ours to draw
            long position = Integer.toUnsignedLong(e.position);
            if (position + IMAGE_HEADER_BYTES > bytes.length) {
                throw new XcursorFormatException("table entry " + i + " points at " + position + ", outside the file (" + bytes.length + " bytes)");
            }
            images.add(e);
        }
        if (images.isEmpty()) throw new XcursorFormatException("no images in the file");
        return new XcursorFile(b, images);
    }

    /** The nominal sizes the file has, in file order, each once. */
    public List<Integer> nominalSizes() {
        List<Integer> sizes = new ArrayList<>();
        for (TocEntry e : images) if (!sizes.contains(e.subtype)) sizes.add(e.subtype);
        return sizes;
    }

    /**
     * The images (one, or an animation's frames in order) of the nominal size closest to
     * {@code wanted}; of two sizes equally close, the larger, which scales down better.
     */
    public List<Image> imagesNearest(int wanted) throws XcursorFormatException {
        int best = -1;
        for (int size : nominalSizes()) {
            int d = Math.abs(size - wanted), bestD = Math.abs(best - wanted);
            if (best < 0 || d < bestD || d == bestD && size > best) best = size;
        }
        List<Image> frames = new ArrayList<>();
        for (TocEntry e : images) if (e.subtype == best) frames.add(decode(e));
        return frames;
    }

    private Image decode(TocEntry e) throws XcursorFormatException {
        int at = e.position;
        long headerBytes = Integer.toUnsignedLong(data.getInt(at));
        int type = data.getInt(at + 4), nominal = data.getInt(at + 8);
        int width = data.getInt(at + 16), height = data.getInt(at + 20);
        int hotX = data.getInt(at + 24), hotY = data.getInt(at + 28), delay = data.getInt(at + 32);
        String where = "image at " + Integer.toUnsignedString(at);
        if (type != IMAGE_TYPE || nominal != e.subtype) throw new XcursorFormatException(where + " does not match its table entry");
        if (headerBytes < IMAGE_HEADER_BYTES) throw new XcursorFormatException(where + ": header length " + headerBytes + " is too short");
        if (width <= 0 || height <= 0 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
            throw new XcursorFormatException(where + ": size " + width + "x" + height + " is impossible");
        }
        // a hotspot off the image is a theme's slip, not a reason to refuse the shape: kept on its edge
        hotX = Math.clamp(hotX, 0, width - 1);
        hotY = Math.clamp(hotY, 0, height - 1);
        long pixelsAt = Integer.toUnsignedLong(at) + headerBytes, pixelBytes = 4L * width * height;
        if (pixelsAt + pixelBytes > data.capacity()) {
            throw new XcursorFormatException(where + ": truncated, its " + width + "x" + height + " pixels go past the end of the file");
        }
        int[] pixels = new int[width * height]; // fits: checked against the file's size above
        data.slice((int) pixelsAt, (int) pixelBytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(pixels);
        return new Image(nominal, width, height, hotX, hotY, delay, pixels);
    }
}
