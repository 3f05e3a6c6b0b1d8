package javawc.clients;

import javawc.client.protocol.ZwpLinuxDmabufFeedbackV1;
import javawc.os.Drm;
import javawc.os.MemoryMapping;
import javawc.os.OwnedFd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a zwp_linux_dmabuf_feedback_v1 object says, gathered from its events up to
 * {@code done}: the main device, and the preference tranches with their format + modifier
 * pairs resolved through the format table.
 * <p>
 * Wire formats (linux-dmabuf v4, all in native byte order): a device is a {@code dev_t} in an
 * array of 8 bytes; the format table is a file of 16-byte entries {u32 format, u32 padding,
 * u64 modifier}, which the protocol asks to map read-only and private; tranche_formats is an
 * array of u16 indices into the last table received. A malformed event is kept as
 * {@link #problem()} (a listener cannot throw) and reported by {@link #check()}.
 */
final class DmabufFeedback implements ZwpLinuxDmabufFeedbackV1.Listener {
    static final int ENTRY_BYTES = 16, DEV_T_BYTES = 8;
    /** Indices are u16: a longer table cannot be referred to past this. */
    static final int MAX_ENTRIES = 1 << 16;

    /** One entry of the format table: a DRM fourcc and a format modifier. */
    record FormatModifier(int format, long modifier) {
        @Override
        public String toString() {
            return fourcc(format) + "/" + (modifier == Drm.MOD_LINEAR ? "linear"
                    : modifier == Drm.MOD_INVALID ? "implicit" : "0x" + HexFormat.of().toHexDigits(modifier));
        }
    }

    /** A preference tranche; {@code targetDevice} is a dev_t. */
    record Tranche(long targetDevice, int flags, List<FormatModifier> formats) {
        boolean scanout() {
            return (flags & 1) != 0; // zwp_linux_dmabuf_feedback_v1.tranche_flags.scanout
        }
    }

    private List<FormatModifier> table = List.of();
    private long mainDevice = -1;
    private List<Tranche> tranches = List.of(); // as of the last done
    private final List<Tranche> pending = new ArrayList<>(); // since the last done
    private long trancheDevice = -1;
    private int trancheFlags;
    private final List<FormatModifier> trancheFormats = new ArrayList<>();
    private boolean done;
    private IOException problem;

    /** Whether a complete set of parameters has arrived. */
    boolean done() {
        return done;
    }

    /** The main device's dev_t, -1 if none was sent. */
    long mainDevice() {
        return mainDevice;
    }

    List<FormatModifier> table() {
        return table;
    }

    /** The tranches of the last complete set, most preferred first. */
    List<Tranche> tranches() {
        return tranches;
    }

    /** The first malformed event, if any. */
    IOException problem() {
        return problem;
    }

    /** Throws the first malformed event's problem, or says what a complete set lacked. */
    void check() throws IOException {
        if (problem != null) throw problem;
        if (!done) throw new IOException("dmabuf feedback: no done event yet");
        if (mainDevice < 0) throw new IOException("dmabuf feedback: no main_device event before done");
    }

    /** The most preferred tranche that offers {@code format} with {@code modifier}, or null. */
    Tranche find(int format, long modifier) {
        FormatModifier wanted = new FormatModifier(format, modifier);
        return tranches.stream().filter(t -> t.formats().contains(wanted)).findFirst().orElse(null);
    }

    @Override
    public void formatTable(ZwpLinuxDmabufFeedbackV1 self, OwnedFd fd, int size) {
        try (fd) {
            table = readTable(fd, Integer.toUnsignedLong(size));
        } catch (IOException e) {
            fail(e);
        }
    }

    @Override
    public void mainDevice(ZwpLinuxDmabufFeedbackV1 self, ByteBuffer device) {
        try {
            mainDevice = devT(device);
        } catch (IOException e) {
            fail(e);
        }
    }

    @Override
    public void trancheTargetDevice(ZwpLinuxDmabufFeedbackV1 self, ByteBuffer device) {
        try {
            trancheDevice = devT(device);
        } catch (IOException e) {
            fail(e);
        }
    }

    @Override
    public void trancheFlags(ZwpLinuxDmabufFeedbackV1 self, int flags) {
        trancheFlags = flags;
    }

    @Override
    public void trancheFormats(ZwpLinuxDmabufFeedbackV1 self, ByteBuffer indices) {
        try {
            for (int i : indices(indices)) {
                if (i >= table.size()) throw new IOException("dmabuf feedback: tranche_formats index " + i + " is past the format table's " + table.size() + " entries");
                trancheFormats.add(table.get(i));
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    @Override
    public void trancheDone(ZwpLinuxDmabufFeedbackV1 self) {
        pending.add(new Tranche(trancheDevice, trancheFlags, List.copyOf(trancheFormats)));
        trancheDevice = -1;
        trancheFlags = 0;
        trancheFormats.clear();
    }

    @Override
    public void done(ZwpLinuxDmabufFeedbackV1 self) {
        tranches = List.copyOf(pending);
        pending.clear();
        done = true;
    }

    private void fail(IOException e) {
        if (problem == null) problem = e;
    }

    /** Maps the table read-only and private, as the protocol asks, and copies its entries. */
    static List<FormatModifier> readTable(OwnedFd fd, long size) throws IOException {
        if (size == 0 || size % ENTRY_BYTES != 0 || size > (long) MAX_ENTRIES * ENTRY_BYTES) {
            throw new IOException("dmabuf feedback: a format table of " + size + " bytes (want 1 to " + MAX_ENTRIES + " entries of " + ENTRY_BYTES + ")");
        }
        try (MemoryMapping m = MemoryMapping.mapPrivate(fd, size)) {
            return parseTable(m.buffer());
        } catch (InternalError e) { // JDK 25's SIGBUS: the file is shorter than announced
            throw new IOException("dmabuf feedback: the format table file is shorter than its " + size + " bytes");
        }
    }

    /** The entries of a format table in {@code b} (position to limit). */
    static List<FormatModifier> parseTable(ByteBuffer b) throws IOException {
        ByteBuffer t = b.slice().order(ByteOrder.nativeOrder());
        if (t.remaining() % ENTRY_BYTES != 0) throw new IOException("dmabuf feedback: a format table of " + t.remaining() + " bytes is not whole entries");
        List<FormatModifier> entries = new ArrayList<>(t.remaining() / ENTRY_BYTES);
        for (int at = 0; at < t.limit(); at += ENTRY_BYTES) entries.add(new FormatModifier(t.getInt(at), t.getLong(at + 8)));
        return List.copyOf(entries);
    }

    /** A dev_t sent as an array. */
    static long devT(ByteBuffer array) throws IOException {
        ByteBuffer a = array.slice().order(ByteOrder.nativeOrder());
        if (a.remaining() != DEV_T_BYTES) throw new IOException("dmabuf feedback: a device of " + a.remaining() + " bytes, not a " + DEV_T_BYTES + "-byte dev_t");
        return a.getLong(0);
    }

    /** The u16 indices of a tranche_formats array. */
    static int[] indices(ByteBuffer array) throws IOException {
        ByteBuffer a = array.slice().order(ByteOrder.nativeOrder());
        if (a.remaining() % 2 != 0) throw new IOException("dmabuf feedback: tranche_formats of " + a.remaining() + " bytes is not whole u16 indices");
        int[] out = new int[a.remaining() / 2];
        for (int i = 0; i < out.length; i++) out[i] = Short.toUnsignedInt(a.getShort(2 * i));
        return out;
    }

    /** "major:minor" of a dev_t. */
    static String describeDevice(long dev) {
        return Drm.major(dev) + ":" + Drm.minor(dev);
    }

    /** A DRM fourcc as its four characters, e.g. "XR24". */
    static String fourcc(int code) {
        StringBuilder b = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            char c = (char) (code >>> 8 * i & 0xff);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString();
    }
}
