package javawc.compositor;

import javawc.compositor.cursor.XcursorBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A cursor theme written for the tests, so screenshots near the pointer do not depend on the
 * themes installed on the machine: small solid rectangles of known colours, each shape its own.
 * {@link #env()} is what a compositor needs to use it.
 */
final class TestCursorTheme {
    static final String NAME = "javawc-test";
    /** The arrow at size 24: 8x6, hotspot (2, 1). */
    static final int ARROW = 0xff2060e0, ARROW_WIDTH = 8, ARROW_HEIGHT = 6, HOT_X = 2, HOT_Y = 1;
    /** The arrow's size-48 image, which a size-24 output must not use. */
    static final int ARROW_48 = 0xffe0e0e0;
    /** "grabbing" (interactive move) and "top_left_corner" (resize by the top-left corner, found by its X name): same size and hotspot. */
    static final int MOVE = 0xff20e060, RESIZE_TOP_LEFT = 0xffe0a020;

    private static Path dir;

    /** XCURSOR_PATH, XCURSOR_THEME and XCURSOR_SIZE for the test theme (written once per test run). */
    static synchronized Map<String, String> env() {
        if (dir == null) dir = write();
        return Map.of("XCURSOR_PATH", dir.toString(), "XCURSOR_THEME", NAME, "XCURSOR_SIZE", "24");
    }

    private static Path write() {
        try {
            Path icons = Files.createTempDirectory("javawc-cursors");
            Path cursors = Files.createDirectories(icons.resolve(NAME).resolve("cursors"));
            Files.write(cursors.resolve("default"), new XcursorBuilder()
                    .image(24, ARROW_WIDTH, ARROW_HEIGHT, HOT_X, HOT_Y, ARROW)
                    .image(48, 2 * ARROW_WIDTH, 2 * ARROW_HEIGHT, 2 * HOT_X, 2 * HOT_Y, ARROW_48).build());
            Files.write(cursors.resolve("grabbing"), new XcursorBuilder().image(24, ARROW_WIDTH, ARROW_HEIGHT, HOT_X, HOT_Y, MOVE).build());
            Files.write(cursors.resolve("top_left_corner"), new XcursorBuilder().image(24, ARROW_WIDTH, ARROW_HEIGHT, HOT_X, HOT_Y, RESIZE_TOP_LEFT).build());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = Files.walk(icons)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException e) {
                    // a temporary directory left behind
                }
            }));
            return icons;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestCursorTheme() {}
}
