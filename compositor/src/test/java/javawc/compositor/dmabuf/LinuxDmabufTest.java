package javawc.compositor.dmabuf;

import javawc.client.Display;
import javawc.client.ProtocolErrorException;
import javawc.client.protocol.WlRegistry;
import javawc.client.protocol.ZwpLinuxBufferParamsV1;
import javawc.client.protocol.ZwpLinuxDmabufFeedbackV1;
import javawc.client.protocol.ZwpLinuxDmabufV1;
import javawc.compositor.InProcessServer;
import javawc.os.Descriptors;
import javawc.os.Drm;
import javawc.os.LibC;
import javawc.os.MemoryMapping;
import javawc.os.OwnedFd;
import javawc.server.protocol.ZwpLinuxBufferParamsV1.Error;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * zwp_linux_dmabuf_v1 against its spec, in process, with real fds: memfds stand in for
 * dma-bufs where the check needs only a file and its size (lseek), and stand for "not a
 * dma-buf" where an import is attempted. Importing a real dma-buf needs a DRM device: the KMS
 * VM test (scripts/kms-vm-test) covers that.
 */
class LinuxDmabufTest {
    private static final int XRGB = Drm.FORMAT_XRGB8888, ARGB = Drm.FORMAT_ARGB8888;
    private static final long DEVICE = 0xe200L; // 226:0, what /dev/dri/card0 usually is
    private static final DmabufSupport SUPPORT = new DmabufSupport(DEVICE,
            List.of(new DmabufSupport.FormatModifier(XRGB, Drm.MOD_LINEAR), new DmabufSupport.FormatModifier(ARGB, Drm.MOD_LINEAR)),
            List.of(new DmabufSupport.FormatModifier(XRGB, Drm.MOD_LINEAR)));

    private InProcessServer server;
    private Display display;
    private ZwpLinuxDmabufV1 dmabuf;
    private final List<OwnedFd> files = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new InProcessServer(registry -> {
            try {
                new LinuxDmabufGlobal(registry, SUPPORT);
            } catch (javawc.os.OsException e) {
                throw new IllegalStateException(e);
            }
        });
        display = server.connect();
        dmabuf = bind(display, 4);
    }

    private static ZwpLinuxDmabufV1 bind(Display d, int version) throws IOException {
        ZwpLinuxDmabufV1[] bound = new ZwpLinuxDmabufV1[1];
        d.wlDisplay().getRegistry().setListener(new WlRegistry.Listener() {
            @Override
            public void global(WlRegistry r, int name, String iface, int v) {
                if (iface.equals(ZwpLinuxDmabufV1.NAME)) bound[0] = r.bind(name, ZwpLinuxDmabufV1.TYPE, version);
            }
        });
        d.roundtrip();
        return Objects.requireNonNull(bound[0], "zwp_linux_dmabuf_v1 not advertised");
    }

    @AfterEach
    void stop() throws InterruptedException {
        display.close();
        server.close();
        files.forEach(OwnedFd::close);
    }

    private OwnedFd file(long size) throws IOException {
        OwnedFd fd = Descriptors.memfd("fake-dmabuf", size);
        files.add(fd);
        return fd;
    }

    private ProtocolErrorException expectError() {
        return assertThrows(ProtocolErrorException.class, display::roundtrip);
    }

    // ---- feedback ----

    private record Tranche(long device, int flags, int[] indices) {}

    @Test
    void defaultFeedbackNamesTheDeviceAndSharesASealedReadOnlyFormatTable() throws IOException {
        long[] mainDevice = {-1};
        long[] table = new long[4];
        int[] tableSize = {-1};
        int[] accessMode = {-1}, seals = {-1};
        List<Tranche> tranches = new ArrayList<>();
        boolean[] done = {false};
        dmabuf.getDefaultFeedback().setListener(new ZwpLinuxDmabufFeedbackV1.Listener() {
            long target;
            int flags;
            int[] indices;

            @Override
            public void formatTable(ZwpLinuxDmabufFeedbackV1 self, OwnedFd fd, int size) {
                try (fd; MemoryMapping m = MemoryMapping.map(fd, size, false)) {
                    tableSize[0] = size;
                    accessMode[0] = LibC.fcntl(fd.get(), LibC.F_GETFL, 0) & 3;
                    seals[0] = LibC.fcntl(fd.get(), LibC.F_GET_SEALS, 0);
                    for (int i = 0; i < size / 16; i++) {
                        table[2 * i] = m.buffer().getInt(16 * i);
                        table[2 * i + 1] = m.buffer().getLong(16 * i + 8);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void mainDevice(ZwpLinuxDmabufFeedbackV1 self, ByteBuffer device) {
                mainDevice[0] = device.order(ByteOrder.nativeOrder()).getLong(device.position());
            }

            @Override
            public void trancheTargetDevice(ZwpLinuxDmabufFeedbackV1 self, ByteBuffer device) {
                target = device.order(ByteOrder.nativeOrder()).getLong(device.position());
            }

            @Override
            public void trancheFlags(ZwpLinuxDmabufFeedbackV1 self, int f) {
                flags = f;
            }

            @Override
            public void trancheFormats(ZwpLinuxDmabufFeedbackV1 self, ByteBuffer b) {
                b = b.slice().order(ByteOrder.nativeOrder());
                indices = new int[b.remaining() / 2];
                for (int i = 0; i < indices.length; i++) indices[i] = b.getShort(2 * i);
            }

            @Override
            public void trancheDone(ZwpLinuxDmabufFeedbackV1 self) {
                tranches.add(new Tranche(target, flags, indices));
            }

            @Override
            public void done(ZwpLinuxDmabufFeedbackV1 self) {
                done[0] = true;
            }
        });
        display.roundtrip();
        assertTrue(done[0], "feedback done");
        assertEquals(DEVICE, mainDevice[0]);
        assertEquals(32, tableSize[0]);
        assertArrayEquals(new long[] {XRGB, Drm.MOD_LINEAR, ARGB, Drm.MOD_LINEAR}, table);
        assertEquals(LibC.O_RDONLY, accessMode[0], "clients get a read-only descriptor");
        assertEquals(1 | 2 | 4 | 8, seals[0], "sealed against writes, resizing and new seals");
        assertEquals(2, tranches.size());
        assertEquals(ZwpLinuxDmabufFeedbackV1.TrancheFlags.SCANOUT, tranches.get(0).flags());
        assertArrayEquals(new int[] {0}, tranches.get(0).indices(), "scanout tranche: XRGB8888");
        assertEquals(DEVICE, tranches.get(0).device());
        assertEquals(0, tranches.get(1).flags());
        assertArrayEquals(new int[] {1}, tranches.get(1).indices(), "the rest: ARGB8888");
    }

    @Test
    void versionThreeClientsGetModifierEvents() throws IOException {
        Display old = server.connect();
        try {
            List<long[]> pairs = new ArrayList<>();
            ZwpLinuxDmabufV1 v3 = bind(old, 3);
            v3.setListener(new ZwpLinuxDmabufV1.Listener() {
                @Override
                public void modifier(ZwpLinuxDmabufV1 self, int format, int hi, int lo) {
                    pairs.add(new long[] {format, (long) hi << 32 | Integer.toUnsignedLong(lo)});
                }
            });
            old.roundtrip();
            assertEquals(2, pairs.size());
            assertArrayEquals(new long[] {XRGB, Drm.MOD_LINEAR}, pairs.get(0));
            assertArrayEquals(new long[] {ARGB, Drm.MOD_LINEAR}, pairs.get(1));
        } finally {
            old.close();
        }
    }

    // ---- params errors ----

    @Test
    void planeIndexOutOfRange() throws IOException {
        dmabuf.createParams().add(file(4096), 4, 0, 64, 0, 0);
        assertEquals(Error.PLANE_IDX, expectError().code());
    }

    @Test
    void planeSetTwice() throws IOException {
        ZwpLinuxBufferParamsV1 p = dmabuf.createParams();
        p.add(file(4096), 0, 0, 64, 0, 0);
        p.add(file(4096), 0, 0, 64, 0, 0);
        assertEquals(Error.PLANE_SET, expectError().code());
    }

    @Test
    void missingPlaneZero() throws IOException {
        ZwpLinuxBufferParamsV1 p = dmabuf.createParams();
        p.add(file(4096), 1, 0, 64, 0, 0);
        p.createImmed(16, 16, XRGB, 0);
        assertEquals(Error.INCOMPLETE, expectError().code());
    }

    @Test
    void tooManyPlanesForTheFormat() throws IOException {
        ZwpLinuxBufferParamsV1 p = dmabuf.createParams();
        p.add(file(4096), 0, 0, 64, 0, 0);
        p.add(file(4096), 1, 0, 64, 0, 0);
        p.create(16, 16, XRGB, 0);
        assertEquals(Error.INCOMPLETE, expectError().code());
    }

    /**
     * A layout modifier other than LINEAR may add planes (compression metadata) that only the
     * driver knows about: as many planes as the client gives are taken, gaps are not, and the
     * import itself decides (here the fds are no dma-bufs: failed, not a protocol error).
     */
    @Test
    void aTiledModifiersPlanesAreTakenAsGiven() throws Exception {
        long tiled = 0x0100000000000002L; // a vendor's tiled layout (Intel Y-tiling), as EGL might list it
        var support = new DmabufSupport(DEVICE, List.of(new DmabufSupport.FormatModifier(XRGB, Drm.MOD_LINEAR),
                new DmabufSupport.FormatModifier(XRGB, tiled)), List.of());
        try (InProcessServer other = new InProcessServer(registry -> {
            try {
                new LinuxDmabufGlobal(registry, support);
            } catch (javawc.os.OsException e) {
                throw new IllegalStateException(e);
            }
        })) {
            Display d = other.connect();
            try {
                ZwpLinuxDmabufV1 dm = bind(d, 4);
                boolean[] failed = {false};
                ZwpLinuxBufferParamsV1 p = dm.createParams().setListener(new ZwpLinuxBufferParamsV1.Listener() {
                    @Override
                    public void failed(ZwpLinuxBufferParamsV1 self) {
                        failed[0] = true;
                    }
                });
                p.add(file(64 * 1024), 0, 0, 256, (int) (tiled >>> 32), (int) tiled);
                p.add(file(4096), 1, 0, 64, (int) (tiled >>> 32), (int) tiled);
                p.create(16, 16, XRGB, 0);
                d.roundtrip();
                assertTrue(failed[0], "two planes pass the checks; the import decides");

                ZwpLinuxBufferParamsV1 gap = dm.createParams();
                gap.add(file(64 * 1024), 0, 0, 256, (int) (tiled >>> 32), (int) tiled);
                gap.add(file(4096), 2, 0, 64, (int) (tiled >>> 32), (int) tiled);
                gap.create(16, 16, XRGB, 0);
                assertEquals(Error.INCOMPLETE, assertThrows(ProtocolErrorException.class, d::roundtrip).code());
            } finally {
                d.close();
            }
        }
    }

    @Test
    void unknownFormat() throws IOException {
        ZwpLinuxBufferParamsV1 p = dmabuf.createParams();
        p.add(file(4096), 0, 0, 64, 0, 0);
        p.create(16, 16, 0x36314752 /* RG16 */, 0);
        assertEquals(Error.INVALID_FORMAT, expectError().code());
    }

    @Test
    void zeroOrNegativeSize() throws IOException {
        ZwpLinuxBufferParamsV1 p = dmabuf.createParams();
        p.add(file(4096), 0, 0, 64, 0, 0);
        p.createImmed(0, 16, XRGB, 0);
        assertEquals(Error.INVALID_DIMENSIONS, expectError().code());
    }

    @Test
    void rowsPastTheEndOfTheFile() throws IOException {
        ZwpLinuxBufferParamsV1 p = dmabuf.createParams();
        p.add(file(64 * 4 * 63), 0, 0, 64 * 4, 0, 0); // one row short
        p.create(64, 64, XRGB, 0);
        ProtocolErrorException e = expectError();
        assertEquals(Error.OUT_OF_BOUNDS, e.code());
        assertTrue(e.getMessage().contains("16128-byte"), e.getMessage());
    }

    @Test
    void offsetPastTheEndOfTheFile() throws IOException {
        ZwpLinuxBufferParamsV1 p = dmabuf.createParams();
        p.add(file(4096), 0, 8192, 64, 0, 0);
        p.create(16, 16, XRGB, 0);
        assertEquals(Error.OUT_OF_BOUNDS, expectError().code());
    }

    @Test
    void hugeUnsignedStrideDoesNotWrapAround() throws IOException {
        ZwpLinuxBufferParamsV1 p = dmabuf.createParams();
        p.add(file(4096), 0, 0, 0x80000000, 0, 0); // negative as an int: must count as 2 GiB
        p.create(16, 16, XRGB, 0);
        assertEquals(Error.OUT_OF_BOUNDS, expectError().code());
    }

    @Test
    void paramsUsedTwice() throws IOException {
        ZwpLinuxBufferParamsV1 p = dmabuf.createParams();
        p.add(file(4096), 0, 0, 64, 0, 0);
        p.create(16, 16, XRGB, 0);
        p.create(16, 16, XRGB, 0);
        assertEquals(Error.ALREADY_USED, expectError().code());
    }

    @Test
    void addAfterCreate() throws IOException {
        ZwpLinuxBufferParamsV1 p = dmabuf.createParams();
        p.add(file(4096), 0, 0, 64, 0, 0);
        p.create(16, 16, XRGB, 0);
        p.add(file(4096), 1, 0, 64, 0, 0);
        assertEquals(Error.ALREADY_USED, expectError().code());
    }

    // ---- well-formed params whose fd is not a dma-buf ----

    @Test
    void bogusFdsFailTheImportWithoutHarm() throws IOException {
        // a pipe has no size (lseek fails), so the import decides: create answers failed, and the client is still served
        OwnedFd[] pipe = Descriptors.pipe();
        files.add(pipe[0]);
        files.add(pipe[1]);
        boolean[] failed = {false};
        ZwpLinuxBufferParamsV1 p = dmabuf.createParams().setListener(new ZwpLinuxBufferParamsV1.Listener() {
            @Override
            public void failed(ZwpLinuxBufferParamsV1 self) {
                failed[0] = true;
            }
        });
        p.add(pipe[0], 0, 0, 64, 0, 0);
        p.create(16, 16, XRGB, 0);
        display.roundtrip();
        assertTrue(failed[0], "failed event for a pipe as plane 0");
        p.destroy();
        ZwpLinuxBufferParamsV1 immed = dmabuf.createParams();
        immed.add(pipe[1], 0, 0, 64, 0, 0);
        immed.createImmed(16, 16, XRGB, 0);
        assertEquals(Error.INVALID_WL_BUFFER, expectError().code(), "create_immed of a pipe");
    }

    @Test
    void createWithAFileThatIsNoDmabufFailsWithoutHarm() throws IOException {
        boolean[] failed = {false}, created = {false};
        ZwpLinuxBufferParamsV1 p = dmabuf.createParams().setListener(new ZwpLinuxBufferParamsV1.Listener() {
            @Override
            public void created(ZwpLinuxBufferParamsV1 self, javawc.client.protocol.WlBuffer buffer) {
                created[0] = true;
            }

            @Override
            public void failed(ZwpLinuxBufferParamsV1 self) {
                failed[0] = true;
            }
        });
        p.add(file(16 * 16 * 4), 0, 0, 64, 0, 0);
        p.create(16, 16, XRGB, 0);
        display.roundtrip();
        assertTrue(failed[0], "failed event");
        assertFalse(created[0]);
        p.destroy();
        display.roundtrip(); // still connected
    }

    @Test
    void createImmedWithAFileThatIsNoDmabufIsAnInvalidBuffer() throws IOException {
        ZwpLinuxBufferParamsV1 p = dmabuf.createParams();
        p.add(file(16 * 16 * 4), 0, 0, 64, 0, 0);
        assertNotNull(p.createImmed(16, 16, XRGB, 0));
        assertEquals(Error.INVALID_WL_BUFFER, expectError().code());
    }

    @Test
    void fdsHandedToParamsAreClosedWhenTheyGo() throws IOException, InterruptedException {
        int before = openFds();
        for (int i = 0; i < 20; i++) {
            ZwpLinuxBufferParamsV1 p = dmabuf.createParams();
            p.add(file(4096), 0, 0, 64, 0, 0);
            if (i % 2 == 0) p.create(16, 16, XRGB, 0); // fails: not a dma-buf
            p.destroy();
        }
        display.roundtrip();
        files.forEach(OwnedFd::close);
        files.clear();
        assertEquals(before, openFds(), "every fd received by the server was closed");
    }

    private static int openFds() {
        return Objects.requireNonNull(new File("/proc/self/fd").list()).length;
    }
}
