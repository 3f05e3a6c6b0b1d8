package javawc.compositor.dmabuf;

import javawc.os.Descriptors;
import javawc.os.OsException;
import javawc.os.OwnedFd;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The feedback's format table: 16-byte entries (u32 format, u32 padding, u64 modifier) in a
 * sealed memfd. Every client gets the same file through a read-only descriptor, so none can
 * change what the others read (the protocol asks for exactly that).
 */
final class FormatTable implements AutoCloseable {
    static final int ENTRY_SIZE = 16;

    private final List<DmabufSupport.FormatModifier> entries;
    private final OwnedFd readOnly;

    FormatTable(List<DmabufSupport.FormatModifier> entries) throws OsException {
        this.entries = List.copyOf(entries);
        ByteBuffer b = ByteBuffer.allocate(entries.size() * ENTRY_SIZE).order(ByteOrder.nativeOrder());
        for (DmabufSupport.FormatModifier e : entries) b.putInt(e.format()).putInt(0).putLong(e.modifier());
        readOnly = Descriptors.sealedReadOnly("javawc-dmabuf-formats", b.array());
    }

    OwnedFd fd() {
        return readOnly;
    }

    int size() {
        return entries.size() * ENTRY_SIZE;
    }

    /** The table indices of {@code subset}, as the u16 array of a tranche_formats event. */
    ByteBuffer indices(List<DmabufSupport.FormatModifier> subset) {
        ByteBuffer b = ByteBuffer.allocate(subset.size() * 2).order(ByteOrder.nativeOrder());
        for (DmabufSupport.FormatModifier f : subset) {
            int i = entries.indexOf(f);
            if (i < 0) throw new IllegalArgumentException(f + " is not in the table");
            b.putShort((short) i);
        }
        return b.flip();
    }

    @Override
    public void close() {
        readOnly.close();
    }
}
