package javawc.compositor.backend.drm;

import javawc.compositor.output.ModeText;
import javawc.compositor.output.Output;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Reading and choosing drm_mode_modeinfo blocks (68 bytes each). */
final class DrmModes {
    private static final int TYPE_PREFERRED = 1 << 3;

    private DrmModes() {}

    private static ByteBuffer view(byte[] mode) {
        return ByteBuffer.wrap(mode).order(ByteOrder.nativeOrder());
    }

    static int width(byte[] m) {
        return view(m).getShort(4) & 0xffff;
    }

    static int height(byte[] m) {
        return view(m).getShort(14) & 0xffff;
    }

    /** Refresh in millihertz from the pixel clock (kHz) and totals; vrefresh is only whole Hz. */
    static int refreshMilliHz(byte[] m) {
        ByteBuffer b = view(m);
        long clock = b.getInt(0) & 0xffffffffL;
        long htotal = b.getShort(10) & 0xffff, vtotal = b.getShort(20) & 0xffff;
        if (htotal == 0 || vtotal == 0) return Math.max(1, b.getInt(24)) * 1000;
        return (int) ((clock * 1_000_000L + htotal * vtotal / 2) / (htotal * vtotal));
    }

    static Output.Mode toMode(byte[] m) {
        return new Output.Mode(width(m), height(m), refreshMilliHz(m));
    }

    /**
     * The mode of {@code wanted}'s size (the first, without a rate; else the nearest rate), null if
     * none; the preferred one (else the first) when {@code wanted} is null.
     */
    static byte[] pick(byte[][] modes, ModeText wanted) {
        if (wanted == null) {
            for (byte[] m : modes) if ((view(m).getInt(32) & TYPE_PREFERRED) != 0) return m;
            return modes[0];
        }
        byte[] best = null;
        for (byte[] m : modes) {
            if (width(m) != wanted.width() || height(m) != wanted.height()) continue;
            if (!wanted.hasRefresh()) return m;
            if (best == null || Math.abs(refreshMilliHz(m) - wanted.refreshMilliHz()) < Math.abs(refreshMilliHz(best) - wanted.refreshMilliHz())) best = m;
        }
        return best;
    }

    static boolean preferred(byte[] m) {
        return (view(m).getInt(32) & TYPE_PREFERRED) != 0;
    }

    /**
     * The distinct modes a connector reports, as clients see them: the preferred one first
     * (what output configuration tools mark preferred), the rest in the connector's order.
     */
    static List<Output.Mode> list(byte[][] modes) {
        List<Output.Mode> out = new ArrayList<>();
        for (byte[] m : modes) if (preferred(m) && !out.contains(toMode(m))) out.add(toMode(m));
        for (byte[] m : modes) if (!out.contains(toMode(m))) out.add(toMode(m));
        return out;
    }

    /**
     * The connector's mode of {@code wanted}'s size whose refresh is nearest to it, if within a
     * hertz (a user's "@60" for a 60.004 Hz mode; both set by clock and totals); else null.
     */
    static byte[] match(byte[][] modes, Output.Mode wanted) {
        byte[] best = null;
        for (byte[] m : modes) {
            if (width(m) != wanted.width() || height(m) != wanted.height()) continue;
            if (best == null || Math.abs(refreshMilliHz(m) - wanted.refreshMilliHz()) < Math.abs(refreshMilliHz(best) - wanted.refreshMilliHz())) best = m;
        }
        return best != null && Math.abs(refreshMilliHz(best) - wanted.refreshMilliHz()) <= 1000 ? best : null;
    }

    static String describe(byte[][] modes) {
        List<String> out = new ArrayList<>();
        for (byte[] m : modes) out.add(toMode(m).toString());
        return String.join(", ", out);
    }
}
