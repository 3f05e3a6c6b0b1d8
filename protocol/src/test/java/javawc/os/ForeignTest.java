package javawc.os;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The round trip's three calls (epoll_wait, sendmsg, recvmsg) and Descriptors' frame calls
 * (read, timerfd_settime, fstat) give the same results and the same errno through JNA, while {@link Foreign} is deferred (the compositor's start), and
 * through the foreign handles once they are made, on this thread or on the background one.
 */
class ForeignTest {
    @AfterEach
    void handlesAgain() {
        Foreign.useHandlesForTests(); // the other tests of this JVM as they were
    }

    /** Data, an fd, nothing more to read (EAGAIN), a peer gone (EPIPE), and epoll's readiness and timeout. */
    private static void roundTripCalls() throws Exception {
        OwnedFd[] pair = UnixSockets.pair();
        OwnedFd[] pipe = Descriptors.pipe();
        SocketIo io = new SocketIo();
        NativeBuffer data = new NativeBuffer(64);
        try (Epoll epoll = new Epoll(4); FdQueue queue = new FdQueue(4)) {
            epoll.add(pair[1].get(), Epoll.IN, 9);
            assertEquals(0, epoll.await(0), "nothing ready yet: the timeout");
            data.buffer().put(0, "ping".getBytes(StandardCharsets.US_ASCII));
            assertEquals(4, io.send(pair[0].get(), data.address(), 4, new int[] {pipe[1].get()}, 1));
            assertEquals(1, epoll.await(1000));
            assertEquals(9, epoll.readyToken(0));
            assertEquals(4, io.receive(pair[1].get(), data.address(), 64, queue));
            assertEquals(1, queue.size(), "the fd came along");
            try (OwnedFd received = queue.take()) {
                Descriptors.writeFully(received, new byte[] {42});
                assertArrayEquals(new byte[] {42}, Descriptors.readSome(pipe[0], 8), "it is the pipe's write end");
            }
            assertEquals(SocketIo.WOULD_BLOCK, io.receive(pair[1].get(), data.address(), 64, queue), "EAGAIN read from the call's own errno");
            pair[1].close();
            OsException gone = assertThrows(OsException.class, () -> io.send(pair[0].get(), data.address(), 4, new int[0], 0));
            assertEquals(LibC.EPIPE, gone.errno(), "errno of the call that failed");
            // Descriptors' frame calls follow the same switch
            try (OwnedFd event = Descriptors.eventFd(); OwnedFd timer = Descriptors.timerFd()) {
                assertEquals(0, Descriptors.readCounter(event), "EAGAIN read from the call's own errno");
                Descriptors.signalEvent(event, 3);
                assertEquals(3, Descriptors.readCounter(event));
                Descriptors.armTimerAbsolute(timer, System.nanoTime() + 1_000_000L);
                epoll.add(timer.get(), Epoll.IN, 11);
                assertEquals(1, epoll.await(5000));
                assertEquals(11, epoll.readyToken(0));
                assertEquals(1, Descriptors.readCounter(timer));
                assertEquals(0, Descriptors.size(event), "fstat");
            }
        } finally {
            for (OwnedFd fd : pair) fd.close();
            for (OwnedFd fd : pipe) fd.close();
        }
    }

    @Test
    void deferredCallsGoThroughJna() throws Exception {
        Foreign.deferForTests(true);
        assertFalse(Foreign.ready(), "deferred: not made at the first call");
        assertFalse(Foreign.frameCallsReady());
        roundTripCalls();
        assertFalse(Foreign.ready(), "still JNA: nobody asked for the handles");
        assertFalse(Foreign.frameCallsReady());
    }

    @Test
    void preparedCallsGoThroughTheHandles() throws Exception {
        Foreign.deferForTests(true);
        assertTrue(Foreign.prepare(), "the tests run with native access enabled");
        assertTrue(Foreign.ready());
        roundTripCalls();
    }

    @Test
    void framesDeferredAloneLeaveTheRoundTripsHandlesToTheirFirstUse() throws Exception {
        Foreign.deferForTests(false);
        assertTrue(Foreign.ready(), "the round trip's handles made at their first use");
        assertFalse(Foreign.frameCallsReady(), "the frame calls wait for prepare");
        roundTripCalls();
        assertTrue(Foreign.prepare());
        assertTrue(Foreign.frameCallsReady());
        roundTripCalls();
    }

    @Test
    void theBackgroundThreadMakesThemAndCallersSwitch() throws Exception {
        Foreign.deferForTests(true);
        SocketIo io = new SocketIo(); // made while deferred, used after the switch
        Foreign.prepareInBackground();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            while (!Foreign.ready() || !Foreign.frameCallsReady()) Thread.sleep(1);
        });
        OwnedFd[] pair = UnixSockets.pair();
        try (FdQueue queue = new FdQueue(4)) {
            NativeBuffer data = new NativeBuffer(8);
            assertEquals(SocketIo.WOULD_BLOCK, io.receive(pair[1].get(), data.address(), 8, queue));
        } finally {
            for (OwnedFd fd : pair) fd.close();
        }
        roundTripCalls();
    }
}
