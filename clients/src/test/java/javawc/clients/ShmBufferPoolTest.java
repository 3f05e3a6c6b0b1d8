package javawc.clients;

import javawc.client.Display;
import javawc.client.protocol.WlShm;
import javawc.os.Descriptors;
import javawc.os.OwnedFd;
import javawc.os.UnixSockets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.*;

/** The pool's bookkeeping, with the test playing the compositor on the other end of a socketpair. */
class ShmBufferPoolTest {
    private OwnedFd compositorEnd;
    private Display display;
    private WlShm shm;

    @BeforeEach
    void connect() throws Exception {
        OwnedFd[] pair = UnixSockets.pair();
        compositorEnd = pair[1];
        display = Display.fromSocket(pair[0]);
        shm = display.wlDisplay().getRegistry().bind(1, WlShm.TYPE, 1);
    }

    @AfterEach
    void close() {
        display.close();
        compositorEnd.close();
    }

    /** Sends wl_buffer.release (opcode 0, no arguments) for object {@code id} and dispatches it. */
    private void release(int id) throws Exception {
        byte[] event = new byte[8];
        ByteBuffer.wrap(event).order(ByteOrder.nativeOrder()).putInt(id).putInt(8 << 16);
        Descriptors.writeFully(compositorEnd, event);
        assertEquals(1, display.dispatch(5000));
    }

    @Test
    void aBufferIsHandedOutAgainOnlyAfterItsRelease() throws Exception {
        try (ShmBufferPool pool = new ShmBufferPool(shm, 4, 2, WlShm.Format.ARGB8888, 2)) {
            ShmBufferPool.Buffer a = pool.acquire(), b = pool.acquire();
            assertNotNull(a);
            assertNotNull(b);
            assertNotSame(a, b);
            assertEquals(2, pool.created());
            assertNull(pool.acquire(), "both are the compositor's");
            release(b.wlBuffer().id());
            assertFalse(b.busy());
            assertSame(b, pool.acquire());
            assertTrue(b.busy());
            assertEquals(2, pool.created());
        }
    }

    @Test
    void buffersHaveTheirOwnMemoryAndAreDestroyedOnClose() throws Exception {
        ShmBufferPool.Buffer a, b;
        try (ShmBufferPool pool = new ShmBufferPool(shm, 3, 3, WlShm.Format.XRGB8888, 3)) {
            assertEquals(12, pool.stride());
            a = pool.acquire();
            b = pool.acquire();
            assertEquals(2, pool.created(), "created on demand");
            a.canvas().fill(0, 0, 3, 3, 0xffff0000);
            b.canvas().fill(0, 0, 3, 3, 0xff00ff00);
            assertEquals(0xffff0000, a.canvas().get(2, 2));
            assertEquals(0xff00ff00, b.canvas().get(0, 0));
        }
        assertTrue(a.wlBuffer().isDestroyed());
        assertTrue(b.wlBuffer().isDestroyed());
    }
}
