package javawc.os;

import com.sun.jna.Pointer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An mmap'ed range of a file, seen as a direct ByteBuffer, unmapped on close. Read client
 * memory only through {@link #buffer()}: if the client shrinks the file, a ByteBuffer access
 * past its end raises an {@link InternalError} on JDK 25 (which the caller turns into a
 * protocol error), where a native read of the same page would kill the process.
 */
public final class MemoryMapping implements AutoCloseable {
    private final long address, length;
    private ByteBuffer buffer;

    private MemoryMapping(long address, long length, boolean writable) {
        this.address = address;
        this.length = length;
        ByteBuffer b = new Pointer(address).getByteBuffer(0, length);
        // a write to a read-only page would be a SIGSEGV: make it a Java exception instead
        this.buffer = (writable ? b : b.asReadOnlyBuffer()).order(ByteOrder.nativeOrder());
    }

    /** Maps {@code length} bytes of {@code fd} from offset 0, shared. */
    public static MemoryMapping map(OwnedFd fd, long length, boolean writable) throws OsException {
        return map(fd, 0, length, writable);
    }

    /** Maps {@code length} bytes of {@code fd} from {@code offset} (page-aligned), shared. */
    public static MemoryMapping map(OwnedFd fd, long offset, long length, boolean writable) throws OsException {
        if (length <= 0 || length > Integer.MAX_VALUE) throw new IllegalArgumentException("cannot map " + length + " bytes");
        int prot = LibC.PROT_READ | (writable ? LibC.PROT_WRITE : 0);
        long address = LibC.mmap(0, length, prot, LibC.MAP_SHARED, fd.get(), offset);
        if (address == -1) throw OsException.last("mmap");
        return new MemoryMapping(address, length, writable);
    }

    /**
     * Maps {@code length} bytes of {@code fd} read-only and private: what a reader of a
     * write-sealed memfd needs (a shared mapping of one fails before Linux 6.7).
     */
    public static MemoryMapping mapPrivate(OwnedFd fd, long length) throws OsException {
        if (length <= 0 || length > Integer.MAX_VALUE) throw new IllegalArgumentException("cannot map " + length + " bytes");
        long address = LibC.mmap(0, length, LibC.PROT_READ, LibC.MAP_PRIVATE, fd.get(), 0);
        if (address == -1) throw OsException.last("mmap");
        return new MemoryMapping(address, length, false);
    }

    public ByteBuffer buffer() {
        if (buffer == null) throw new IllegalStateException("unmapped");
        return buffer;
    }

    public long length() {
        return length;
    }

    @Override
    public void close() {
        if (buffer == null) return;
        buffer = null;
        LibC.munmap(address, length);
    }
}
