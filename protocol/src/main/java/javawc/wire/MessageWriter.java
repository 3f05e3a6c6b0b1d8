package javawc.wire;

import javawc.os.OwnedFd;

import java.nio.charset.StandardCharsets;

/**
 * Encodes one message at a time into a connection's output buffer: {@link #begin}, the
 * arguments in signature order, {@link #end}. The header's size is filled in at the end.
 * Strings are encoded without a temporary byte array when they are ASCII, the usual case.
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
        int n = s.length();
        boolean ascii = true;
        for (int i = 0; i < n && ascii; i++) ascii = s.charAt(i) < 0x80 && s.charAt(i) != 0;
        if (!ascii) return bytesString(s.getBytes(StandardCharsets.UTF_8));
        int padded = (n + 1 + 3) & ~3;
        need(4 + padded);
        out.putInt(pos, n + 1);
        for (int i = 0; i < n; i++) out.put(pos + 4 + i, (byte) s.charAt(i));
        for (int i = n; i < padded; i++) out.put(pos + 4 + i, (byte) 0);
        pos += 4 + padded;
        return this;
    }

    private MessageWriter bytesString(byte[] utf8) {
        for (byte b : utf8) if (b == 0) throw new IllegalArgumentException("string contains NUL");
        int padded = (utf8.length + 1 + 3) & ~3;
        need(4 + padded);
        out.putInt(pos, utf8.length + 1);
        out.put(pos + 4, utf8);
        for (int i = utf8.length; i < padded; i++) out.put(pos + 4 + i, (byte) 0);
        pos += 4 + padded;
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
