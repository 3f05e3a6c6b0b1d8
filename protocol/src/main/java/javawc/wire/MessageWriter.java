package javawc.wire;

import javawc.os.OwnedFd;

import java.nio.charset.StandardCharsets;

/**
 * Encodes one message at a time into a connection's output buffer: {@link #begin}, the
 * arguments in signature order, {@link #end}. The header's size is filled in at the end.
 */
public final class MessageWriter {
    public static final int MAX_MESSAGE_SIZE = 4096;

    private final Connection connection;
    private java.nio.ByteBuffer out;
    private int start, pos, objectId, opcode;

    MessageWriter(Connection connection) {
        this.connection = connection;
    }

    public MessageWriter begin(int objectId, int opcode) {
        this.out = connection.reserveOutput(MAX_MESSAGE_SIZE);
        this.start = out.position();
        this.pos = start + 8;
        this.objectId = objectId;
        this.opcode = opcode;
        return this;
    }

    private void need(int bytes) {
        if (pos + bytes - start > MAX_MESSAGE_SIZE) {
            throw new IllegalArgumentException("message larger than " + MAX_MESSAGE_SIZE + " bytes");
        }
    }

    public MessageWriter int32(int v) {
        need(4);
        out.putInt(pos, v);
        pos += 4;
        return this;
    }

    public MessageWriter uint32(int v) {
        return int32(v);
    }

    public MessageWriter fixed(int v) {
        return int32(v);
    }

    public MessageWriter string(String s) {
        if (s == null) return int32(0);
        // the JDK's own encoder and bulk copies (intrinsics): a per-char loop here cost more per
        // registry burst, and its compiled form took ~50 ms of C2 time on the event loop's CPU
        if (s.indexOf('\0') >= 0) throw new IllegalArgumentException("string contains NUL");
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        need(stringSize(utf8));
        pos += putString(out, pos, utf8);
        return this;
    }

    /** Bytes a string argument of {@code utf8} (without its NUL) takes on the wire: length, text, NUL, padding to 4. */
    public static int stringSize(byte[] utf8) {
        return 4 + ((utf8.length + 1 + 3) & ~3);
    }

    /** Writes a string argument of {@code utf8} (without its NUL) at {@code at} of {@code b} (native order); returns {@link #stringSize}. */
    public static int putString(java.nio.ByteBuffer b, int at, byte[] utf8) {
        int size = stringSize(utf8);
        b.putInt(at, utf8.length + 1);
        b.putInt(at + size - 4, 0); // the last word: the NUL and padding, then overwritten by the text where it reaches
        b.put(at + 4, utf8);
        return size;
    }

    /** Arguments encoded beforehand (whole 4-byte words, as this writer would have written them), copied as they are. */
    public MessageWriter encoded(byte[] args) {
        if ((args.length & 3) != 0) throw new IllegalArgumentException("encoded arguments are whole words, not " + args.length + " bytes");
        need(args.length);
        out.put(pos, args);
        pos += args.length;
        return this;
    }

    /** An array argument: the bytes of {@code data} from its position to its limit. */
    public MessageWriter array(java.nio.ByteBuffer data) {
        int n = data.remaining();
        int padded = (n + 3) & ~3;
        need(4 + padded);
        out.putInt(pos, n);
        out.put(pos + 4, data, data.position(), n);
        for (int i = n; i < padded; i++) out.put(pos + 4 + i, (byte) 0);
        pos += 4 + padded;
        return this;
    }

    public MessageWriter object(WireObject o) {
        return int32(o == null ? 0 : o.id());
    }

    /** Queues a duplicate of {@code fd} to travel with this message; the caller keeps {@code fd}. */
    public MessageWriter fd(OwnedFd fd) {
        connection.queueOutputFd(fd, start);
        return this;
    }

    /** Completes the message; returns where it starts in the output buffer (for the trace). */
    public int end() {
        int size = pos - start;
        out.putInt(start, objectId);
        out.putInt(start + 4, size << 16 | opcode);
        out.position(pos);
        return start;
    }
}
