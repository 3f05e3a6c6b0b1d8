package javawc.compositor.xwayland.x11;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One message from the X server (an event, a reply or an error), read in place from the
 * connection's input buffer: the same object is reused for every message, so a handler reads
 * what it needs and keeps nothing. Offsets are the protocol's, from the message's first byte;
 * the byte order is the one we asked for at setup (little-endian).
 */
public final class X11Message {
    public static final int ERROR = 0, REPLY = 1;

    private ByteBuffer buffer;
    private int base, length;

    void point(ByteBuffer buffer, int base, int length) {
        this.buffer = buffer;
        this.base = base;
        this.length = length;
    }

    /** The whole length in bytes (32 for events and errors; replies say theirs). */
    public int length() {
        return length;
    }

    /** 0: error, 1: reply, else the event code (bit 7 set: sent by another client with SendEvent). */
    public int kind() {
        return u8(0);
    }

    /** The event code without the SendEvent bit. */
    public int eventCode() {
        return u8(0) & 0x7f;
    }

    public int u8(int offset) {
        check(offset, 1);
        return buffer.get(base + offset) & 0xff;
    }

    public int u16(int offset) {
        check(offset, 2);
        return buffer.getShort(base + offset) & 0xffff;
    }

    public int i16(int offset) {
        check(offset, 2);
        return buffer.getShort(base + offset);
    }

    /** An unsigned 32-bit value (ids, atoms, timestamps) as Java's int: compare with ==, print with Integer.toUnsignedString. */
    public int u32(int offset) {
        check(offset, 4);
        return buffer.getInt(base + offset);
    }

    public byte[] bytes(int offset, int count) {
        check(offset, count);
        byte[] b = new byte[count];
        buffer.get(base + offset, b);
        return b;
    }

    public String latin1(int offset, int count) {
        return new String(bytes(offset, count), StandardCharsets.ISO_8859_1);
    }

    /** A malformed message (a field past its end) is refused here rather than read from the next one. */
    private void check(int offset, int size) {
        if (offset < 0 || size < 0 || offset + size > length) {
            throw new MalformedMessageException("field at " + offset + " (+" + size + ") past the end of a " + length + "-byte message");
        }
    }

    public static final class MalformedMessageException extends RuntimeException {
        public MalformedMessageException(String message) {
            super(message);
        }
    }
}
