package javawc.os;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** posix_spawn with a process group, pidfds, reaping, wait statuses, and a socket peer's credentials. */
class ProcessesTest {
    private static List<String> environment() {
        return List.of("PATH=" + System.getenv("PATH"));
    }

    @Test
    void waitStatusesReadAsShellsSayThem() {
        assertEquals(0, Processes.exitCode(0));
        assertEquals(3, Processes.exitCode(3 << 8));
        assertEquals(128 + 9, Processes.exitCode(9));
        assertEquals("exited with status 3", Processes.describeStatus(3 << 8));
        assertEquals("killed by signal 15", Processes.describeStatus(15));
        assertEquals("killed by signal 11 (core dumped)", Processes.describeStatus(11 | 0x80));
    }

    @Test
    void aSpawnedChildLeadsItsGroupAndEndsWithItOnSigterm() throws Exception {
        OwnedFd[] pipe = Descriptors.pipe();
        try (OwnedFd read = pipe[0]) {
            int pid;
            try (OwnedFd write = pipe[1]) {
                pid = Processes.spawn(List.of("sh", "-c", "echo ready; exec sleep 1000"), environment(), write);
            }
            assertEquals("ready\n", new String(Descriptors.readSome(read, 16)), "its stdout is our pipe");
            try (OwnedFd pidfd = Processes.pidfd(pid)) {
                assertEquals(-1, Processes.reap(pid), "still running");
                assertTrue(Processes.running(pidfd));
                assertTrue(Processes.groupExists(pid) && Processes.groupHasLiveProcess(pid));
                String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
                assertEquals(Integer.toString(pid), stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2], "pgrp is its own pid");
                assertTrue(Processes.signalGroup(pid, Processes.SIGTERM));
                int status;
                long deadline = System.nanoTime() + 10_000_000_000L;
                while ((status = Processes.reap(pid)) < 0) {
                    assertTrue(System.nanoTime() < deadline, "sleep did not end");
                    Thread.sleep(10);
                }
                assertEquals("killed by signal 15", Processes.describeStatus(status), "SIGTERM at its default action, not the JVM's handler");
                assertFalse(Processes.running(pidfd), "ended and reaped: its pid may be another process's now");
            }
            assertFalse(Processes.groupExists(pid), "reaped: the group is gone");
            assertFalse(Processes.groupHasLiveProcess(pid));
            assertFalse(Processes.signalGroup(pid, Processes.SIGTERM));
            assertEquals(0, Descriptors.readSome(read, 16).length, "end of file: no other copy of the pipe was left in the child");
        }
    }

    @Test
    void aMissingProgramIsTheCallsError() throws Exception {
        OwnedFd[] pipe = Descriptors.pipe();
        try (OwnedFd read = pipe[0]; OwnedFd write = pipe[1]) {
            var e = assertThrows(Processes.SpawnException.class, () -> Processes.spawn(List.of("no-such-javawc-program"), environment(), write));
            assertEquals(LibC.ENOENT, e.errno());
        }
    }

    @Test
    void thePeerOfASocketIsUs() throws Exception {
        OwnedFd[] pair = UnixSockets.pair();
        try (OwnedFd a = pair[0]; OwnedFd b = pair[1]) {
            UnixSockets.PeerCredentials peer = UnixSockets.peerCredentials(a);
            assertEquals(LibC.getpid(), peer.pid());
            assertEquals(LibC.getuid(), peer.uid());
            assertEquals(Files.readString(Path.of("/proc/self/comm")).strip(), Processes.commandName(peer.pid()));
            assertEquals("?", Processes.commandName(0));
        }
    }
}
