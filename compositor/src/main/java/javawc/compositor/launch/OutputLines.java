package javawc.compositor.launch;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts a child's output, which arrives in arbitrary pieces, into lines for the log. A line
 * longer than {@link #MAX_LINE} bytes is passed on in pieces of that size, so a child that
 * never writes a newline cannot grow our memory. Trailing '\r' is dropped; bytes that are not
 * UTF-8 become U+FFFD.
 */
final class OutputLines {
    static final int MAX_LINE = 4096;

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final Consumer<String> sink;

    OutputLines(Consumer<String> sink) {
        this.sink = sink;
    }

    /** Takes {@code length} bytes from {@code data} (from index 0; its position is not used). */
    void accept(ByteBuffer data, int length) {
        for (int i = 0; i < length; i++) {
            byte b = data.get(i);
            if (b == '\n') {
                emit();
            } else {
                pending.write(b);
                if (pending.size() >= MAX_LINE) emit();
            }
        }
    }

    /** At end of output: what is left without its newline. */
    void finish() {
        if (pending.size() > 0) emit();
    }

    private void emit() {
        byte[] line = pending.toByteArray();
        pending.reset();
        int end = line.length;
        if (end > 0 && line[end - 1] == '\r') end--;
        sink.accept(new String(line, 0, end, StandardCharsets.UTF_8));
    }
}
