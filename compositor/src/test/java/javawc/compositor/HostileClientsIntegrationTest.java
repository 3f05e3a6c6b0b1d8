package javawc.compositor;

import javawc.client.protocol.WlRegistry;
import javawc.os.Descriptors;
import javawc.os.OwnedFd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Hostile clients against the real compositor over its real socket (docs/ROBUSTNESS.md lists
 * each case). Every case ends with the offender's protocol error or its disconnect; after each,
 * a bystander connected all along (with a window on screen) still gets answers, and the
 * compositor's descriptors and heap (after a full collection) are back where they were.
 */
class HostileClientsIntegrationTest {
    static final int INVALID_OBJECT = 0, INVALID_METHOD = 1, NO_MEMORY = 2;
    static final int SHM_INVALID_STRIDE = 1, SHM_INVALID_FD = 2;
    /** Heap after a full GC may differ by this much (class data, log buffers, JIT-made objects settle). */
    private static final long HEAP_TOLERANCE = 8L << 20;
    private static CompositorProcess compositor;
    private static TestClient bystander;
    private static final Map<String, Integer> names = new HashMap<>();
    private long fdsBefore, heapBefore;

    @BeforeAll
    static void start() throws Exception {
        compositor = CompositorProcess.start("--backend", "headless");
        bystander = new TestClient(compositor);
        bystander.display.wlDisplay().getRegistry().setListener(new WlRegistry.Listener() {
            @Override
            public void global(WlRegistry self, int name, String iface, int version) {
                names.put(iface, name);
            }
        });
        bystander.display.roundtrip();
        bystander.window(bystander.new ShmBuffer(64, 64, 0xff00ff00), "bystander");
        ProcessMeasures.heapUsedAfterGc(compositor.process.pid()); // jcmd's first visit opens the JVM's attach socket: before any count
    }

    @AfterAll
    static void stop() throws Exception {
        bystander.close();
        compositor.close();
    }

    @BeforeEach
    void measure() throws Exception {
        fdsBefore = WlClipboardIntegrationTest.settledFdCount(compositor);
        heapBefore = ProcessMeasures.heapUsedAfterGc(compositor.process.pid());
    }

    @AfterEach
    void othersUnaffectedAndNothingLeft() throws Exception {
        assertTrue(compositor.process.isAlive(), compositor.stderr());
        bystander.display.roundtrip();
        WlClipboardIntegrationTest.awaitFdCount(compositor, fdsBefore);
        long heap = ProcessMeasures.heapUsedAfterGc(compositor.process.pid());
        assertTrue(heap - heapBefore < HEAP_TOLERANCE, "heap after GC grew from " + heapBefore / 1024 + " KiB to " + heap / 1024 + " KiB");
    }

    /** Sends {@code bytes}, then reads to the hang-up: the error the compositor sent. */
    private static RawClient.DisplayError errorFor(byte[] bytes) throws Exception {
        try (RawClient c = new RawClient(compositor.socket())) {
            c.send(bytes);
            RawClient.DisplayError e = RawClient.findError(c.readUntilClosed(15_000));
            assertNotNull(e, "no wl_display.error before the connection closed");
            return e;
        }
    }

    private static byte[] registryAndBind(String iface, int version, int id) {
        return WireRequest.concat(RawClient.message(1, 1, 2),
                WireRequest.to(2, 0).i(names.get(iface)).s(iface).i(version).i(id).bytes());
    }

    @Test
    void aNewIdFromTheServersRange() throws Exception {
        RawClient.DisplayError e = errorFor(RawClient.message(1, 1, 0xff000001));
        assertEquals(INVALID_OBJECT, e.code());
        assertTrue(e.message().contains("invalid new id 4278190081"), e.message());
    }

    @Test
    void aReusedId() throws Exception {
        RawClient.DisplayError e = errorFor(WireRequest.concat(registryAndBind("wl_compositor", 1, 3), RawClient.message(3, 0, 3)));
        assertEquals(INVALID_OBJECT, e.code());
        assertTrue(e.message().contains("invalid new id 3"), e.message());
    }

    @Test
    void aRequestOnADestroyedObject() throws Exception {
        RawClient.DisplayError e = errorFor(WireRequest.concat(registryAndBind("wl_compositor", 1, 3),
                RawClient.message(3, 1, 4),            // create_region 4
                RawClient.message(4, 0),               // wl_region.destroy
                RawClient.message(4, 1, 0, 0, 1, 1))); // wl_region.add on it
        assertEquals(INVALID_OBJECT, e.code());
        assertTrue(e.message().contains("invalid object 4"), e.message());
    }

    @Test
    void a4096ByteStringWithoutItsNul() throws Exception {
        byte[] bind = WireRequest.to(2, 0).i(names.get("wl_output")).unterminated(4096 - 8 - 4 - 4 - 8).i(1).i(3).bytes();
        RawClient.DisplayError e = errorFor(WireRequest.concat(RawClient.message(1, 1, 2), bind));
        assertEquals(INVALID_METHOD, e.code());
        assertTrue(e.message().contains("not NUL-terminated"), e.message());
    }

    @Test
    void aLongStringQuotedInTheErrorIsCutToFit() throws Exception {
        // found by the fuzzer: the error quoting a 4 KiB interface name was itself too long to send
        String name = "x".repeat(4096 - 8 - 4 - 4 - 8 - 1);
        RawClient.DisplayError e = errorFor(WireRequest.concat(RawClient.message(1, 1, 2),
                WireRequest.to(2, 0).i(names.get("wl_output")).s(name).i(1).i(3).bytes()));
        assertEquals(INVALID_OBJECT, e.code());
        assertTrue(e.message().startsWith("invalid global xxx") && e.message().length() < 1100, e.message().length() + " characters");
    }

    @Test
    void aHugeLengthField() throws Exception {
        // no request we offer takes an array yet; strings and arrays share the length check (MessageReader.padded)
        byte[] bind = WireRequest.to(2, 0).i(names.get("wl_output")).i(0x7ffffff0).i(1).i(3).bytes();
        RawClient.DisplayError e = errorFor(WireRequest.concat(RawClient.message(1, 1, 2), bind));
        assertEquals(INVALID_METHOD, e.code());
        assertTrue(e.message().contains("exceeds the message"), e.message());
    }

    @Test
    void aMessageLongerThan4096Bytes() throws Exception {
        byte[] big = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(1).putInt(20000 << 16).array();
        RawClient.DisplayError e = errorFor(big);
        assertEquals(INVALID_METHOD, e.code());
        assertTrue(e.message().contains("more than 4096 bytes"), e.message());
    }

    /** wl_shm.create_pool(4, fd, size) then wl_shm_pool.create_buffer(5, ...), the fd riding on the first. */
    private static RawClient.DisplayError shmError(long fileSize, int poolSize, int offset, int width, int height, int stride, byte[]... more) throws Exception {
        try (RawClient c = new RawClient(compositor.socket()); OwnedFd file = Descriptors.memfd("hostile", fileSize)) {
            byte[] setup = WireRequest.concat(registryAndBind("wl_shm", 1, 3), RawClient.message(3, 0, 4, poolSize),
                    RawClient.message(4, 0, 5, offset, width, height, stride, 0));
            c.sendWithFds(WireRequest.concat(setup, WireRequest.concat(more)), file.get());
            RawClient.DisplayError e = RawClient.findError(c.readUntilClosed(15_000));
            assertNotNull(e, "no wl_display.error before the connection closed");
            return e;
        }
    }

    @Test
    void negativeAndOverflowingStridesAndOffsets() throws Exception {
        int[][] bad = {
                {0, 16, 16, -64},                  // negative stride
                {-4, 16, 16, 64},                  // negative offset
                {0x7ffffff0, 1, 1, 4},             // offset past the pool
                {0, 16, 0x40000001, 0x40000000},   // stride * height overflows 32 bits
                {4096, 0x7fffffff, 1, 0x7ffffffc}, // width * 4 overflows
        };
        for (int[] b : bad) {
            RawClient.DisplayError e = shmError(65536, 65536, b[0], b[1], b[2], b[3]);
            assertEquals(SHM_INVALID_STRIDE, e.code(), e.message());
        }
    }

    @Test
    void aPoolLargerThanItsFile() throws Exception {
        // mapped as declared (as libwayland does); reading past the file's end is the client's error at commit
        RawClient.DisplayError e = shmError(4096, 1 << 20, 0, 256, 256, 1024,
                bindCompositorAndShow(5));
        assertEquals(SHM_INVALID_FD, e.code(), e.message());
        assertTrue(e.message().contains("error accessing SHM buffer"), e.message());
    }

    /** Binds wl_compositor at 6, makes surface 7 and commits buffer {@code buffer} on it. */
    private static byte[] bindCompositorAndShow(int buffer) {
        return WireRequest.concat(WireRequest.to(2, 0).i(names.get("wl_compositor")).s("wl_compositor").i(1).i(6).bytes(),
                RawClient.message(6, 0, 7), RawClient.message(7, 1, buffer, 0, 0), RawClient.message(7, 2, 0, 0, 256, 256), RawClient.message(7, 6));
    }

    @Test
    void aPoolShrunkMidFrame() throws Exception {
        try (RawClient c = new RawClient(compositor.socket()); OwnedFd file = Descriptors.memfd("hostile", 256 * 1024)) {
            c.sendWithFds(WireRequest.concat(registryAndBind("wl_shm", 1, 3), RawClient.message(3, 0, 4, 256 * 1024),
                    RawClient.message(4, 0, 5, 0, 256, 256, 1024, 0), bindCompositorAndShow(5), RawClient.message(1, 0, 8)), file.get());
            Thread.sleep(200); // the first commit is copied while the file is whole
            Descriptors.truncate(file, 0);
            c.send(WireRequest.concat(RawClient.message(7, 1, 5, 0, 0), RawClient.message(7, 2, 0, 0, 256, 256), RawClient.message(7, 6)));
            RawClient.DisplayError e = RawClient.findError(c.readUntilClosed(15_000));
            assertNotNull(e);
            assertEquals(SHM_INVALID_FD, e.code(), e.message());
        }
    }

    @Test
    void tooManyShmPools() throws Exception {
        try (RawClient c = new RawClient(compositor.socket()); OwnedFd file = Descriptors.memfd("hostile", 4096)) {
            c.send(registryAndBind("wl_shm", 1, 3));
            // one pool past the limit and nothing after it, so no unread byte turns the hang-up into a reset
            for (int id = 4; id < 4 + 1025; id++) c.sendWithFds(RawClient.message(3, 0, id, 4096), file.get());
            byte[] got;
            try {
                got = c.readUntilClosed(15_000);
            } catch (IOException e) {
                String log = compositor.stderr();
                throw new AssertionError(e.getMessage() + "; the compositor's log ends: " + log.substring(Math.max(0, log.length() - 3000)), e);
            }
            RawClient.DisplayError e = RawClient.findError(got);
            assertNotNull(e);
            assertEquals(NO_MEMORY, e.code(), e.message());
            assertTrue(e.message().contains("too many shm pools"), e.message());
        }
    }

    @Test
    void aMillionObjectsFromOneClient() throws Exception {
        try (RawClient c = new RawClient(compositor.socket())) {
            c.send(registryAndBind("wl_compositor", 1, 3));
            // create_region up to a million ids; the compositor stops the client at its 100,001st object
            // (display, registry and compositor are 3), so what follows that one would be refused unread
            ByteBuffer batch = ByteBuffer.allocate(12 * 10_000).order(ByteOrder.nativeOrder());
            int lastId = 1_000_000;
            for (int id = 4; id <= lastId; ) {
                batch.clear();
                for (int i = 0; i < 10_000 && id <= lastId; i++) batch.putInt(3).putInt(12 << 16 | 1).putInt(id++);
                try {
                    c.send(java.util.Arrays.copyOf(batch.array(), batch.position()));
                } catch (IOException hungUp) {
                    break; // dropped already: the error is waiting to be read
                }
            }
            RawClient.DisplayError e = RawClient.findError(c.readUntilClosed(30_000));
            assertNotNull(e);
            assertEquals(NO_MEMORY, e.code());
            assertTrue(e.message().contains("too many objects"), e.message());
        }
    }

    @Test
    void tenThousandConnectionsInARow() throws Exception {
        for (int i = 0; i < 10_000; i++) {
            try (RawClient c = new RawClient(compositor.socket())) {
                if (i % 2 == 0) c.send(RawClient.message(1, 1, 2)); // half ask for the registry first
            }
        }
    }

    @Test
    void aMillionRequestsFloodedWithoutReading() throws Exception {
        try (RawClient c = new RawClient(compositor.socket())) {
            ByteBuffer batch = ByteBuffer.allocate(12 * 10_000).order(ByteOrder.nativeOrder());
            for (int i = 0; i < 10_000; i++) batch.putInt(1).putInt(12 << 16).putInt(2); // wl_display.sync, never read
            boolean dropped = false;
            for (int round = 0; round < 100 && !dropped; round++) {
                try {
                    c.send(batch.array());
                } catch (IOException hungUp) {
                    dropped = true;
                }
            }
            if (!dropped) c.readUntilClosed(15_000);
        }
        long deadline = System.currentTimeMillis() + 5000;
        while (!compositor.stderr().contains("the client is not reading") && System.currentTimeMillis() < deadline) Thread.sleep(50);
        assertTrue(compositor.stderr().contains("the client is not reading"), "the log says why the client was dropped");
    }

    @Test
    void aClientThatNeverAcksAConfigure() throws Exception {
        try (TestClient lazy = new TestClient(compositor)) {
            var surface = lazy.compositor.createSurface();
            var xdg = lazy.wmBase.getXdgSurface(surface);
            int[] configured = {0};
            xdg.setListener(new javawc.client.protocol.XdgSurface.Listener() {
                @Override
                public void configure(javawc.client.protocol.XdgSurface self, int serial) {
                    configured[0] = serial; // and never acked
                }
            });
            xdg.getToplevel().setTitle("never acks");
            surface.commit();
            while (configured[0] == 0) lazy.display.dispatch();
            // nobody waits for it: the bystander's frames and requests go on
            var frame = bystander.compositor.createSurface();
            frame.destroy();
            bystander.display.roundtrip();
            lazy.display.roundtrip(); // not an error either: it may take its time
        }
    }
}
