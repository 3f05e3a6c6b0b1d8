package javawc.os;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/** SCM_RIGHTS over a socketpair: our SocketIo, and the kernel behaviours the design rests on. */
class FdPassingTest {
    private OwnedFd a, b;
    private final SocketIo io = new SocketIo();
    private final NativeBuffer data = new NativeBuffer(256);

    @BeforeEach
    void pair() throws OsException {
        OwnedFd[] p = UnixSockets.pair();
        a = p[0];
        b = p[1];
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private long send(String text, OwnedFd... fds) throws OsException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        data.buffer().put(0, bytes);
        int[] numbers = new int[fds.length];
        for (int i = 0; i < fds.length; i++) numbers[i] = fds[i].get();
        return io.send(a.get(), data.address(), bytes.length, numbers, fds.length);
    }

    private String receive(FdQueue queue) throws Exception {
        NativeBuffer in = new NativeBuffer(256);
        long n = io.receive(b.get(), in.address(), 256, queue);
        assertTrue(n >= 0, "nothing to read");
        byte[] bytes = new byte[(int) n];
        in.buffer().get(0, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** A pipe whose read end we keep; writing a marker through the passed fd identifies it. */
    private static String marker(OwnedFd writeEnd, OwnedFd readEnd, String text) throws OsException {
        Descriptors.writeFully(writeEnd, text.getBytes(StandardCharsets.US_ASCII));
        return new String(Descriptors.readSome(readEnd, 64), StandardCharsets.US_ASCII);
    }

    @Test
    void severalFdsInOneMessageArriveInOrder() throws Exception {
        OwnedFd[][] pipes = {Descriptors.pipe(), Descriptors.pipe(), Descriptors.pipe()};
        try (FdQueue queue = new FdQueue(8)) {
            assertEquals(4, send("abcd", pipes[0][1], pipes[1][1], pipes[2][1]));
            assertEquals("abcd", receive(queue));
            assertEquals(3, queue.size());
            for (int i = 0; i < 3; i++) {
                try (OwnedFd received = queue.take()) {
                    assertNotEquals(pipes[i][1].get(), received.get(), "a new descriptor number");
                    assertEquals("pipe" + i, marker(received, pipes[i][0], "pipe" + i), "fd " + i + " is the i-th pipe");
                    assertTrue((LibC.fcntl(received.get(), LibC.F_GETFD, 0) & 1) != 0, "received fds are close-on-exec");
                }
            }
        } finally {
            for (OwnedFd[] p : pipes) { p[0].close(); p[1].close(); }
        }
    }

    @Test
    void passesTheOpenFileDescriptionNotTheNumber() throws Exception {
        try (OwnedFd memfd = Descriptors.memfd("shared-offset", 16); FdQueue queue = new FdQueue(4)) {
            send("x", memfd);
            receive(queue);
            try (OwnedFd received = queue.take()) {
                assertEquals(5, LibC.lseek(memfd.get(), 5, LibC.SEEK_SET));
                assertEquals(5, LibC.lseek(received.get(), 0, 1 /* SEEK_CUR */), "the file offset is shared");
            }
        }
    }

    @Test
    void anFdNeedsAtLeastOneByte() throws Exception {
        OwnedFd[] pipe = Descriptors.pipe();
        try (FdQueue queue = new FdQueue(4)) {
            assertThrows(IllegalArgumentException.class, () -> io.send(a.get(), data.address(), 0, new int[] {pipe[1].get()}, 1));
            // what the guard prevents: the kernel accepts a zero-byte sendmsg and delivers nothing
            assertEquals(0, io.sendUnchecked(a.get(), data.address(), 0, new int[] {pipe[1].get()}, 1));
            send("z");
            assertEquals("z", receive(queue));
            assertEquals(0, queue.size(), "the fd sent without data never arrives");
        } finally {
            pipe[0].close();
            pipe[1].close();
        }
    }

    @Test
    void aMessageWithFdsIsAReadBarrier() throws Exception {
        OwnedFd[] pipe = Descriptors.pipe();
        try (FdQueue queue = new FdQueue(4)) {
            send("1111");
            send("2222", pipe[1]);
            send("3333");
            // the read that picks up fds ends with the bytes they came with: "3333" is not merged in
            assertEquals("11112222", receive(queue));
            assertEquals(1, queue.size());
            assertEquals("3333", receive(queue));
            assertEquals(1, queue.size());
            queue.close();
        } finally {
            pipe[0].close();
            pipe[1].close();
        }
    }

    @Test
    void fdsThatNobodyAsksForAreClosedByTheKernel() throws Exception {
        OwnedFd[] pipe = Descriptors.pipe();
        try {
            send("q", pipe[1]);
            pipe[1].close();
            // read the byte with no control buffer: the in-flight fd has nowhere to go
            NativeBuffer in = new NativeBuffer(8);
            assertEquals(1, LibC.read(b.get(), in.address(), 8));
            // if any copy of the write end survived, this read would block instead of seeing EOF
            assertEquals(0, Descriptors.readSome(pipe[0], 8).length);
        } finally {
            pipe[0].close();
        }
    }

    @Test
    void moreFdsThanAllowedIsControlTruncationAndNothingLeaks() throws Exception {
        OwnedFd[] pipe = Descriptors.pipe();
        int[] many = new int[40];
        java.util.Arrays.fill(many, pipe[1].get());
        data.buffer().put(0, (byte) 'm');
        assertEquals(1, io.sendUnchecked(a.get(), data.address(), 1, many, many.length));
        pipe[1].close();
        try (FdQueue queue = new FdQueue(64)) {
            SocketIo.FdOverflowException e = assertThrows(SocketIo.FdOverflowException.class, () -> receive(queue));
            assertTrue(e.getMessage().contains("MSG_CTRUNC"), e.getMessage());
            queue.close(); // what the connection does when it drops the client
            assertEquals(0, Descriptors.readSome(pipe[0], 8).length, "every copy of the write end is closed");
        } finally {
            pipe[0].close();
        }
    }

    @Test
    void aFullQueueClosesTheSurplus() throws Exception {
        OwnedFd[] pipe = Descriptors.pipe();
        try (FdQueue queue = new FdQueue(2)) {
            send("abc", pipe[1], pipe[1], pipe[1]);
            pipe[1].close();
            SocketIo.FdOverflowException e = assertThrows(SocketIo.FdOverflowException.class, () -> receive(queue));
            assertTrue(e.getMessage().contains("1 closed"), e.getMessage());
            assertEquals(2, queue.size());
            queue.close();
            assertEquals(0, queue.size());
            assertEquals(0, Descriptors.readSome(pipe[0], 8).length);
        } finally {
            pipe[0].close();
        }
    }

    @Test
    void receiveReportsWouldBlockAndEndOfStream() throws Exception {
        UnixSockets.setNonBlocking(b, true);
        try (FdQueue queue = new FdQueue(1)) {
            assertEquals(SocketIo.WOULD_BLOCK, io.receive(b.get(), data.address(), 8, queue));
            a.close();
            assertEquals(0, io.receive(b.get(), data.address(), 8, queue));
        }
    }
}
