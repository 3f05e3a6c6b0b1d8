package javawc.compositor.cursor;

import java.util.List;

/**
 * The cursors the compositor shows itself, each with the file names themes use for it: the
 * CSS name first (what current themes such as Adwaita name their files), then the older X
 * core-cursor names that themes kept as aliases.
 */
public enum CursorShape {
    DEFAULT("default", "left_ptr"),
    MOVE("grabbing", "fleur", "move"),
    RESIZE_N("n-resize", "top_side"),
    RESIZE_S("s-resize", "bottom_side"),
    RESIZE_E("e-resize", "right_side"),
    RESIZE_W("w-resize", "left_side"),
    RESIZE_NE("ne-resize", "top_right_corner"),
    RESIZE_NW("nw-resize", "top_left_corner"),
    RESIZE_SE("se-resize", "bottom_right_corner"),
    RESIZE_SW("sw-resize", "bottom_left_corner");

    private final List<String> fileNames;

    CursorShape(String... fileNames) {
        this.fileNames = List.of(fileNames);
    }

    /** The names to look for in a theme, preferred first. */
    public List<String> fileNames() {
        return fileNames;
    }

    /** The shape for resizing by the given edges (a corner when two meet); DEFAULT when no edge is dragged. */
    public static CursorShape resize(boolean top, boolean bottom, boolean left, boolean right) {
        if (top && left) return RESIZE_NW;
        if (top && right) return RESIZE_NE;
        if (bottom && left) return RESIZE_SW;
        if (bottom && right) return RESIZE_SE;
        if (top) return RESIZE_N;
        if (bottom) return RESIZE_S;
        if (left) return RESIZE_W;
        if (right) return RESIZE_E;
        return DEFAULT;
    }
}
