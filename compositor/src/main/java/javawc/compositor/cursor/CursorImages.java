package javawc.compositor.cursor;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The compositor's own cursors, from the user's Xcursor theme: {@code XCURSOR_THEME} (else
 * "default", which Debian points at the system's choice, else "Adwaita") at {@code
 * XCURSOR_SIZE} (default 24) times the output scale. Each shape is read from its file the first
 * time it is wanted and then kept, so moving the pointer never reads or decodes anything. A
 * shape the theme lacks is shown as its default arrow; with no theme at all, a built-in arrow.
 * Used on the event loop's thread only.
 */
public final class CursorImages {
    private static final Logger LOG = LogManager.getLogger(CursorImages.class);
    public static final int DEFAULT_SIZE = 24;
    /** The largest scale kept apart; larger ones share its images (no output has such a scale today). */
    private static final int MAX_SCALE = 8;
    private static final int MAX_SIZE = 512;

    private final List<XcursorTheme> themes;
    private final int size;
    private final Map<CursorShape, CursorImage[]> cache = new EnumMap<>(CursorShape.class); // by scale - 1
    private boolean logged;

    CursorImages(List<XcursorTheme> themes, int size) {
        this.themes = List.copyOf(themes);
        this.size = size;
        for (CursorShape s : CursorShape.values()) cache.put(s, new CursorImage[MAX_SCALE]);
    }

    /** The cursors the environment asks for (XCURSOR_THEME, XCURSOR_SIZE, XCURSOR_PATH, HOME, XDG_DATA_HOME). */
    public static CursorImages fromEnvironment(Map<String, String> env) {
        List<Path> dirs = XcursorTheme.iconDirs(env);
        List<String> names = new ArrayList<>();
        String wanted = env.get("XCURSOR_THEME");
        if (wanted != null && !wanted.isBlank()) names.add(wanted.strip());
        for (String fallback : List.of("default", "Adwaita")) if (!names.contains(fallback)) names.add(fallback);
        List<XcursorTheme> themes = new ArrayList<>();
        for (String n : names) themes.add(new XcursorTheme(n, dirs));
        return new CursorImages(themes, parseSize(env.get("XCURSOR_SIZE")));
    }

    static int parseSize(String value) {
        if (value == null || value.isBlank()) return DEFAULT_SIZE;
        try {
            int s = Integer.parseInt(value.strip());
            if (s > 0 && s <= MAX_SIZE) return s;
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warn("XCURSOR_SIZE={} is not a cursor size (1 to {}): using {}", value, MAX_SIZE, DEFAULT_SIZE);
        return DEFAULT_SIZE;
    }

    /** The nominal size asked for at scale 1. */
    public int size() {
        return size;
    }

    /** The image of {@code shape} for outputs of {@code scale}; never null. */
    public CursorImage get(CursorShape shape, int scale) {
        int s = Math.clamp(scale, 1, MAX_SCALE);
        CursorImage[] byScale = cache.get(shape);
        CursorImage image = byScale[s - 1];
        if (image == null) {
            image = load(shape, s);
            byScale[s - 1] = image;
        }
        return image;
    }

    private CursorImage load(CursorShape shape, int scale) {
        int pixels = size * scale;
        for (XcursorTheme theme : themes) {
            Path file = theme.find(shape.fileNames());
            if (file == null) continue;
            try {
                XcursorFile.Image image = XcursorFile.read(file).imagesNearest(pixels).getFirst(); // an animation shows its first frame
                logOnce("pointer: cursor theme \"{}\" at size {} (scale {}): {} is {}x{}", theme.name(), size, scale, file, image.width(), image.height());
                return CursorImage.of(image, scale);
            } catch (IOException e) {
                LOG.warn("cursor {} unusable: {}", file, e.getMessage());
            }
        }
        if (shape != CursorShape.DEFAULT) return get(CursorShape.DEFAULT, scale); // the arrow, rather than nothing
        logOnce("pointer: no cursor theme found (tried {} in {}): drawing a built-in arrow of size {}",
                themes.stream().map(XcursorTheme::name).toList(), themes.isEmpty() ? List.of() : themes.getFirst().searchDirs(), size);
        return BuiltinArrow.image(pixels, scale);
    }

    private void logOnce(String message, Object... args) {
        if (logged) return;
        logged = true;
        LOG.info(message, args);
    }
}
