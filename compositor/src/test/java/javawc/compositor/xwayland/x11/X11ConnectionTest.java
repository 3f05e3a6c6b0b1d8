package javawc.compositor.xwayland.x11;

import javawc.os.Descriptors;
import javawc.os.OwnedFd;
import javawc.os.UnixSockets;
import javawc.server.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The X11 codec against a scripted server on the other end of a socketpair: the setup reply and
 * messages split across reads, replies and errors matched to their requests by sequence number
 * (also past 16 bits), malformed messages dropped without losing the connection, a reply that
 * cannot be framed closing it.
 */
class X11ConnectionTest {
    private EventLoop loop;
    private OwnedFd server;
    private X11Connection connection;
    private final List<String> seen = new ArrayList<>();
    private X11Setup setup;
    private String closedWhy;

    @BeforeEach
    void connect() throws Exception {
        loop = new EventLoop();
        OwnedFd[] pair = UnixSockets.pair();
        server = pair[1];
        connection = new X11Connection(pair[0], loop, new X11Connection.Listener() {
            @Override
            public void connected(X11Setup s) {
                setup = s;
            }

            @Override
            public void event(X11Message e) {
                seen.add("event " + e.eventCode() + " " + Integer.toHexString(e.u32(4)));
                if (e.eventCode() == 99) e.u32(40); // past its end: must be refused, not read from the next message
            }

            @Override
            public void error(X11Connection.X11Error error) {
                seen.add("unhandled " + error.code() + " #" + error.sequence());
            }

            @Override
            public void closed(String why) {
                closedWhy = why;
            }
        });
        connection.flush();
        byte[] request = Descriptors.readSome(server, 64);
        assertEquals(12, request.length, "the setup request");
        assertEquals('l', request[0], "little-endian");
        assertEquals(11, request[2], "protocol 11");
    }

    @AfterEach
    void close() {
        connection.close();
        server.close();
        loop.close();
    }

    /** A setup reply with one screen (root 0x123, 800x600) and the vendor "test". */
    private static byte[] setupReply() {
        ByteBuffer b = ByteBuffer.allocate(40 + 4 + 8 + 40).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 1).putShort(2, (short) 11).putShort(6, (short) ((b.capacity() - 8) / 4));
        b.putInt(12, 0x200000).putInt(16, 0x1fffff).putShort(24, (short) 4).putShort(26, (short) 0xffff);
        b.put(28, (byte) 1).put(29, (byte) 1);
        b.put(40, "test".getBytes());
        int screen = 40 + 4 + 8;
        b.putInt(screen, 0x123).putShort(screen + 20, (short) 800).putShort(screen + 22, (short) 600).putInt(screen + 32, 0x21).put(screen + 38, (byte) 24);
        return b.array();
    }

    private void send(byte[] bytes) throws Exception {
        Descriptors.writeFully(server, bytes);
        for (int i = 0; i < 5; i++) loop.dispatch(20);
    }

    private static byte[] reply(int sequence, int value, int extraWords) {
        ByteBuffer b = ByteBuffer.allocate(32 + 4 * extraWords).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 1).putShort(2, (short) sequence).putInt(4, extraWords).putInt(8, value);
        return b.array();
    }

    private static byte[] error(int sequence, int code, int major) {
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 0).put(1, (byte) code).putShort(2, (short) sequence).putInt(4, 0xbad).put(10, (byte) major);
        return b.array();
    }

    private static byte[] event(int code, int sequence, int window) {
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) code).putShort(2, (short) sequence).putInt(4, window);
        return b.array();
    }

    @Test
    void theSetupReplyArrivingByteByByteIsReadWhole() throws Exception {
        for (byte b : setupReply()) send(new byte[] {b});
        assertNotNull(setup);
        assertEquals(0x123, setup.root());
        assertEquals(800, setup.width());
        assertEquals(600, setup.height());
        assertEquals(0x200000 | 1, connection.requests().newId());
        assertNull(closedWhy);
    }

    @Test
    void repliesAndErrorsGoToTheRequestThatAskedAndEventsToTheListener() throws Exception {
        send(setupReply());
        List<String> answers = new ArrayList<>();
        connection.requests().internAtom("FIRST", r -> answers.add("first " + r.u32(8)));            // #1
        connection.requests().mapWindow(5);                                                         // #2, no reply
        connection.requests().internAtom("THIRD", new X11Connection.ReplyHandler() {                // #3
            @Override
            public void reply(X11Message r) {
                answers.add("third " + r.u32(8));
            }

            @Override
            public void error(X11Connection.X11Error e) {
                answers.add("third failed " + e.code());
            }
        });
        connection.flush();
        assertEquals(3, connection.pendingReplies() + 1, "two requests wait for replies");
        byte[] event = event(19, 1, 0x42);
        byte[] all = concat(reply(1, 77, 2), error(2, 3, 8), event, error(3, 5, 16));
        // split in the middle of the first reply's extra words and of the event
        send(java.util.Arrays.copyOfRange(all, 0, 37));
        assertEquals(List.of(), answers, "half a reply is not a reply");
        send(java.util.Arrays.copyOfRange(all, 37, 100));
        send(java.util.Arrays.copyOfRange(all, 100, all.length));
        assertEquals(List.of("first 77", "third failed 5"), answers);
        assertEquals(List.of("unhandled 3 #2", "event 19 42"), seen);
        assertEquals(0, connection.pendingReplies());
        assertNull(closedWhy);
    }

    @Test
    void sequenceNumbersPastSixteenBitsStillMatch() throws Exception {
        send(setupReply());
        for (int i = 0; i < 70_000; i++) connection.requests().mapWindow(1);
        connection.flush();
        List<Integer> answers = new ArrayList<>();
        long seq = connection.requests().internAtom("LATE", r -> answers.add(r.u32(8)));
        assertEquals(70_001, seq);
        drain();
        send(reply((int) (seq & 0xffff), 9, 0));
        assertEquals(List.of(9), answers);
    }

    @Test
    void aReplyLargerThanTheInputBufferAfterAnotherMessageArrivesWhole() throws Exception {
        send(setupReply());
        List<String> answers = new ArrayList<>();
        connection.requests().getProperty(false, 1, 2, 0, 0, 1 << 20, r -> answers.add(r.length() + " " + r.u32(8) + " " + r.u8(r.length() - 1)));
        connection.requests().internAtom("AFTER", r -> answers.add("after " + r.u32(8)));
        connection.flush();
        byte[] big = reply(1, 7, 300_000 / 4); // 300 kB: the input buffer (64 KiB) must grow while an event before it is not yet compacted away
        big[big.length - 1] = 42;
        byte[] all = concat(event(19, 0, 3), big, reply(2, 8, 0));
        Thread writer = Thread.ofVirtual().start(() -> { // more than the socket holds: written while the loop reads
            try {
                Descriptors.writeFully(server, all);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        for (int i = 0; i < 500 && answers.size() < 2; i++) loop.dispatch(20);
        writer.join();
        assertEquals(List.of("event 19 3"), seen);
        assertEquals(List.of((32 + 300_000) + " 7 42", "after 8"), answers);
        assertNull(closedWhy);
    }

    @Test
    void aMalformedEventIsDroppedAndTheNextOneStillArrives() throws Exception {
        send(setupReply());
        send(concat(event(99, 0, 1), event(19, 0, 2)));
        assertEquals(List.of("event 99 1", "event 19 2"), seen);
        assertNull(closedWhy, "the connection lives on");
    }

    @Test
    void aReplyThatCannotBeFramedClosesTheConnection() throws Exception {
        send(setupReply());
        connection.requests().internAtom("X", r -> fail("no reply expected"));
        connection.flush();
        byte[] huge = reply(1, 0, 0);
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0x40000000); // 4 GiB of reply
        send(huge);
        assertNotNull(closedWhy);
        assertTrue(connection.isClosed());
    }

    @Test
    void aRefusedSetupClosesWithTheServersReason() throws Exception {
        byte[] reason = "no way".getBytes();
        ByteBuffer b = ByteBuffer.allocate(8 + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 0).put(1, (byte) reason.length).putShort(6, (short) 2).put(8, reason);
        send(b.array());
        assertNull(setup);
        assertTrue(closedWhy.contains("no way"), closedWhy);
    }

    /** Reads what the client sent so far, so its output never blocks. */
    private void drain() throws Exception {
        UnixSockets.setNonBlocking(server, true);
        javawc.os.NativeBuffer nb = new javawc.os.NativeBuffer(1 << 20);
        for (int i = 0; i < 100; i++) {
            connection.flush();
            while (Descriptors.readNonBlocking(server, nb, nb.capacity()) > 0) { }
            loop.dispatch(5);
        }
        UnixSockets.setNonBlocking(server, false);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
