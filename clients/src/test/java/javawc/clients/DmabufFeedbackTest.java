package javawc.clients;

import javawc.client.protocol.ZwpLinuxDmabufFeedbackV1;
import javawc.clients.DmabufFeedback.FormatModifier;
import javawc.clients.DmabufFeedback.Tranche;
import javawc.os.Descriptors;
import javawc.os.Drm;
import javawc.os.LibC;
import javawc.os.OwnedFd;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * linux-dmabuf feedback as DemoDmabuf reads it: the format table from a real memfd, dev_t and
 * index arrays, and whole event sequences fed to the listener as the client library would.
 */
class DmabufFeedbackTest {
    private static final int F_SEAL_SHRINK = 2, F_SEAL_GROW = 4, F_SEAL_WRITE = 8;
    private static final long CARD0 = 226 << 8, RENDER_D128 = 226 << 8 | 128; // makedev(226, 0), makedev(226, 128)
    private static final long VENDOR_MODIFIER = 0x0100000000000001L; // some tiled layout
    private static final List<FormatModifier> ENTRIES = List.of(
            new FormatModifier(Drm.FORMAT_XRGB8888, VENDOR_MODIFIER),
            new FormatModifier(Drm.FORMAT_ARGB8888, Drm.MOD_INVALID),
            new FormatModifier(Drm.FORMAT_XRGB8888, Drm.MOD_LINEAR));
    private static final ZwpLinuxDmabufFeedbackV1 NO_PROXY = null; // the listener does not look at it

    /** A write-sealed memfd holding {@code entries} as the compositor lays them out. */
    private static OwnedFd table(List<FormatModifier> entries) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(entries.size() * 16).order(ByteOrder.nativeOrder());
        for (FormatModifier e : entries) b.putInt(e.format()).putInt(0xdeadbeef).putLong(e.modifier()); // padding is ignored
        OwnedFd fd = Descriptors.memfd("format-table", 0);
        Descriptors.writeFully(fd, b.array());
        assertEquals(0, LibC.fcntl(fd.get(), LibC.F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE));
        return fd;
    }

    private static ByteBuffer devT(long dev) {
        return ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(0, dev);
    }

    private static ByteBuffer indices(int... indices) {
        ByteBuffer b = ByteBuffer.allocate(indices.length * 2).order(ByteOrder.nativeOrder());
        for (int i : indices) b.putShort((short) i);
        return b.flip();
    }

    private static void tranche(DmabufFeedback f, long device, int flags, int... indices) {
        f.trancheTargetDevice(NO_PROXY, devT(device));
        f.trancheFlags(NO_PROXY, flags);
        f.trancheFormats(NO_PROXY, indices(indices));
        f.trancheDone(NO_PROXY);
    }

    @Test
    void theFormatTableIsReadFromASealedMemfd() throws Exception {
        try (OwnedFd fd = table(ENTRIES)) {
            assertEquals(ENTRIES, DmabufFeedback.readTable(fd, 48));
        }
    }

    @Test
    void aTableOfTheWrongSizeIsRefused() throws Exception {
        try (OwnedFd fd = table(ENTRIES)) {
            for (long size : new long[] {0, 15, 40}) {
                IOException e = assertThrows(IOException.class, () -> DmabufFeedback.readTable(fd, size));
                assertTrue(e.getMessage().contains(size + " bytes"), e.getMessage());
            }
            // more than the file holds: the pages past its end cannot be read
            IOException e = assertThrows(IOException.class, () -> DmabufFeedback.readTable(fd, 8192));
            assertTrue(e.getMessage().contains("shorter"), e.getMessage());
        }
    }

    @Test
    void arraysAreNativeOrderDevTAndU16Indices() throws Exception {
        assertEquals(RENDER_D128, DmabufFeedback.devT(devT(RENDER_D128)));
        assertEquals("226:128", DmabufFeedback.describeDevice(RENDER_D128));
        assertThrows(IOException.class, () -> DmabufFeedback.devT(ByteBuffer.allocate(4)));
        assertArrayEquals(new int[] {0, 2, 65535}, DmabufFeedback.indices(indices(0, 2, 65535)));
        assertThrows(IOException.class, () -> DmabufFeedback.indices(ByteBuffer.allocate(3)));
        assertEquals("XR24/linear", ENTRIES.get(2).toString());
        assertEquals("AR24/implicit", ENTRIES.get(1).toString());
        assertEquals("XR24/0x0100000000000001", ENTRIES.get(0).toString());
    }

    @Test
    void aWholeFeedbackFindsTheMostPreferredTrancheOfAPair() throws Exception {
        DmabufFeedback f = new DmabufFeedback();
        f.formatTable(NO_PROXY, table(ENTRIES), 48); // the listener owns and closes the fd
        f.mainDevice(NO_PROXY, devT(CARD0));
        tranche(f, CARD0, 1, 1); // scanout: ARGB implicit only
        tranche(f, CARD0, 0, 0, 2); // rendering: XRGB tiled and linear
        assertFalse(f.done());
        f.done(NO_PROXY);
        f.check();
        assertEquals(CARD0, f.mainDevice());
        assertEquals(2, f.tranches().size());
        Tranche linear = f.find(Drm.FORMAT_XRGB8888, Drm.MOD_LINEAR);
        assertSame(f.tranches().get(1), linear);
        assertFalse(linear.scanout());
        assertEquals(CARD0, linear.targetDevice());
        assertTrue(f.find(Drm.FORMAT_ARGB8888, Drm.MOD_INVALID).scanout());
        assertNull(f.find(Drm.FORMAT_ARGB8888, Drm.MOD_LINEAR));
    }

    @Test
    void resentParametersReplaceTheOldOnes() throws Exception {
        DmabufFeedback f = new DmabufFeedback();
        f.formatTable(NO_PROXY, table(ENTRIES), 48);
        f.mainDevice(NO_PROXY, devT(CARD0));
        tranche(f, CARD0, 0, 2);
        f.done(NO_PROXY);
        f.formatTable(NO_PROXY, table(ENTRIES.subList(0, 2)), 32);
        f.mainDevice(NO_PROXY, devT(RENDER_D128));
        tranche(f, RENDER_D128, 0, 0, 1);
        f.done(NO_PROXY);
        f.check();
        assertEquals(RENDER_D128, f.mainDevice());
        assertEquals(1, f.tranches().size());
        assertNull(f.find(Drm.FORMAT_XRGB8888, Drm.MOD_LINEAR));
    }

    @Test
    void anIndexPastTheTableIsAProblemReportedByCheck() throws Exception {
        DmabufFeedback f = new DmabufFeedback();
        f.formatTable(NO_PROXY, table(ENTRIES), 48);
        f.mainDevice(NO_PROXY, devT(CARD0));
        tranche(f, CARD0, 0, 2, 3);
        f.done(NO_PROXY);
        IOException e = assertThrows(IOException.class, f::check);
        assertTrue(e.getMessage().contains("index 3") && e.getMessage().contains("3 entries"), e.getMessage());
    }

    @Test
    void aFeedbackWithoutMainDeviceIsIncomplete() throws Exception {
        DmabufFeedback f = new DmabufFeedback();
        assertThrows(IOException.class, f::check); // no done yet
        f.done(NO_PROXY);
        IOException e = assertThrows(IOException.class, f::check);
        assertTrue(e.getMessage().contains("main_device"), e.getMessage());
    }
}
