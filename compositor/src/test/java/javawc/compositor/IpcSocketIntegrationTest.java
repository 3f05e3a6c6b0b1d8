package javawc.compositor;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The IPC socket's life with the compositor's (owner-only, replaces a stale one, gone at exit,
 * quit ends the compositor) and scripts/ctl run as a user runs it.
 */
class IpcSocketIntegrationTest {
    private static final Path CTL = Path.of(System.getProperty("user.dir")).getParent().resolve("scripts/ctl");

    @Test
    void theSocketIsTheOwnersOnlyAndGoesAtExit() throws Exception {
        Path socket;
        try (CompositorProcess c = CompositorProcess.start("--backend", "headless")) {
            socket = IpcIntegrationTest.ipcSocket(c);
            assertTrue(Files.exists(socket), "the IPC socket is on by default");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
            assertEquals(0140000, (Integer) Files.getAttribute(socket, "unix:mode") & 0170000, "a socket");
            assertEquals(0, c.stop());
            assertFalse(Files.exists(socket), "removed at exit");
        }
    }

    @Test
    void quitEndsTheCompositorCleanly() throws Exception {
        try (CompositorProcess c = CompositorProcess.start("--backend", "headless")) {
            Path socket = IpcIntegrationTest.ipcSocket(c);
            try (IpcIntegrationTest.IpcClient ipc = new IpcIntegrationTest.IpcClient(socket)) {
                ipc.ok("quit");
            }
            assertEquals(0, c.awaitExit(15), c.stderr());
            assertFalse(Files.exists(socket));
            assertFalse(Files.exists(c.socket()), "the Wayland socket went too");
        }
    }

    @Test
    void aStaleSocketIsReplacedAndAFileThatIsNotASocketIsRefused() throws Exception {
        Path dir = CompositorProcess.privateRuntimeDir();
        try {
            Path stale = dir.resolve("javawc-wayland-7.sock");
            try (ServerSocketChannel left = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                left.bind(UnixDomainSocketAddress.of(stale)); // a crashed compositor's: its file stays, nobody answers
            }
            try (CompositorProcess c = CompositorProcess.start(dir, "--backend", "headless", "--socket", "wayland-7");
                 IpcIntegrationTest.IpcClient ipc = new IpcIntegrationTest.IpcClient(stale)) {
                assertEquals("HEADLESS-1", ipc.ok("outputs").get("outputs").get(0).get("name").asText());
            }
            Files.writeString(dir.resolve("javawc-wayland-8.sock"), "not a socket");
            Process p = CompositorProcess.builder(dir, "--backend", "headless", "--socket", "wayland-8").start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, p.exitValue(), err);
            assertTrue(err.contains("exists and is not a socket"), err);
            assertEquals("not a socket", Files.readString(dir.resolve("javawc-wayland-8.sock")), "left alone");
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    record Run(int exitCode, String stdout, String stderr) {}

    static Run ctl(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CTL.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("JAVAWC_SOCK");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("JAVAWC_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile("ctl", ".out"), err = Files.createTempFile("ctl", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("scripts/ctl " + List.of(args) + " did not finish");
            }
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    @Test
    void ctlFindsTheSocketPrintsRepliesAndFailsWithTheError() throws Exception {
        try (CompositorProcess c = CompositorProcess.start("--backend", "headless")) {
            Map<String, String> env = Map.of("XDG_RUNTIME_DIR", c.runtimeDir.toString());
            Run outputs = ctl(env, "outputs"); // the only javawc socket in XDG_RUNTIME_DIR
            assertEquals(0, outputs.exitCode(), outputs.stderr());
            JsonNode list = IpcIntegrationTest.JSON.readTree(outputs.stdout());
            assertTrue(list.isArray(), outputs.stdout());
            assertEquals("HEADLESS-1", list.get(0).get("name").asText());
            assertTrue(outputs.stdout().contains("\n"), "printed to be read: " + outputs.stdout());

            Run windows = ctl(Map.of("XDG_RUNTIME_DIR", "/nonexistent"), "--socket", IpcIntegrationTest.ipcSocket(c).toString(), "windows");
            assertEquals(0, windows.exitCode(), windows.stderr());
            assertEquals(0, IpcIntegrationTest.JSON.readTree(windows.stdout()).size(), "no windows yet: " + windows.stdout());

            Run bad = ctl(env, "focus", "4242");
            assertEquals(1, bad.exitCode());
            assertEquals("", bad.stdout());
            assertTrue(bad.stderr().contains("no shown window has id 4242"), bad.stderr());

            Run noCommand = ctl(env);
            assertEquals(2, noCommand.exitCode());
            assertTrue(noCommand.stderr().contains("usage: scripts/ctl"), noCommand.stderr());

            Run nobody = ctl(Map.of("JAVAWC_SOCK", c.runtimeDir.resolve("javawc-nobody.sock").toString()), "windows");
            assertEquals(2, nobody.exitCode());
            assertTrue(nobody.stderr().contains("cannot talk to the compositor"), nobody.stderr());

            // a program the compositor starts finds it through JAVAWC_SOCK, with no XDG_RUNTIME_DIR to search
            Path seen = c.runtimeDir.resolve("from-child.json");
            Run spawn = ctl(env, "spawn", "sh", "-c", "XDG_RUNTIME_DIR= JAVA_HOME='" + System.getProperty("java.home") + "' JAVAWC_CLASSPATH='"
                    + System.getProperty("java.class.path") + "' " + CTL + " outputs > " + seen + ".tmp && mv " + seen + ".tmp " + seen);
            assertEquals(0, spawn.exitCode(), spawn.stderr());
            long deadline = System.currentTimeMillis() + 30_000;
            while (!Files.exists(seen) && System.currentTimeMillis() < deadline) Thread.sleep(50);
            assertEquals("HEADLESS-1", IpcIntegrationTest.JSON.readTree(Files.readString(seen)).get(0).get("name").asText());
        }
    }
}
