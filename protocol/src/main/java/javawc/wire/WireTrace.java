package javawc.wire;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.nio.ByteBuffer;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * The protocol trace, in libwayland's WAYLAND_DEBUG format:
 * {@code [  1234.567]  -> wl_registry@2.global(1, "wl_compositor", 5)} for a message sent,
 * without the arrow for one received. On when WAYLAND_DEBUG is 1 (or names this side:
 * "server"/"client"), or when the compositor runs with --debug. Lines go to the Log4j logger
 * {@code wayland.trace}; the decoding runs only when the trace is on.
 */
public final class WireTrace {
    private static final Logger LOG = LogManager.getLogger("wayland.trace");
    private static final long EPOCH = System.nanoTime();
    private static volatile boolean server = enabledByEnv("server"), client = enabledByEnv("client");

    private WireTrace() {}

    private static boolean enabledByEnv(String side) {
        String v = System.getenv("WAYLAND_DEBUG");
        return v != null && (v.equals("1") || v.contains(side));
    }

    public static boolean serverEnabled() {
        return server;
    }

    public static boolean clientEnabled() {
        return client;
    }

    public static void enableServer() {
        server = true;
    }

    /**
     * Logs one message. {@code objectName} names an object id ("wl_surface@5", or null when
     * unknown); {@code fdAt} gives the number of the message's i-th fd.
     */
    public static void log(boolean sent, WireObject target, MessageSpec message, ByteBuffer buf, int argsStart, int argsEnd,
                           IntFunction<String> objectName, IntUnaryOperator fdAt) {
        LOG.info(format(sent, target, message, buf, argsStart, argsEnd, objectName, fdAt));
    }

    /** Formats one message; tolerant of malformed arguments (they are shown, not thrown). */
    public static String format(boolean sent, WireObject target, MessageSpec message, ByteBuffer buf, int argsStart, int argsEnd,
                                IntFunction<String> objectName, IntUnaryOperator fdAt) {
        long micros = (System.nanoTime() - EPOCH) / 1000;
        StringBuilder sb = new StringBuilder(96);
        sb.append(String.format("[%7d.%03d] ", (micros / 1000) % 10_000_000, micros % 1000));
        if (sent) sb.append(" -> ");
        sb.append(target.spec().name()).append('@').append(Integer.toUnsignedString(target.id()))
          .append('.').append(message.name()).append('(');
        String letters = message.letters();
        int pos = argsStart, fd = 0;
        String lastString = null;
        for (int a = 0; a < letters.length(); a++) {
            if (a > 0) sb.append(", ");
            char c = letters.charAt(a);
            if (c == 'h') {
                sb.append("fd ").append(fdAt.applyAsInt(fd++));
                continue;
            }
            if (argsEnd - pos < 4) {
                sb.append("<truncated>");
                break;
            }
            int v = buf.getInt(pos);
            pos += 4;
            switch (c) {
                case 'i' -> sb.append(v);
                case 'u' -> sb.append(Integer.toUnsignedString(v));
                case 'f' -> sb.append(String.format("%f", Fixed.toDouble(v)));
                case 'o' -> {
                    if (v == 0) sb.append("nil");
                    else {
                        String name = objectName.apply(v);
                        sb.append(name != null ? name : "[unknown]@" + Integer.toUnsignedString(v));
                    }
                }
                case 'n' -> {
                    String type = message.types()[a] != null ? message.types()[a] : lastString != null ? lastString : "[unknown]";
                    sb.append("new id ").append(type).append('@').append(Integer.toUnsignedString(v));
                }
                case 's', 'a' -> {
                    int padded = (v + 3) & ~3;
                    if (v < 0 || padded > argsEnd - pos) {
                        sb.append("<bad length ").append(Integer.toUnsignedString(v)).append('>');
                        pos = argsEnd;
                        break;
                    }
                    if (c == 'a') sb.append("array[").append(v).append(']');
                    else if (v == 0) sb.append("nil");
                    else {
                        byte[] bytes = new byte[v - 1];
                        buf.get(pos, bytes);
                        lastString = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                        sb.append('"').append(lastString).append('"');
                    }
                    pos += padded;
                }
                default -> sb.append('?');
            }
        }
        return sb.append(')').toString();
    }
}
