package javawc.compositor.cursor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds cursor files the way X and other Wayland compositors do, so a user's settings mean
 * the same here: a theme is a directory {@code NAME/} in one of the icon directories, its
 * cursors in {@code NAME/cursors/}, and its {@code index.theme} may name themes it inherits
 * from ({@code Inherits=a,b}), searched after it when it lacks a cursor. The icon directories
 * are {@code XCURSOR_PATH} (colon-separated) or else the usual ones.
 */
public final class XcursorTheme {
    /** Inherits chains deeper than this are a mistake (real themes go one or two levels). */
    private static final int MAX_DEPTH = 16;

    private final String name;
    private final List<Path> iconDirs;

    public XcursorTheme(String name, List<Path> iconDirs) {
        this.name = name;
        this.iconDirs = List.copyOf(iconDirs);
    }

    public String name() {
        return name;
    }

    /** The icon directories searched, in order. */
    public List<Path> searchDirs() {
        return iconDirs;
    }

    /**
     * The icon directories: {@code XCURSOR_PATH}'s entries ({@code ~} meaning HOME), or else
     * {@code $XDG_DATA_HOME/icons} (default {@code ~/.local/share/icons}), {@code ~/.icons},
     * {@code /usr/share/icons} and {@code /usr/share/pixmaps}.
     */
    public static List<Path> iconDirs(Map<String, String> env) {
        String home = env.getOrDefault("HOME", "");
        String path = env.get("XCURSOR_PATH");
        List<Path> dirs = new ArrayList<>();
        if (path != null && !path.isBlank()) {
            for (String entry : path.split(":")) {
                if (entry.isEmpty()) continue;
                if (entry.equals("~") || entry.startsWith("~/")) entry = home + entry.substring(1);
                dirs.add(Path.of(entry));
            }
            return dirs;
        }
        String dataHome = env.get("XDG_DATA_HOME");
        if (dataHome != null && !dataHome.isEmpty()) dirs.add(Path.of(dataHome, "icons"));
        if (!home.isEmpty()) {
            if (dataHome == null || dataHome.isEmpty()) dirs.add(Path.of(home, ".local/share/icons"));
            dirs.add(Path.of(home, ".icons"));
        }
        dirs.add(Path.of("/usr/share/icons"));
        dirs.add(Path.of("/usr/share/pixmaps"));
        return dirs;
    }

    /**
     * The file of the first of {@code names} this theme has, directly or through the themes it
     * inherits from (each visited once, however the Inherits lines loop); null when none has any.
     * Each theme is searched for all the names before its parents, so a theme's own fallback name
     * wins over a parent's preferred one.
     */
    public Path find(List<String> names) {
        return find(name, names, new HashSet<>(), 0);
    }

    private Path find(String theme, List<String> names, Set<String> visited, int depth) {
        if (depth > MAX_DEPTH || !visited.add(theme) || !isPlainName(theme)) return null;
        for (String cursor : names) {
            for (Path dir : iconDirs) {
                Path file = dir.resolve(theme).resolve("cursors").resolve(cursor);
                if (Files.isRegularFile(file)) return file; // follows symbolic links, as themes use them for aliases
            }
        }
        for (String parent : inherits(theme)) {
            Path found = find(parent, names, visited, depth + 1);
            if (found != null) return found;
        }
        return null;
    }

    /** Whether the theme exists in any icon directory (has cursors or an index.theme). */
    public boolean exists() {
        if (!isPlainName(name)) return false;
        for (Path dir : iconDirs) {
            if (Files.isDirectory(dir.resolve(name).resolve("cursors")) || Files.isRegularFile(dir.resolve(name).resolve("index.theme"))) return true;
        }
        return false;
    }

    /** The themes {@code theme} inherits from: the Inherits lines of its index.theme files, in icon-directory order. */
    List<String> inherits(String theme) {
        Set<String> parents = new LinkedHashSet<>();
        for (Path dir : iconDirs) {
            Path index = dir.resolve(theme).resolve("index.theme");
            if (!Files.isRegularFile(index)) continue;
            List<String> lines;
            try {
                lines = Files.readAllLines(index, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) { // unreadable or not UTF-8: as if it inherited nothing
                continue;
            }
            boolean inThemeSection = false;
            for (String line : lines) {
                String l = line.strip();
                if (l.startsWith("[")) inThemeSection = l.equals("[Icon Theme]");
                else if (inThemeSection && l.startsWith("Inherits") && l.substring(8).strip().startsWith("=")) {
                    for (String p : l.substring(l.indexOf('=') + 1).split("[,;]")) {
                        if (!p.isBlank()) parents.add(p.strip());
                    }
                }
            }
        }
        return List.copyOf(parents);
    }

    /** A theme name is one path element: no "/" or ".." can lead the search out of the icon directories. */
    private static boolean isPlainName(String theme) {
        return !theme.isEmpty() && !theme.contains("/") && !theme.equals(".") && !theme.equals("..");
    }
}
