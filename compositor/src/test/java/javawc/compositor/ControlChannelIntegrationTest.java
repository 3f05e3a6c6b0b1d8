package javawc.compositor;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The --control-socket option: off by default, owner-only, careful with what is already at its path. */
class ControlChannelIntegrationTest {
    @Test
    void thereIsNoControlSocketUnlessAsked() throws Exception {
        try (CompositorProcess c = CompositorProcess.start("--backend", "headless");
             Stream<Path> files = Files.list(c.runtimeDir)) {
            // the user's IPC socket is there by default; the test-input channel is not
            assertEquals(List.of("javawc-" + c.display + ".sock", c.display, c.display + ".lock"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void theSocketIsOurUsersAloneAndGoesAtExit() throws Exception {
        Path socket;
        try (CompositorProcess c = CompositorProcess.startWithControl("--backend", "headless")) {
            socket = c.controlSocket();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
            assertEquals(System.getProperty("user.name"), Files.getOwner(socket).getName());
            assertEquals(0, c.stop());
            assertFalse(Files.exists(socket), "removed at a clean exit");
        }
    }

    @Test
    void badCommandsAreAnsweredWithAnErrorAndTheChannelCarriesOn() throws Exception {
        try (CompositorProcess c = CompositorProcess.startWithControl("--backend", "headless"); ControlClient control = c.control()) {
            assertEquals(List.of("error unknown command 'warp'"), control.send("warp 1 2"));
            assertEquals(List.of("error usage: pointer-motion X Y"), control.send("pointer-motion 1"));
            assertEquals(List.of("error no shown window has app_id 'nobody'"), control.send("place nobody 1 2"));
            assertEquals(List.of("ok"), control.send("list-windows"));
            assertEquals(List.of("ok"), control.send("pointer-motion 10 10"));
        }
    }

    @Test
    void aPathThatIsNotOurSocketIsLeftAloneAndTheCompositorRefusesToStart() throws Exception {
        Path dir = CompositorProcess.privateRuntimeDir();
        Path file = dir.resolve("control");
        Files.writeString(file, "precious");
        try {
            IOException e = assertThrows(IOException.class,
                    () -> CompositorProcess.start(dir, "--backend", "headless", "--control-socket", file.toString()).close());
            assertTrue(e.getMessage().contains("exists and is not a socket"), e.getMessage());
            assertEquals("precious", Files.readString(file));
        } finally {
            deleteTree(dir);
        }
    }

    @Test
    void aSocketSomeoneListensOnIsInUseButAStaleOneIsReplaced() throws Exception {
        Path dir = CompositorProcess.privateRuntimeDir();
        Path path = dir.resolve("control");
        try {
            try (ServerSocketChannel live = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                live.bind(UnixDomainSocketAddress.of(path));
                IOException e = assertThrows(IOException.class,
                        () -> CompositorProcess.start(dir, "--backend", "headless", "--control-socket", path.toString()).close());
                assertTrue(e.getMessage().contains("is in use"), e.getMessage());
            }
            assertTrue(Files.exists(path), "closing a listener leaves its socket file: a stale socket");
            try (CompositorProcess c = CompositorProcess.start(dir, "--backend", "headless", "--control-socket", path.toString());
                 ControlClient control = new ControlClient(path)) {
                assertEquals(List.of("ok"), control.send("list-windows"));
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
