package javawc.compositor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** One request in wire bytes, argument by argument, for clients that break the rules on purpose. */
final class WireRequest {
    private final ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.nativeOrder());
    private final int opcode;

    private WireRequest(int object, int opcode) {
        this.opcode = opcode;
        b.putInt(object).putInt(0);
    }

    static WireRequest to(int object, int opcode) {
        return new WireRequest(object, opcode);
    }

    WireRequest i(int v) {
        b.putInt(v);
        return this;
    }

    /** A string as the wire carries it: length with the NUL, bytes, NUL, padding. */
    WireRequest s(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        b.putInt(bytes.length + 1).put(bytes).put((byte) 0);
        return pad();
    }

    /** {@code length} bytes of 'x' with no NUL at the end, the length field saying {@code length}. */
    WireRequest unterminated(int length) {
        b.putInt(length);
        for (int k = 0; k < length; k++) b.put((byte) 'x');
        return pad();
    }

    private WireRequest pad() {
        while ((b.position() & 3) != 0) b.put((byte) 0);
        return this;
    }

    byte[] bytes() {
        int size = b.position();
        b.putInt(4, size << 16 | opcode);
        return Arrays.copyOf(b.array(), size);
    }

    static byte[] concat(byte[]... parts) {
        ByteBuffer all = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] p : parts) all.put(p);
        return all.array();
    }
}
