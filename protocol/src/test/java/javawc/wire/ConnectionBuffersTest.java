package javawc.wire;

import javawc.os.OwnedFd;
import javawc.os.UnixSockets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConnectionBuffersTest {
    @Test
    void aClosedConnectionsBuffersServeTheNextOneAndItCannotUseThemAnyMore() throws Exception {
        ConnectionBuffers pool = new ConnectionBuffers(4);
        OwnedFd[] a = UnixSockets.pair(), b = UnixSockets.pair();
        try {
            Connection first = new Connection(a[0], new ObjectMap<>(), Connection.DEFAULT_OUTPUT_LIMIT, 8, pool);
            assertEquals(0, pool.idle());
            first.close();
            assertEquals(2, pool.idle()); // its input and its output
            assertThrows(IllegalStateException.class, first::fill);
            assertThrows(IllegalStateException.class, first::flush);
            first.close();                // twice: nothing given back twice
            assertEquals(2, pool.idle());

            Connection second = new Connection(b[0], new ObjectMap<>(), Connection.DEFAULT_OUTPUT_LIMIT, 8, pool);
            assertEquals(0, pool.idle());
            second.writer().begin(1, 0).int32(42).end();
            assertEquals(true, second.flush());
            second.close();
        } finally {
            a[1].close();
            b[1].close();
        }
    }

    @Test
    void thePoolKeepsOnlyWhatItWasToldTo() throws Exception {
        ConnectionBuffers pool = new ConnectionBuffers(1);
        OwnedFd[] a = UnixSockets.pair();
        try {
            new Connection(a[0], new ObjectMap<>(), Connection.DEFAULT_OUTPUT_LIMIT, 8, pool).close();
            assertEquals(1, pool.idle());
        } finally {
            a[1].close();
        }
    }
}
