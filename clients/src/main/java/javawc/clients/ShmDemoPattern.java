package javawc.clients;

/**
 * What {@link DemoShm} draws, kept apart so tests can check pixels without a compositor. The
 * top three quarters are four solid quadrants (red, green / blue, white); the bottom quarter
 * is a dark band with a yellow bar that moves {@link #BAR_STEP} pixels per frame. All colours
 * are opaque, so a compositor shows exactly these values.
 */
final class ShmDemoPattern {
    static final int RED = 0xffff0000, GREEN = 0xff00ff00, BLUE = 0xff0000ff, WHITE = 0xffffffff;
    static final int BAND = 0xff202020, BAR = 0xffffff00;
    static final int BAR_WIDTH = 16, BAR_STEP = 4;

    private ShmDemoPattern() {}

    /** First row of the band: the quadrants get what a quarter leaves, rounding in their favour. */
    static int bandTop(int height) {
        return height - height / 4;
    }

    /** The bar's left edge in frame {@code frame}: it sweeps left to right, then starts again. */
    static int barX(long frame, int width) {
        int travel = width - BAR_WIDTH + 1;
        return travel <= 1 ? 0 : (int) (frame * BAR_STEP % travel);
    }

    /** The whole picture. */
    static void drawAll(Canvas c, int barX) {
        int top = bandTop(c.height()), halfW = c.width() / 2, halfH = top / 2;
        c.fill(0, 0, halfW, halfH, RED);
        c.fill(halfW, 0, c.width() - halfW, halfH, GREEN);
        c.fill(0, halfH, halfW, top - halfH, BLUE);
        c.fill(halfW, halfH, c.width() - halfW, top - halfH, WHITE);
        drawBand(c, barX);
    }

    /** Only the band: what changes from frame to frame. */
    static void drawBand(Canvas c, int barX) {
        int top = bandTop(c.height());
        c.fill(0, top, c.width(), c.height() - top, BAND);
        c.fill(barX, top, BAR_WIDTH, c.height() - top, BAR);
    }
}
