package javawc.wire;

import javawc.os.FdQueue;
import javawc.os.OwnedFd;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the arguments of the current message in place from a connection's input buffer.
 * Every read is bounds-checked against the message's end; violations throw
 * {@link WireFormatException}. Nothing is allocated except the values themselves (strings,
 * arrays, fd owners).
 */
public final class MessageReader {
    private final ByteBuffer in;
    private final FdQueue fds;
    private final ObjectMap<? extends WireObject> objects;
    private int pos, end;

    public MessageReader(ByteBuffer in, FdQueue fds, ObjectMap<? extends WireObject> objects) {
        this.in = in;
        this.fds = fds;
        this.objects = objects;
    }

    /** Points the reader at the arguments of a message in [start, end) of the buffer. */
    public void reset(int start, int end) {
        this.pos = start;
        this.end = end;
    }

    private void need(int bytes, String what) {
        if (end - pos < bytes) throw WireFormatException.malformed("message too short for " + what);
    }

    public int int32() {
        need(4, "an int");
        int v = in.getInt(pos);
        pos += 4;
        return v;
    }

    public int uint32() {
        return int32();
    }

    public int fixed() {
        return int32();
    }

    /** A string; null only when {@code nullable} (otherwise a null is a protocol error). */
    public String string(boolean nullable) {
        int length = int32();
        if (length == 0) {
            if (!nullable) throw WireFormatException.malformed("null string where none is allowed");
            return null;
        }
        int padded = padded(length, "string");
        if (in.get(pos + length - 1) != 0) throw WireFormatException.malformed("string not NUL-terminated");
        byte[] bytes = new byte[length - 1];
        in.get(pos, bytes);
        pos += padded;
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** An array's bytes, copied, little-endian like the wire. */
    public ByteBuffer array() {
        int length = int32();
        int padded = padded(length, "array");
        ByteBuffer copy = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        in.get(pos, copy.array(), 0, length);
        pos += padded;
        return copy;
    }

    private int padded(int length, String what) {
        if (length < 0 || length > end - pos) throw WireFormatException.malformed(what + " length " + Integer.toUnsignedString(length) + " exceeds the message");
        int padded = (length + 3) & ~3;
        need(padded, what);
        return padded;
    }

    /**
     * An object argument: the live object with that id, which must be of {@code type}; null
     * for id 0 where allowed. Ids of objects the peer has destroyed but we have not yet seen
     * deleted decode as null only on the client side (see {@code allowDead}).
     */
    public <T extends WireObject> T object(Class<T> type, boolean nullable, boolean allowDead) {
        int id = int32();
        if (id == 0) {
            if (!nullable) throw WireFormatException.malformed("null object where none is allowed");
            return null;
        }
        Object o = objects.get(id);
        if (type.isInstance(o)) return type.cast(o);
        if (allowDead) return null;
        if (o == null) throw new WireFormatException(WireFormatException.INVALID_OBJECT, "invalid object " + Integer.toUnsignedString(id));
        throw new WireFormatException(WireFormatException.INVALID_OBJECT, "object " + o + " is not a " + type.getSimpleName());
    }

    /** The raw id of a new_id argument; the side-specific runtime validates and inserts it. */
    public int newId() {
        int id = int32();
        if (id == 0) throw new WireFormatException(WireFormatException.INVALID_OBJECT, "new id 0");
        return id;
    }

    /** Fails the message up front unless {@code count} fds are queued, so none is taken and lost. */
    public void requireFds(int count) {
        if (fds.size() < count) throw WireFormatException.malformed("message needs " + count + " fds, " + fds.size() + " received");
    }

    /** The next received fd; the caller owns it. */
    public OwnedFd fd() {
        OwnedFd fd = fds.take();
        if (fd == null) throw WireFormatException.malformed("missing fd");
        return fd;
    }

    /** Fails unless every byte of the message was consumed. */
    public void finish() {
        if (pos != end) throw WireFormatException.malformed((end - pos) + " bytes left over after the last argument");
    }

    int position() {
        return pos;
    }
}
