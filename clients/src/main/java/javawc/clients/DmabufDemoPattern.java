package javawc.clients;

/**
 * What {@link DemoDmabuf} draws, kept apart so tests can check pixels without a compositor or
 * a GPU. The layout is {@link ShmDemoPattern}'s with other colours, so that a screenshot tells
 * the two apart: the top three quarters are four solid quadrants (cyan, magenta / orange,
 * grey), the bottom quarter a navy band with a lime bar. The demo runs full screen, so the
 * bar scales with the width: {@code width / 16} wide, moving {@code width / 128} pixels per
 * frame (a sweep of about two seconds at 60 Hz, whatever the resolution).
 * <p>
 * For a test at any size W x H: (W/4, 3H/16) is cyan, (3W/4, 3H/16) magenta, (W/4, 9H/16)
 * orange, (3W/4, 9H/16) grey; row 7H/8 is navy except under the bar. All colours are opaque
 * (the X byte is written as 0xff) and use only channel values 0x00, 0x80 and 0xff.
 */
final class DmabufDemoPattern {
    static final int CYAN = 0xff00ffff, MAGENTA = 0xffff00ff, ORANGE = 0xffff8000, GREY = 0xff808080;
    static final int BAND = 0xff000080, BAR = 0xff80ff00;

    private DmabufDemoPattern() {}

    static int bandTop(int height) {
        return ShmDemoPattern.bandTop(height);
    }

    static int barWidth(int width) {
        return Math.max(1, width / 16);
    }

    static int barStep(int width) {
        return Math.max(1, width / 128);
    }

    /** The bar's left edge in frame {@code frame}: it sweeps left to right, then starts again. */
    static int barX(long frame, int width) {
        int travel = width - barWidth(width) + 1;
        return travel <= 1 ? 0 : (int) (frame * barStep(width) % travel);
    }

    /** The whole picture. */
    static void drawAll(Canvas c, int barX) {
        int top = bandTop(c.height()), halfW = c.width() / 2, halfH = top / 2;
        c.fill(0, 0, halfW, halfH, CYAN);
        c.fill(halfW, 0, c.width() - halfW, halfH, MAGENTA);
        c.fill(0, halfH, halfW, top - halfH, ORANGE);
        c.fill(halfW, halfH, c.width() - halfW, top - halfH, GREY);
        drawBand(c, barX);
    }

    /** Only the band: what changes from frame to frame. */
    static void drawBand(Canvas c, int barX) {
        int top = bandTop(c.height());
        c.fill(0, top, c.width(), c.height() - top, BAND);
        c.fill(barX, top, barWidth(c.width()), c.height() - top, BAR);
    }
}
