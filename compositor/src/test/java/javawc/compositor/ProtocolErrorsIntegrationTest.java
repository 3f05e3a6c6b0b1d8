package javawc.compositor;

import javawc.client.Display;
import javawc.client.ProtocolErrorException;
import javawc.client.protocol.WlRegistry;
import javawc.os.Descriptors;
import javawc.os.OwnedFd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Clients that send garbage get wl_display.error with the right code and are disconnected;
 * a well-behaved client connected all along keeps working after each of them.
 */
class ProtocolErrorsIntegrationTest {
    private static final int INVALID_OBJECT = 0, INVALID_METHOD = 1;
    private static CompositorProcess compositor;
    private static Display bystander;
    private static int outputName;

    @BeforeAll
    static void start() throws Exception {
        compositor = CompositorProcess.start("--backend", "headless");
        bystander = compositor.connect();
        int[] name = {0};
        bystander.wlDisplay().getRegistry().setListener(new WlRegistry.Listener() {
            @Override
            public void global(WlRegistry self, int n, String iface, int version) {
                if (iface.equals("wl_output")) name[0] = n;
            }
        });
        bystander.roundtrip();
        outputName = name[0];
        assertNotEquals(0, outputName);
    }

    @AfterAll
    static void stop() throws Exception {
        bystander.close();
        compositor.close();
    }

    @AfterEach
    void bystanderStillWorks() throws Exception {
        assertTrue(compositor.process.isAlive(), compositor.stderr());
        bystander.roundtrip();
        assertTrue(RealClientsIntegrationTest.globals(bystander).containsKey("wl_output"));
    }

    private RawClient.DisplayError errorFor(byte[] bytes, boolean shutdown) throws Exception {
        try (RawClient c = new RawClient(compositor.socket())) {
            c.send(bytes);
            if (shutdown) c.shutdownWrite();
            RawClient.DisplayError e = RawClient.findError(c.readUntilClosed(10_000));
            assertNotNull(e, "no wl_display.error before the connection closed");
            return e;
        }
    }

    @Test
    void unknownObjectId() throws Exception {
        RawClient.DisplayError e = errorFor(RawClient.message(77, 0), false);
        assertEquals(INVALID_OBJECT, e.code());
        assertEquals(1, e.objectId());
        assertTrue(e.message().contains("invalid object 77"), e.message());
    }

    @Test
    void unknownOpcode() throws Exception {
        RawClient.DisplayError e = errorFor(RawClient.message(1, 9), false);
        assertEquals(INVALID_METHOD, e.code());
        assertTrue(e.message().contains("invalid method 9"), e.message());
    }

    @Test
    void truncatedHeader() throws Exception {
        byte[] half = java.util.Arrays.copyOf(RawClient.message(1, 1, 2), 4);
        RawClient.DisplayError e = errorFor(half, true);
        assertEquals(INVALID_METHOD, e.code());
        assertTrue(e.message().contains("truncated"), e.message());
    }

    @Test
    void sizeSmallerThanTheHeader() throws Exception {
        byte[] bad = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(1).putInt(4 << 16 | 1).array();
        RawClient.DisplayError e = errorFor(bad, false);
        assertEquals(INVALID_METHOD, e.code());
        assertTrue(e.message().contains("less than its 8-byte header"), e.message());
    }

    @Test
    void messageTooShortForItsArguments() throws Exception {
        RawClient.DisplayError e = errorFor(RawClient.message(1, 1), false); // get_registry without its new_id
        assertEquals(INVALID_METHOD, e.code());
        assertTrue(e.message().contains("wl_display@1.get_registry"), e.message());
    }

    @Test
    void newIdThatSkipsAhead() throws Exception {
        RawClient.DisplayError e = errorFor(RawClient.message(1, 1, 1000), false);
        assertEquals(INVALID_OBJECT, e.code());
        assertTrue(e.message().contains("invalid new id 1000"), e.message());
    }

    @Test
    void newIdAlreadyInUse() throws Exception {
        RawClient.DisplayError e = errorFor(RawClient.message(1, 1, 1), false); // id 1 is wl_display
        assertEquals(INVALID_OBJECT, e.code());
    }

    private static byte[] bind(int name, String iface, int version, int id) {
        byte[] s = iface.getBytes();
        int padded = (s.length + 1 + 3) & ~3;
        ByteBuffer b = ByteBuffer.allocate(8 + 4 + 4 + padded + 8).order(ByteOrder.nativeOrder());
        b.putInt(2).putInt(b.capacity() << 16).putInt(name).putInt(s.length + 1).put(s);
        b.position(16 + padded);
        b.putInt(version).putInt(id);
        return b.array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer b = ByteBuffer.allocate(java.util.Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] p : parts) b.put(p);
        return b.array();
    }

    @Test
    void bindAboveTheAdvertisedVersion() throws Exception {
        RawClient.DisplayError e = errorFor(concat(RawClient.message(1, 1, 2), bind(outputName, "wl_output", 99, 3)), false);
        assertEquals(INVALID_OBJECT, e.code());
        assertTrue(e.message().contains("invalid version for global wl_output"), e.message());
    }

    @Test
    void bindWithTheWrongInterfaceOrName() throws Exception {
        RawClient.DisplayError e = errorFor(concat(RawClient.message(1, 1, 2), bind(outputName, "wl_seat", 1, 3)), false);
        assertEquals(INVALID_OBJECT, e.code());
        e = errorFor(concat(RawClient.message(1, 1, 2), bind(4242, "wl_output", 1, 3)), false);
        assertTrue(e.message().contains("invalid global wl_output (4242)"), e.message());
    }

    @Test
    void fdsThatNoMessageConsumesAreBounded() throws Exception {
        try (RawClient c = new RawClient(compositor.socket()); OwnedFd memfd = Descriptors.memfd("flood", 16)) {
            int[] fds = new int[28];
            java.util.Arrays.fill(fds, memfd.get());
            byte[] sync = RawClient.message(1, 0, 2);
            // one byte at a time: never a whole message, so nothing consumes the fds
            for (int i = 0; i < 10; i++) c.sendWithFds(new byte[] {sync[i]}, fds);
            RawClient.DisplayError e = RawClient.findError(c.readUntilClosed(10_000));
            assertNotNull(e);
            assertTrue(e.message().contains("fd queue full"), e.message());
        }
    }

    @Test
    void aClientThatStopsReadingIsDroppedAlone() throws Exception {
        try (RawClient c = new RawClient(compositor.socket())) {
            // each sync answers 24 bytes (done + delete_id); 100k of them is far past 1 MiB
            byte[] batch = new byte[12 * 1000];
            ByteBuffer b = ByteBuffer.wrap(batch).order(ByteOrder.nativeOrder());
            for (int i = 0; i < 1000; i++) b.put(RawClient.message(1, 0, 2));
            boolean dropped = false;
            for (int i = 0; i < 100 && !dropped; i++) {
                try {
                    c.send(batch);
                } catch (java.io.IOException e) {
                    dropped = true; // EPIPE/ECONNRESET: the compositor hung up
                }
            }
            if (!dropped) c.readUntilClosed(10_000);
        }
        long deadline = System.currentTimeMillis() + 5000;
        while (!compositor.stderr().contains("the client is not reading") && System.currentTimeMillis() < deadline) Thread.sleep(50);
        assertTrue(compositor.stderr().contains("the client is not reading"), "a log line says why: " + compositor.stderr());
    }

    @Test
    void ourClientLibrarySurfacesTheError() throws Exception {
        try (Display d = compositor.connect()) {
            WlRegistry registry = d.wlDisplay().getRegistry();
            registry.bind(4242, javawc.client.protocol.WlOutput.TYPE, 1);
            ProtocolErrorException e = assertThrows(ProtocolErrorException.class, d::roundtrip);
            assertEquals(INVALID_OBJECT, e.code());
            assertEquals("wl_display@1", e.objectName());
        }
    }
}
