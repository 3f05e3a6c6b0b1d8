package javawc.compositor;

import javawc.client.Display;
import javawc.os.Descriptors;
import javawc.os.LibC;
import javawc.os.OwnedFd;
import javawc.os.UnixSockets;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Start, socket naming, refusal, shutdown and descriptor hygiene of the compositor process. */
class LifecycleIntegrationTest {

    @Test
    void sigtermRemovesSocketAndLock() throws Exception {
        try (CompositorProcess c = CompositorProcess.start()) {
            assertEquals("wayland-0", c.display);
            Path lock = c.runtimeDir.resolve("wayland-0.lock");
            assertTrue(Files.exists(c.socket()) && Files.exists(lock));
            assertEquals(0, c.stop());
            assertFalse(Files.exists(c.socket()), "socket removed");
            assertFalse(Files.exists(lock), "lock removed");
            assertTrue(c.stderr().contains("shutting down"), c.stderr());
        }
    }

    @Test
    void aStaleSocketIsReplacedAndALiveOneIsNot() throws Exception {
        Path dir = CompositorProcess.privateRuntimeDir();
        // a socket file left by a compositor that died: no lock holder
        UnixSockets.listen(dir.resolve("wayland-0"), 1).close();
        try (CompositorProcess first = CompositorProcess.start(dir)) {
            assertEquals("wayland-0", first.display, "stale socket replaced");
            try (Display d = first.connect()) {
                d.roundtrip();
            }
            try (CompositorProcess second = CompositorProcess.start(dir)) {
                assertEquals("wayland-1", second.display, "the live one is left alone");
                second.stop();
            }
            Process named = CompositorProcess.builder(dir, "--socket", "wayland-0").start();
            assertTrue(named.waitFor(30, TimeUnit.SECONDS));
            assertEquals(1, named.exitValue());
            String err = new String(named.getErrorStream().readAllBytes());
            assertTrue(err.contains("in use by another compositor"), err);
            try (Display d = first.connect()) {
                d.roundtrip(); // still serving
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void explicitSocketName() throws Exception {
        try (CompositorProcess c = CompositorProcess.start("--socket", "test-display")) {
            assertEquals("test-display", c.display);
            assertTrue(Files.exists(c.runtimeDir.resolve("test-display.lock")));
        }
    }

    private static String refusal(Path runtimeDir) throws Exception {
        Process p = CompositorProcess.builder(runtimeDir).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue());
        assertEquals("", new String(p.getInputStream().readAllBytes()), "no WAYLAND_DISPLAY line");
        return new String(p.getErrorStream().readAllBytes());
    }

    @Test
    void refusesWithoutAPrivateRuntimeDir() throws Exception {
        assertTrue(refusal(null).contains("XDG_RUNTIME_DIR is not set"));
        Path open = Files.createTempDirectory("javawc-open", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        try {
            String err = refusal(open);
            assertTrue(err.contains("mode 0755") && err.contains("must be 0700"), err);
        } finally {
            Files.delete(open);
        }
        assertTrue(refusal(Path.of("/nonexistent-javawc")).contains("does not exist"));
    }

    @Test
    void aMissingDrmDeviceIsAClearErrorOrHeadlessWhenAuto() throws Exception {
        Path dir = CompositorProcess.privateRuntimeDir();
        try {
            Process p = CompositorProcess.builder(dir, "--backend", "drm", "--drm-device", "/nonexistent/card9").start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(1, p.exitValue());
            String err = new String(p.getErrorStream().readAllBytes());
            assertTrue(err.contains("no DRM device at /nonexistent/card9") && err.contains("--backend headless"), err);
            try (CompositorProcess auto = CompositorProcess.start(dir, "--drm-device", "/nonexistent/card9")) {
                auto.stop();
                assertTrue(auto.stderr().contains("no DRM device at /nonexistent/card9: running headless"), auto.stderr());
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** The libseat path as far as it goes without a DRM device (the KMS VM test runs it with seatd and virtio-gpu). */
    @Test
    void libseatSessionsSayWhyTheyCannotStart() throws Exception {
        Path dir = CompositorProcess.privateRuntimeDir();
        try {
            // no seat manager at the socket libseat is sent to: --session libseat stops there, saying what to start
            ProcessBuilder noManager = CompositorProcess.builder(dir, "--backend", "drm", "--session", "libseat", "--drm-device", "/nonexistent/card9");
            noManager.environment().put("LIBSEAT_BACKEND", "seatd");
            noManager.environment().put("SEATD_SOCK", dir.resolve("no-seatd.sock").toString());
            Process p = noManager.start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String err = new String(p.getErrorStream().readAllBytes());
            assertEquals(1, p.exitValue(), err);
            assertTrue(err.contains("--session libseat: libseat cannot open a seat") && err.contains("start seatd"), err);
            if (javawc.os.LibC.getuid() == 0) {
                // as root, libseat's builtin seat manager hands over seat0; the device is then asked of it
                ProcessBuilder builtin = CompositorProcess.builder(dir, "--backend", "drm", "--session", "libseat", "--drm-device", "/nonexistent/card9");
                builtin.environment().put("LIBSEAT_BACKEND", "builtin");
                Process b = builtin.start();
                assertTrue(b.waitFor(30, TimeUnit.SECONDS));
                String berr = new String(b.getErrorStream().readAllBytes());
                assertEquals(1, b.exitValue(), berr);
                assertTrue(berr.contains("seat seat0 opened through libseat") && berr.contains("no DRM device at /nonexistent/card9"), berr);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void helpAndBadOptions() throws Exception {
        Process help = CompositorProcess.builder(null, "--help").start();
        assertTrue(help.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, help.exitValue());
        String usage = new String(help.getInputStream().readAllBytes());
        for (String option : new String[] {"--backend", "--socket", "--width", "--height", "--refresh", "--debug", "--session"}) {
            assertTrue(usage.contains(option), usage);
        }
        Process bad = CompositorProcess.builder(null, "--width", "wide").start();
        assertTrue(bad.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, bad.exitValue());
        assertTrue(new String(bad.getErrorStream().readAllBytes()).contains("--width needs a whole number"));
        Process badSession = CompositorProcess.builder(null, "--session", "logind").start();
        assertTrue(badSession.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, badSession.exitValue());
        assertTrue(new String(badSession.getErrorStream().readAllBytes()).contains("--session must be auto, direct or libseat, not 'logind'"));
    }

    @Test
    void debugPrintsAProtocolTrace() throws Exception {
        try (CompositorProcess c = CompositorProcess.start("--debug")) {
            try (Display d = c.connect()) {
                RealClientsIntegrationTest.globals(d);
            }
            c.stop();
            String err = c.stderr();
            assertTrue(err.matches("(?s).*\\[ *\\d+\\.\\d{3}] wl_display@1\\.get_registry\\(new id wl_registry@2\\).*"), err);
            assertTrue(err.matches("(?s).* -> wl_registry@2\\.global\\(\\d+, \"wl_output\", 4\\).*"), err);
            assertTrue(err.contains(" -> wl_display@1.delete_id(3)"), err);
        }
    }

    @Test
    void twoHundredClientsLeaveNoDescriptorsBehind() throws Exception {
        try (CompositorProcess c = CompositorProcess.start(); OwnedFd memfd = Descriptors.memfd("leak-check", 4096)) {
            try (Display warmup = c.connect()) {
                RealClientsIntegrationTest.globals(warmup); // first-use allocations out of the way
            }
            waitForFdCount(c, -1);
            long before = c.fdCount();
            for (int i = 0; i < 200; i++) {
                switch (i % 4) {
                    case 0 -> {
                        try (Display d = c.connect()) {
                            RealClientsIntegrationTest.globals(d);
                        }
                    }
                    case 1 -> {
                        // leaves fds queued with half a message
                        try (RawClient r = new RawClient(c.socket())) {
                            r.sendWithFds(new byte[] {1, 0, 0, 0}, memfd.get(), memfd.get());
                        }
                    }
                    case 2 -> {
                        try (RawClient r = new RawClient(c.socket())) {
                            r.send(RawClient.message(99, 0)); // protocol error
                            r.readUntilClosed(10_000);
                        }
                    }
                    default -> new RawClient(c.socket()).close(); // connect and vanish
                }
            }
            long after = waitForFdCount(c, before);
            assertEquals(before, after, "compositor fds before and after 200 clients");
            assertTrue(c.process.isAlive());
        }
    }

    /** Polls until the compositor has {@code expected} fds (or is stable, for -1); returns the count. */
    private static long waitForFdCount(CompositorProcess c, long expected) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000, last = -2;
        while (System.currentTimeMillis() < deadline) {
            long n = c.fdCount();
            if (n == expected || expected < 0 && n == last) return n;
            last = n;
            Thread.sleep(100);
        }
        return c.fdCount();
    }
}
