package javawc.server;

import javawc.os.LibC;
import javawc.os.NativeBuffer;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.os.UnixSockets;
import javawc.server.protocol.WlBuffer;
import javawc.server.protocol.WlCallback;
import javawc.server.protocol.WlRegion;
import javawc.server.protocol.WlSurface;
import javawc.wire.MessageReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

/**
 * The server's wire path per message, measured by JMH (run with -prof gc for bytes allocated
 * per message): decoding a small request and calling its handler in memory; the same through a
 * real Client (one recvmsg per batch, framing, object lookup, checks, decode, handler); and
 * encoding small events with one sendmsg per batch. In package javawc.server to reach the
 * package-private pieces a real connection goes through.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WireBenchmark {
    static final int BATCH = 128;
    static final int SURFACE_ID = 2; // the next id after wl_display: ids come in order, as a client allocates them
    static final int DAMAGE_BUFFER_SIZE = 8 + 16;

    EventLoop loop;
    Server server;
    Client client;
    OwnedFd peer;
    WlSurface surface;
    NativeBuffer requests, drain;
    ByteBuffer oneRequest;
    MessageReader memoryReader;
    long damageSum;

    /** The handler a compositor would have; it keeps what it was given so nothing is optimised away. */
    final class Surfaces implements WlSurface.Handler {
        @Override public void destroy(WlSurface self) {}
        @Override public void attach(WlSurface self, WlBuffer buffer, int x, int y) {}
        @Override public void damage(WlSurface self, int x, int y, int width, int height) {}
        @Override public void frame(WlSurface self, WlCallback callback) {}
        @Override public void setOpaqueRegion(WlSurface self, WlRegion region) {}
        @Override public void setInputRegion(WlSurface self, WlRegion region) {}
        @Override public void commit(WlSurface self) {}
        @Override public void setBufferTransform(WlSurface self, int transform) {}
        @Override public void setBufferScale(WlSurface self, int scale) {}
        @Override public void damageBuffer(WlSurface self, int x, int y, int width, int height) {
            damageSum += x + y + width + height;
        }
        @Override public void offset(WlSurface self, int x, int y) {}
    }

    @Setup
    public void setUp() throws OsException {
        loop = new EventLoop();
        server = new Server(loop);
        OwnedFd[] pair = UnixSockets.pair();
        peer = pair[1];
        client = server.addClient(pair[0]);
        surface = new WlSurface(client, WlSurface.VERSION);
        client.insertClientObject(surface, SURFACE_ID);
        surface.setHandler(new Surfaces());

        // BATCH wl_surface.damage_buffer requests, as a client's one sendmsg would carry them
        requests = new NativeBuffer(BATCH * DAMAGE_BUFFER_SIZE);
        ByteBuffer b = requests.buffer();
        for (int i = 0; i < BATCH; i++) putDamageBuffer(b, i * DAMAGE_BUFFER_SIZE, i);
        drain = new NativeBuffer(1 << 16);

        oneRequest = ByteBuffer.allocateDirect(DAMAGE_BUFFER_SIZE).order(ByteOrder.nativeOrder());
        putDamageBuffer(oneRequest, 0, 7);
        memoryReader = new MessageReader(oneRequest, new javawc.os.FdQueue(4), new javawc.wire.ObjectMap<>());
    }

    private static void putDamageBuffer(ByteBuffer b, int at, int i) {
        b.putInt(at, SURFACE_ID);
        b.putInt(at + 4, DAMAGE_BUFFER_SIZE << 16 | WlSurface.REQUEST_DAMAGE_BUFFER);
        b.putInt(at + 8, i);
        b.putInt(at + 12, i);
        b.putInt(at + 16, 64);
        b.putInt(at + 20, 64);
    }

    @TearDown
    public void tearDown() {
        server.close();
        peer.close();
        loop.close();
    }

    /** Decode one wl_surface.damage_buffer from memory and call the handler: the codec alone. */
    @Benchmark
    public long decodeAndDispatch() {
        memoryReader.reset(8, DAMAGE_BUFFER_SIZE);
        ((Resource) surface).dispatch(WlSurface.REQUEST_DAMAGE_BUFFER, memoryReader); // Resource.dispatch: package access
        return damageSum;
    }

    /** A client's batch through Client: one recvmsg, then framing, lookup, checks, decode, handler per request. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long receiveAndDispatch() {
        long n = LibC.write(peer.get(), requests.address(), requests.capacity());
        if (n != requests.capacity()) throw new IllegalStateException("short write " + n);
        client.readOnce();
        return damageSum;
    }

    /** Events encoded into the client's buffer, then one flush (one sendmsg) for the batch, read by the peer. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long encodeAndFlush() {
        for (int i = 0; i < BATCH; i++) client.display().sendDeleteId(1000 + i); // the smallest event every client gets
        server.flushClients();
        return LibC.read(peer.get(), drain.address(), drain.capacity());
    }
}
