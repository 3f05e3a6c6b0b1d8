package javawc.os;

import org.junit.jupiter.api.Test;

import java.nio.ReadOnlyBufferException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The small kernel objects: each does what its syscall promises. */
class DescriptorsTest {
    @Test
    void memfdHasItsSizeAndCanBeResized() throws Exception {
        try (OwnedFd fd = Descriptors.memfd("test", 4096)) {
            assertEquals(4096, Descriptors.size(fd));
            Descriptors.truncate(fd, 10);
            assertEquals(10, Descriptors.size(fd));
        }
    }

    @Test
    void eventFdCounts() throws Exception {
        try (OwnedFd fd = Descriptors.eventFd()) {
            assertEquals(0, Descriptors.readCounter(fd), "nothing pending reads as 0, not a block");
            Descriptors.signalEvent(fd, 2);
            Descriptors.signalEvent(fd, 3);
            assertEquals(5, Descriptors.readCounter(fd));
        }
    }

    @Test
    void timerFdExpires() throws Exception {
        try (OwnedFd fd = Descriptors.timerFd(); Epoll epoll = new Epoll(4)) {
            Descriptors.armTimer(fd, 1_000_000, 0);
            epoll.add(fd.get(), Epoll.IN, 7);
            assertEquals(1, epoll.await(5000));
            assertEquals(7, epoll.readyToken(0));
            assertEquals(1, Descriptors.readCounter(fd));
        }
    }

    @Test
    void signalFdReadsABlockedSignal() throws Exception {
        int sigwinch = 28; // harmless, and unused by the JVM
        try (OwnedFd fd = Descriptors.signalFd(sigwinch)) {
            assertEquals(0, LibC.raise(sigwinch));
            assertEquals(sigwinch, Descriptors.readSignal(fd));
            assertEquals(0, Descriptors.readSignal(fd));
        }
    }

    @Test
    void epollReportsReadableSocketsByToken() throws Exception {
        OwnedFd[] p = UnixSockets.pair();
        try (Epoll epoll = new Epoll(4)) {
            epoll.add(p[1].get(), Epoll.IN, 42);
            assertEquals(0, epoll.await(0));
            Descriptors.writeFully(p[0], new byte[] {1});
            assertEquals(1, epoll.await(1000));
            assertEquals(42, epoll.readyToken(0));
            assertTrue((epoll.readyEvents(0) & Epoll.IN) != 0);
        } finally {
            p[0].close();
            p[1].close();
        }
    }

    @Test
    void flockIsExclusiveBetweenOpenFiles() throws Exception {
        Path lock = Files.createTempFile("javawc", ".lock");
        try (OwnedFd first = Descriptors.open(lock.toString(), LibC.O_RDWR, 0);
             OwnedFd second = Descriptors.open(lock.toString(), LibC.O_RDWR, 0)) {
            assertTrue(Descriptors.tryLock(first));
            assertFalse(Descriptors.tryLock(second));
            first.close();
            assertTrue(Descriptors.tryLock(second));
        } finally {
            Files.delete(lock);
        }
    }

    @Test
    void ownedFdClosesOnceAndReleases() throws Exception {
        OwnedFd fd = Descriptors.eventFd();
        int n = fd.get();
        OwnedFd again = new OwnedFd(fd.release());
        assertFalse(fd.isOpen());
        assertThrows(IllegalStateException.class, fd::get);
        fd.close(); // no effect: it owns nothing
        assertEquals(n, again.get());
        again.close();
        again.close();
        assertEquals(-1, LibC.fcntl(n, LibC.F_GETFD, 0), "closed exactly once");
    }

    @Test
    void sharedMappingsSeeEachOthersWrites() throws Exception {
        try (OwnedFd fd = Descriptors.memfd("mapped", 8192);
             MemoryMapping writer = MemoryMapping.map(fd, 8192, true);
             MemoryMapping reader = MemoryMapping.map(fd, 8192, false)) {
            writer.buffer().putInt(4096, 0xcafe);
            assertEquals(0xcafe, reader.buffer().getInt(4096));
            assertEquals(8192, reader.buffer().capacity());
            assertThrows(ReadOnlyBufferException.class, () -> reader.buffer().putInt(0, 1));
        }
    }

    @Test
    void mappingABadFdFailsCleanly() {
        OsException e = assertThrows(OsException.class, () -> {
            try (OwnedFd fd = Descriptors.eventFd()) {
                MemoryMapping.map(fd, 4096, false).close();
            }
        });
        assertTrue(e.getMessage().startsWith("mmap"), e.getMessage());
    }
    /**
     * Each thread has scratch memory of its own for these calls, and the one kept at hand for
     * the last thread is never another thread's: two threads that read counters and sizes at
     * the same time each get their own results.
     */
    @Test
    void threadsCallingAtOnceEachReadTheirOwnResults() throws Exception {
        int rounds = 20_000;
        java.util.concurrent.atomic.AtomicReference<String> wrong = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        Runnable[] work = new Runnable[2];
        for (int t = 0; t < 2; t++) {
            long value = t + 1, size = 4096 * (t + 1);
            work[t] = () -> {
                try (OwnedFd event = Descriptors.eventFd(); OwnedFd file = Descriptors.memfd("scratch-test", size)) {
                    start.await();
                    for (int i = 0; i < rounds && wrong.get() == null; i++) {
                        Descriptors.signalEvent(event, value);
                        long counter = Descriptors.readCounter(event);
                        long length = Descriptors.size(file);
                        if (counter != value || length != size) wrong.set("round " + i + ": counter " + counter + ", size " + length + " instead of " + value + ", " + size);
                    }
                } catch (Exception e) {
                    wrong.compareAndSet(null, e.toString());
                }
            };
        }
        Thread other = new Thread(work[1]);
        other.start();
        work[0].run();
        other.join();
        assertNull(wrong.get());
    }
}
