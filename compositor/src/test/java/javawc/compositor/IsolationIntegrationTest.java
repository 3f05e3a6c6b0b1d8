package javawc.compositor;

import javawc.client.protocol.WlRegistry;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What one client must not get of another's (docs/ROBUSTNESS.md, isolation): keys typed into
 * another client's window, another client's buffers, and the sockets' permissions that keep
 * other users out. The clipboard's rule (only the focused client sees the selection) is
 * ClipboardIntegrationTest's.
 */
class IsolationIntegrationTest extends ControlledCompositorTest {
    private static final int KEY_A = 30;

    @Test
    void keysGoToTheFocusedClientOnly() throws Exception {
        try (TestClient a = new TestClient(compositor); TestClient.ShmBuffer red = a.new ShmBuffer(80, 80, 0xffff0000);
             TestClient b = new TestClient(compositor); TestClient.ShmBuffer blue = b.new ShmBuffer(80, 80, 0xff0000ff)) {
            SeatEvents aSeat = new SeatEvents(a);
            SeatEvents bSeat = new SeatEvents(b);
            a.window(red, "a");
            TestClient.Window bw = b.window(blue, "b"); // the newest window has the keyboard
            bSeat.await("keyboard.enter " + bw.surface().id() + " []");
            control.ok("key " + KEY_A + " press", "key " + KEY_A + " release");
            bSeat.await("keyboard.key 30 1");
            bSeat.await("keyboard.key 30 0");
            a.display.roundtrip();
            assertTrue(aSeat.events.stream().noneMatch(e -> e.startsWith("keyboard.key")), "the unfocused client saw keys: " + aSeat.events);
        }
    }

    @Test
    void anotherClientsBufferIsNotAnObjectOfYours() throws Exception {
        try (TestClient a = new TestClient(compositor); TestClient.ShmBuffer red = a.new ShmBuffer(80, 80, 0xffff0000)) {
            a.window(red, "a");
            int theirs = red.buffer.id();
            Map<String, Integer> names = new HashMap<>();
            a.display.wlDisplay().getRegistry().setListener(new WlRegistry.Listener() {
                @Override
                public void global(WlRegistry self, int name, String iface, int version) {
                    names.put(iface, name);
                }
            });
            a.display.roundtrip();
            try (RawClient b = new RawClient(compositor.socket())) {
                // ids are per client: the number of a's buffer names nothing of b's (or something that is no buffer)
                b.send(WireRequest.concat(RawClient.message(1, 1, 2),
                        WireRequest.to(2, 0).i(names.get("wl_compositor")).s("wl_compositor").i(1).i(3).bytes(),
                        RawClient.message(3, 0, 4), RawClient.message(4, 1, theirs, 0, 0), RawClient.message(4, 6)));
                RawClient.DisplayError e = RawClient.findError(b.readUntilClosed(10_000));
                assertNotNull(e);
                assertEquals(HostileClientsIntegrationTest.INVALID_OBJECT, e.code(), e.message());
            }
            a.display.roundtrip(); // a is untouched
        }
    }

    @Test
    void theSocketsKeepOtherUsersOut() throws Exception {
        Path dir = compositor.runtimeDir;
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)), "XDG_RUNTIME_DIR (the compositor refuses any other mode)");
        int uid = (Integer) Files.getAttribute(dir, "unix:uid");
        for (Path socket : new Path[] {compositor.socket(), compositor.controlSocket(), IpcIntegrationTest.ipcSocket(compositor)}) {
            assertEquals(0140000, (Integer) Files.getAttribute(socket, "unix:mode") & 0170000, socket + " is a socket");
            assertEquals(uid, (Integer) Files.getAttribute(socket, "unix:uid"), socket + " is ours");
            if (!socket.equals(compositor.socket())) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)), socket + ": owner only");
            }
        }
        Path lock = Path.of(compositor.socket() + ".lock");
        assertTrue(Files.exists(lock), "the display's lock file");
    }
}
