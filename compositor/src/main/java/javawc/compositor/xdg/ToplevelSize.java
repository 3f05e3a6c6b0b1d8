package javawc.compositor.xdg;

import javawc.compositor.scene.Rect;
import javawc.server.protocol.XdgToplevel;

/**
 * A floating toplevel's size as negotiated with its client: the size its configures ask for
 * (0: the client chooses), the min and max size the client accepts, and an interactive resize:
 * the dragged edges, with the opposite ones anchored where they were until the client's commits
 * reach the size asked for. Maximized and fullscreen sizes are the role's: they come from the output.
 */
final class ToplevelSize {
    private final XdgSurfaceRole xdg;
    private int minWidth, minHeight, maxWidth, maxHeight;
    private int width, height;          // the size the last configure asked for; 0: the client chooses
    private int resizeEdges;            // the edges a resize drags; the opposite ones stay put
    private boolean resizing, anchored; // anchored: commits keep the opposite edges where they were
    private int anchorRight, anchorBottom;

    ToplevelSize(XdgSurfaceRole xdg) {
        this.xdg = xdg;
    }

    /** The width a configure of a floating window asks for; 0: the client chooses. */
    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Whether an interactive resize is going on (configures carry the resizing state). */
    boolean resizing() {
        return resizing;
    }

    // ---- the client's limits ----

    void setMaxSize(XdgToplevel self, int w, int h) {
        if (w < 0 || h < 0 || w > 0 && w < minWidth || h > 0 && h < minHeight) {
            self.postError(XdgToplevel.Error.INVALID_SIZE, "max size " + w + "x" + h + " is negative or below the min size");
            return;
        }
        maxWidth = w;
        maxHeight = h;
    }

    void setMinSize(XdgToplevel self, int w, int h) {
        if (w < 0 || h < 0 || maxWidth > 0 && w > maxWidth || maxHeight > 0 && h > maxHeight) {
            self.postError(XdgToplevel.Error.INVALID_SIZE, "min size " + w + "x" + h + " is negative or above the max size");
            return;
        }
        minWidth = w;
        minHeight = h;
    }

    /** A width the client accepts: at least 1 and its min size, at most its max size. */
    int clampWidth(int w) {
        return Math.max(Math.max(1, minWidth), maxWidth > 0 ? Math.min(w, maxWidth) : w);
    }

    int clampHeight(int h) {
        return Math.max(Math.max(1, minHeight), maxHeight > 0 ? Math.min(h, maxHeight) : h);
    }

    // ---- interactive resize ----

    /** Starts a resize dragging {@code edges} of a window whose geometry is {@code g}: the opposite edges stay where they are now. */
    void startResize(int edges, Rect g) {
        resizeEdges = edges;
        resizing = anchored = true;
        anchorRight = g.right();
        anchorBottom = g.bottom();
        width = g.width();
        height = g.height();
        xdg.configure();
    }

    /** Asks the client for a new size during an interactive resize (the resizing state says it is a maximum). */
    void resizeTo(int newWidth, int newHeight) {
        if (!resizing || newWidth == width && newHeight == height) return;
        width = newWidth;
        height = newHeight;
        xdg.configure();
    }

    /** The resize is over: a last configure without the resizing state, at the size reached. */
    void endResize() {
        if (!resizing) return;
        resizing = false;
        xdg.configure();
    }

    /** The window was unmapped: no resize, nothing anchored, no configure. */
    void forgetResize() {
        resizing = anchored = false;
    }

    /** The window was moved: its commits no longer keep edges in place. */
    void unanchor() {
        anchored = false;
    }

    /** Whether commits move the window to keep the edges opposite a resize's where they were. */
    boolean anchored() {
        return anchored;
    }

    /** Where the window's left edge goes, now {@code w} wide, so that its right edge stays put if the left one was dragged. */
    int anchoredX(int x, int w) {
        return (resizeEdges & XdgToplevel.ResizeEdge.LEFT) != 0 ? anchorRight - w : x;
    }

    int anchoredY(int y, int h) {
        return (resizeEdges & XdgToplevel.ResizeEdge.TOP) != 0 ? anchorBottom - h : y;
    }

    /** A commit brought the window to {@code w} x {@code h}: the anchoring ends once the resize is over and its final size has arrived. */
    void committedSize(int w, int h) {
        if (!resizing && w == width && h == height) anchored = false;
    }
}
