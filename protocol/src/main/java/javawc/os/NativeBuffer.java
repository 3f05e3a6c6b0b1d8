package javawc.os;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A direct, native-order buffer with its address cached, for passing to {@link LibC}. */
public final class NativeBuffer {
    private final ByteBuffer buffer;
    private final long address;

    public NativeBuffer(int capacity) {
        buffer = ByteBuffer.allocateDirect(capacity).order(ByteOrder.nativeOrder());
        address = Pointer.nativeValue(Native.getDirectBufferPointer(buffer));
    }

    public ByteBuffer buffer() {
        return buffer;
    }

    /** Address of byte 0 (not of the buffer's position). */
    public long address() {
        return address;
    }

    public int capacity() {
        return buffer.capacity();
    }
}
