package javawc.compositor.dmabuf;

import java.util.List;

/**
 * What a backend offers linux-dmabuf clients: the device they should allocate on (its dev_t,
 * the "main device" of the feedback), the format/modifier pairs we can composite, and the
 * subset the display hardware can scan out directly (the feedback's scanout tranche).
 */
public record DmabufSupport(long deviceNumber, List<FormatModifier> formats, List<FormatModifier> scanout) {
    /** A DRM fourcc code with a layout modifier. */
    public record FormatModifier(int format, long modifier) {}

    public DmabufSupport {
        formats = List.copyOf(formats);
        scanout = List.copyOf(scanout);
        if (!formats.containsAll(scanout)) throw new IllegalArgumentException("scanout formats must be a subset of the formats");
    }

    public boolean supports(int format, long modifier) {
        return formats.contains(new FormatModifier(format, modifier));
    }

    public boolean supportsFormat(int format) {
        for (FormatModifier f : formats) if (f.format() == format) return true;
        return false;
    }
}
