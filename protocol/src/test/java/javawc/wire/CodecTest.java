package javawc.wire;

import javawc.os.Descriptors;
import javawc.os.LibC;
import javawc.os.NativeBuffer;
import javawc.os.OwnedFd;
import javawc.os.UnixSockets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/** Every argument type through a real socket: writer → flush → recvmsg → framing → reader. */
class CodecTest {
    static final InterfaceSpec SPEC = new InterfaceSpec("test_object", 1, new MessageSpec[0], new MessageSpec[0]);

    static final class TestObject extends WireObject {
        TestObject(int id) {
            super(SPEC, 1);
            assignId(id);
        }
    }

    static final class OtherObject extends WireObject {
        OtherObject(int id) {
            super(new InterfaceSpec("other", 1, new MessageSpec[0], new MessageSpec[0]), 1);
            assignId(id);
        }
    }

    private final ObjectMap<WireObject> objects = new ObjectMap<>();
    private Connection sender, receiver;
    private OwnedFd rawSender;

    @BeforeEach
    void connect() throws Exception {
        OwnedFd[] p = UnixSockets.pair();
        rawSender = p[0].dup();
        sender = new Connection(p[0], new ObjectMap<>(), Connection.DEFAULT_OUTPUT_LIMIT, 16);
        receiver = new Connection(p[1], objects, Connection.DEFAULT_OUTPUT_LIMIT, 16);
    }

    @AfterEach
    void close() {
        sender.close();
        receiver.close();
        rawSender.close();
    }

    /** Writes one message with {@code args}, sends it, and frames it on the other side. */
    private MessageReader roundTrip(Consumer<MessageWriter> args) throws Exception {
        MessageWriter w = sender.writer().begin(7, 3);
        args.accept(w);
        w.end();
        assertTrue(sender.flush());
        assertTrue(receiver.fill() > 0);
        assertTrue(receiver.nextMessage());
        assertEquals(7, receiver.messageObject());
        assertEquals(3, receiver.messageOpcode());
        return receiver.reader();
    }

    @Test
    void integersAtTheirLimits() throws Exception {
        MessageReader r = roundTrip(w -> w.int32(Integer.MIN_VALUE).int32(Integer.MAX_VALUE).int32(-1).uint32(0xffffffff).uint32(0));
        assertEquals(Integer.MIN_VALUE, r.int32());
        assertEquals(Integer.MAX_VALUE, r.int32());
        assertEquals(-1, r.int32());
        assertEquals(0xffffffff, r.uint32());
        assertEquals(0, r.uint32());
        r.finish();
    }

    @Test
    void fixedKeepsSignAndFraction() throws Exception {
        MessageReader r = roundTrip(w -> w.fixed(Fixed.fromDouble(-12.5)).fixed(Fixed.fromDouble(0.00390625)).fixed(Fixed.fromDouble(-0.25)));
        assertEquals(-12.5, Fixed.toDouble(r.fixed()));
        assertEquals(1.0 / 256, Fixed.toDouble(r.fixed()));
        int negative = r.fixed();
        assertEquals(-0.25, Fixed.toDouble(negative));
        assertEquals(-1, Fixed.floor(negative), "floor rounds towards negative infinity");
        r.finish();
    }

    @Test
    void stringsEmptyNullUnicodeAndPadding() throws Exception {
        MessageReader r = roundTrip(w -> w.string("").string(null).string("abc").string("abcd").string("grüß dich ✓"));
        assertEquals("", r.string(false));
        assertNull(r.string(true));
        assertEquals("abc", r.string(false));
        assertEquals("abcd", r.string(false));
        assertEquals("grüß dich ✓", r.string(false));
        r.finish();
    }

    @Test
    void emptyStringIsOneNulNotNull() throws Exception {
        roundTrip(w -> w.string(""));
        ByteBuffer in = receiver.inputBuffer();
        int args = receiver.messageArgsStart();
        assertEquals(1, in.getInt(args), "length counts the NUL");
        assertEquals(0, in.get(args + 4));
        assertEquals(args + 8, receiver.messageArgsEnd(), "padded to 4 bytes");
    }

    @Test
    void nullWhereNotAllowedIsAnError() throws Exception {
        MessageReader r = roundTrip(w -> w.string(null).object(null));
        assertThrows(WireFormatException.class, () -> r.string(false));
        WireFormatException e = assertThrows(WireFormatException.class, () -> r.object(TestObject.class, false, false));
        assertEquals(WireFormatException.INVALID_METHOD, e.displayError());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 7, 13})
    void arraysOfAnyLength(int length) throws Exception {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) bytes[i] = (byte) (i * 37 + 1);
        MessageReader r = roundTrip(w -> w.array(ByteBuffer.wrap(bytes)).int32(0x5a5a5a5a));
        ByteBuffer back = r.array();
        assertEquals(length, back.remaining());
        byte[] got = new byte[length];
        back.get(got);
        assertArrayEquals(bytes, got);
        assertEquals(0x5a5a5a5a, r.int32(), "padding is skipped");
        r.finish();
    }

    @Test
    void objectsResolveByTypeAndNullable() throws Exception {
        TestObject target = new TestObject(5);
        objects.insertAt(1, new OtherObject(1));
        for (int id = 2; id <= 5; id++) objects.insertAt(id, id == 5 ? target : new OtherObject(id));
        MessageReader r = roundTrip(w -> w.object(target).object(null).int32(99).int32(1));
        assertSame(target, r.object(TestObject.class, false, false));
        assertNull(r.object(TestObject.class, true, false));
        WireFormatException unknown = assertThrows(WireFormatException.class, () -> r.object(TestObject.class, false, false));
        assertEquals(WireFormatException.INVALID_OBJECT, unknown.displayError());
        WireFormatException wrongType = assertThrows(WireFormatException.class, () -> r.object(TestObject.class, false, false));
        assertTrue(wrongType.getMessage().contains("not a TestObject"), wrongType.getMessage());
    }

    @Test
    void unknownObjectsDecodeAsNullWhereTheyMayBeDead() throws Exception {
        MessageReader r = roundTrip(w -> w.int32(42));
        assertNull(r.object(TestObject.class, false, true));
    }

    @Test
    void newIdZeroIsInvalid() throws Exception {
        MessageReader r = roundTrip(w -> w.int32(12).int32(0));
        assertEquals(12, r.newId());
        assertEquals(WireFormatException.INVALID_OBJECT, assertThrows(WireFormatException.class, r::newId).displayError());
    }

    @Test
    void fdsTravelOutOfBandInOrder() throws Exception {
        OwnedFd[] first = Descriptors.pipe(), second = Descriptors.pipe();
        try {
            MessageReader r = roundTrip(w -> w.int32(1).fd(first[1]).int32(2).fd(second[1]));
            assertEquals(1, r.int32());
            assertEquals(2, r.int32());
            r.finish();
            r.requireFds(2);
            try (OwnedFd a = r.fd(); OwnedFd b = r.fd()) {
                Descriptors.writeFully(a, "first".getBytes(StandardCharsets.US_ASCII));
                Descriptors.writeFully(b, "second".getBytes(StandardCharsets.US_ASCII));
                assertEquals("first", new String(Descriptors.readSome(first[0], 16), StandardCharsets.US_ASCII));
                assertEquals("second", new String(Descriptors.readSome(second[0], 16), StandardCharsets.US_ASCII));
            }
            assertThrows(WireFormatException.class, () -> r.requireFds(1));
            assertThrows(WireFormatException.class, r::fd);
        } finally {
            for (OwnedFd fd : first) fd.close();
            for (OwnedFd fd : second) fd.close();
        }
    }

    @Test
    void theLargestMessageIs4096Bytes() throws Exception {
        // header 8 + length 4 + 4084 bytes of string (4083 chars + NUL) = 4096
        String big = "x".repeat(4083);
        MessageReader r = roundTrip(w -> w.string(big));
        assertEquals(big, r.string(false));
        r.finish();
        MessageWriter w = sender.writer().begin(1, 0);
        assertThrows(IllegalArgumentException.class, () -> w.string(big + "y"));
    }

    @Test
    void manyMessagesInOneRead() throws Exception {
        for (int i = 0; i < 100; i++) sender.writer().begin(i + 1, i % 7).int32(i).string("m" + i).end();
        assertTrue(sender.flush());
        int seen = 0;
        while (seen < 100) {
            assertTrue(receiver.fill() > 0);
            while (receiver.nextMessage()) {
                assertEquals(seen + 1, receiver.messageObject());
                assertEquals(seen % 7, receiver.messageOpcode());
                assertEquals(seen, receiver.reader().int32());
                assertEquals("m" + seen, receiver.reader().string(false));
                receiver.reader().finish();
                receiver.consumeMessage();
                seen++;
            }
        }
        assertEquals(0, receiver.pendingInput());
    }

    /** Writes bytes straight to the socket, bypassing the codec. */
    private void rawWrite(byte[] bytes) throws Exception {
        Descriptors.writeFully(rawSender, bytes);
    }

    private static byte[] message(int object, int opcode, int... args) {
        ByteBuffer b = ByteBuffer.allocate(8 + args.length * 4).order(ByteOrder.nativeOrder());
        b.putInt(object).putInt((8 + args.length * 4) << 16 | opcode);
        for (int a : args) b.putInt(a);
        return b.array();
    }

    @Test
    void aMessageSplitAcrossReads() throws Exception {
        byte[] m = message(3, 1, 10, 20, 30);
        for (int cut : new int[] {1, 7, 8, 13}) {
            rawWrite(java.util.Arrays.copyOfRange(m, 0, cut));
            receiver.fill();
            assertFalse(receiver.nextMessage(), "incomplete after " + cut + " bytes");
            rawWrite(java.util.Arrays.copyOfRange(m, cut, m.length));
            receiver.fill();
            assertTrue(receiver.nextMessage());
            assertEquals(10, receiver.reader().int32());
            assertEquals(20, receiver.reader().int32());
            assertEquals(30, receiver.reader().int32());
            receiver.consumeMessage();
        }
    }

    @Test
    void aLongStreamOfSplitMessagesCompactsTheInputBuffer() throws Exception {
        // 3000 messages of 20 bytes pushed in 13-byte slices: crosses the buffer end many times
        ByteBuffer all = ByteBuffer.allocate(3000 * 20).order(ByteOrder.nativeOrder());
        for (int i = 0; i < 3000; i++) all.put(message(1, 0, i, -i, i * 3));
        byte[] bytes = all.array();
        int sent = 0, seen = 0;
        while (seen < 3000) {
            if (sent < bytes.length) {
                int n = Math.min(13, bytes.length - sent);
                rawWrite(java.util.Arrays.copyOfRange(bytes, sent, sent + n));
                sent += n;
            }
            receiver.fill();
            while (receiver.nextMessage()) {
                assertEquals(seen, receiver.reader().int32());
                assertEquals(-seen, receiver.reader().int32());
                assertEquals(seen * 3, receiver.reader().int32());
                receiver.consumeMessage();
                seen++;
            }
        }
    }

    @Test
    void headersThatNoMessageHasAreRejected() throws Exception {
        rawWrite(message(1, 0)); // size 8: valid, no args
        receiver.fill();
        assertTrue(receiver.nextMessage());
        receiver.consumeMessage();
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(1).putInt(4 << 16);
        rawWrite(b.array());
        receiver.fill();
        WireFormatException e = assertThrows(WireFormatException.class, receiver::nextMessage);
        assertTrue(e.getMessage().contains("less than its 8-byte header"), e.getMessage());
    }

    @Test
    void unalignedSizeIsRejected() throws Exception {
        rawWrite(ByteBuffer.allocate(12).order(ByteOrder.nativeOrder()).putInt(1).putInt(10 << 16).array());
        receiver.fill();
        assertThrows(WireFormatException.class, receiver::nextMessage);
    }

    @Test
    void argumentsPastTheMessageEndAreRejected() throws Exception {
        // a string claiming 100 bytes inside a 16-byte message
        rawWrite(message(1, 0, 100, 0x41414141));
        receiver.fill();
        assertTrue(receiver.nextMessage());
        assertThrows(WireFormatException.class, () -> receiver.reader().string(false));
        rawWrite(message(1, 0, 4, 0x41414141)); // "AAAA" with no NUL
        receiver.consumeMessage();
        receiver.fill();
        assertTrue(receiver.nextMessage());
        WireFormatException e = assertThrows(WireFormatException.class, () -> receiver.reader().string(false));
        assertTrue(e.getMessage().contains("NUL"), e.getMessage());
        receiver.consumeMessage();
        rawWrite(message(1, 0, 5, 6));
        receiver.fill();
        assertTrue(receiver.nextMessage());
        receiver.reader().int32();
        assertThrows(WireFormatException.class, () -> receiver.reader().finish(), "a left-over argument is an error");
    }

    @Test
    void outputPastTheLimitMarksTheConnectionOverflowed() throws Exception {
        OwnedFd[] p = UnixSockets.pair();
        try (Connection small = new Connection(p[0], new ObjectMap<>(), 64 * 1024, 16)) {
            int i = 0;
            while (!small.overflowed() && i < 100_000) small.writer().begin(1, 0).int32(i++).end();
            assertTrue(small.overflowed());
            // each message reserves room for the largest one, so the cut comes within 4 KiB of the limit
            assertTrue(i * 12 > 64 * 1024 - MessageWriter.MAX_MESSAGE_SIZE - 12, "the limit is not hit early: " + i);
            assertTrue(i * 12 <= 64 * 1024, "nor late: " + i);
        } finally {
            p[1].close();
        }
    }

    @Test
    void aFullSocketKeepsOutputUntilThePeerReads() throws Exception {
        int total = 0;
        while (true) {
            sender.writer().begin(1, 0).string("y".repeat(1000)).end();
            total++;
            if (!sender.flush()) break;
        }
        assertTrue(sender.hasPendingOutput());
        // drain the peer and watch every message arrive whole
        int seen = 0;
        while (seen < total) {
            receiver.fill();
            while (receiver.nextMessage()) {
                assertEquals(1000, receiver.reader().string(false).length());
                receiver.consumeMessage();
                seen++;
            }
            sender.flush();
        }
        assertFalse(sender.hasPendingOutput());
    }

    @Test
    void moreThan28FdsAreSpreadOverSeveralSends() throws Exception {
        OwnedFd[] pipe = Descriptors.pipe();
        OwnedFd[] p = UnixSockets.pair();
        try (Connection out = new Connection(p[0], new ObjectMap<>(), Connection.DEFAULT_OUTPUT_LIMIT, 64);
             Connection in = new Connection(p[1], objects, Connection.DEFAULT_OUTPUT_LIMIT, 64)) {
            for (int i = 0; i < 40; i++) out.writer().begin(1, 0).int32(i).fd(pipe[1]).end();
            assertTrue(out.flush());
            int seen = 0, reads = 0;
            while (seen < 40) {
                assertTrue(in.fill() > 0);
                reads++;
                while (in.nextMessage()) {
                    assertEquals(seen, in.reader().int32());
                    in.reader().requireFds(1); // each message finds its fd already here
                    in.reader().fd().close();
                    in.consumeMessage();
                    seen++;
                }
                assertEquals(0, in.receivedFds().size(), "no fd arrives ahead of its bytes' read");
            }
            assertTrue(reads >= 2, "40 fds need at least two sendmsg calls");
        } finally {
            pipe[0].close();
            pipe[1].close();
        }
    }

    @Test
    void closingAConnectionClosesQueuedFds() throws Exception {
        OwnedFd[] pipe = Descriptors.pipe();
        sender.writer().begin(1, 0).fd(pipe[1]).fd(pipe[1]).end();
        pipe[1].close();
        assertTrue(sender.flush());
        receiver.fill();
        assertEquals(2, receiver.receivedFds().size());
        receiver.close();
        NativeBuffer nb = new NativeBuffer(8);
        assertEquals(0, LibC.read(pipe[0].get(), nb.address(), 8), "no write end left anywhere");
        pipe[0].close();
    }
}
