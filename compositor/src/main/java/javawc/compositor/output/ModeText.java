package javawc.compositor.output;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A video mode as people write it: {@code WxH} or {@code WxH@HZ}, for example {@code 1920x1080},
 * {@code 1920x1080@60} or {@code 1920x1080@59.94}. Width and height are whole numbers from 1 to
 * {@value #MAX_SIDE}; the rate is in hertz, from 1 to 1000, with any number of decimals, kept to
 * the millihertz. --mode, --output NAME:MODE, the configuration file's {@code output.mode} and
 * the IPC's {@code output NAME mode} all read it here, so they accept the same text and refuse
 * the rest with the same words.
 *
 * @param refreshMilliHz 0 when the text names no rate: what that means is the caller's choice
 *                       (a default rate, the connector's, or the current one)
 */
public record ModeText(int width, int height, int refreshMilliHz) {
    public static final int MAX_SIDE = 16384;
    public static final String FORM = "WxH or WxH@HZ (such as 1920x1080 or 1920x1080@59.94)";

    // digits capped so a long number is "out of range" rather than an int overflow
    private static final Pattern GRAMMAR = Pattern.compile("(\\d{1,9})x(\\d{1,9})(?:@(\\d{1,9}(?:\\.\\d+)?))?");

    /** The mode {@code text} names; IllegalArgumentException naming the text and what is wrong with it. */
    public static ModeText parse(String text) {
        Matcher m = GRAMMAR.matcher(text);
        if (!m.matches()) throw new IllegalArgumentException("'" + text + "' is not " + FORM);
        int width = Integer.parseInt(m.group(1)), height = Integer.parseInt(m.group(2));
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("'" + text + "' is out of range: width and height must be from 1 to " + MAX_SIDE);
        }
        if (m.group(3) == null) return new ModeText(width, height, 0);
        long milliHz = Math.round(Double.parseDouble(m.group(3)) * 1000);
        if (milliHz < 1000 || milliHz > 1_000_000) {
            throw new IllegalArgumentException("'" + text + "' is out of range: the refresh rate must be from 1 to 1000 Hz");
        }
        return new ModeText(width, height, (int) milliHz);
    }

    public boolean hasRefresh() {
        return refreshMilliHz != 0;
    }

    /** This mode, at {@code defaultMilliHz} when the text named no rate. */
    public Output.Mode toMode(int defaultMilliHz) {
        return new Output.Mode(width, height, hasRefresh() ? refreshMilliHz : defaultMilliHz);
    }

    /** How {@code mode} is written (what {@link #parse} reads back): WxH@HZ, the rate with up to three decimals and no trailing zeros (60, 59.951). */
    public static String of(Output.Mode mode) {
        return written(mode.width(), mode.height(), mode.refreshMilliHz());
    }

    private static String written(int width, int height, int refreshMilliHz) {
        String size = width + "x" + height;
        if (refreshMilliHz == 0) return size;
        return size + "@" + java.math.BigDecimal.valueOf(refreshMilliHz, 3).stripTrailingZeros().toPlainString();
    }

    /** As it would be written: 1920x1080, 1920x1080@60, 1920x1080@59.94. */
    @Override
    public String toString() {
        return written(width, height, refreshMilliHz);
    }
}
