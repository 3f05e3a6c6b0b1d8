package javawc.compositor;

import javawc.client.protocol.WlDataSource;
import javawc.client.protocol.WlSurface;
import javawc.client.protocol.ZwlrDataControlSourceV1;
import javawc.os.OwnedFd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static javawc.client.protocol.WlDataDeviceManager.DndAction.COPY;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The hostile-client cases that need the seat (docs/ROBUSTNESS.md): a clipboard owner that
 * never writes what it is asked for, with Debian's wl-paste on the other end, and a drag
 * whose source client dies mid-drag. Each ends with the others unaffected and the
 * compositor's descriptors back where they were.
 */
class HostileDataIntegrationTest extends ControlledCompositorTest {
    private long fdsBefore;

    @BeforeEach
    void count() throws Exception {
        fdsBefore = WlClipboardIntegrationTest.settledFdCount(compositor);
    }

    @AfterEach
    void nothingLeft() throws Exception {
        control.ok("pointer-button BTN_LEFT release");
        assertTrue(compositor.process.isAlive(), compositor.stderr());
        try (TestClient bystander = new TestClient(compositor)) {
            bystander.display.roundtrip();
        }
        WlClipboardIntegrationTest.awaitFdCount(compositor, fdsBefore);
    }

    @Test
    void aClipboardOwnerThatNeverWritesBlocksOnlyItsReader() throws Exception {
        List<OwnedFd> held = new ArrayList<>();
        Process paste;
        try (TestClient owner = new TestClient(compositor)) {
            DataControlEvents control = new DataControlEvents(owner);
            ZwlrDataControlSourceV1 source = control.manager.createDataSource().setListener(new ZwlrDataControlSourceV1.Listener() {
                @Override
                public void send(ZwlrDataControlSourceV1 self, String mimeType, OwnedFd fd) {
                    held.add(fd); // asked for the data: keeps the pipe open and never writes
                }
            });
            source.offer("text/plain;charset=utf-8");
            source.offer("text/plain");
            control.device.setSelection(source);
            control.await("control.selection offer [text/plain;charset=utf-8, text/plain]");

            ProcessBuilder pb = new ProcessBuilder("wl-paste", "--no-newline").redirectErrorStream(true);
            pb.environment().put("XDG_RUNTIME_DIR", compositor.runtimeDir.toString());
            pb.environment().put("WAYLAND_DISPLAY", compositor.socket().getFileName().toString());
            paste = pb.start();
            long deadline = System.currentTimeMillis() + 10_000;
            while (held.isEmpty() && System.currentTimeMillis() < deadline) owner.display.dispatch(100);
            assertEquals(1, held.size(), "wl-paste's pipe reached the owner");
            // the paste waits on the owner; nobody else does
            try (TestClient other = new TestClient(compositor)) {
                other.display.roundtrip();
            }
            assertTrue(paste.isAlive(), "wl-paste still waits for data");
        } // the owner goes away without writing: its end of the pipe closes with it
        held.forEach(OwnedFd::close);
        assertTrue(paste.waitFor(10, TimeUnit.SECONDS), "wl-paste ends once the owner is gone");
        String out = new String(paste.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("", out.replaceAll("(?m)^.*(No selection|Nothing is copied).*$\\n?", ""), "wl-paste printed no data");
    }

    @Test
    void aDragWhoseSourceDiesMidDragIsCancelledForTheTarget() throws Exception {
        TestClient a = new TestClient(compositor), b = new TestClient(compositor);
        try (b; TestClient.ShmBuffer blue = b.new ShmBuffer(200, 100, 0xff0000ff)) {
            SeatEvents seatA = new SeatEvents(a), seatB = new SeatEvents(b);
            DataDeviceEvents dndA = new DataDeviceEvents(seatA), dndB = new DataDeviceEvents(seatB);
            TestClient.ShmBuffer red = a.new ShmBuffer(200, 100, 0xffff0000);
            WlSurface from = a.window(red, "drag from", "test.hostile-drag-from").surface();
            WlSurface to = b.window(blue, "drop to", "test.hostile-drop-to").surface();
            control.ok("place test.hostile-drag-from 0 0", "place test.hostile-drop-to 400 0");
            control.ok("pointer-motion 50 50", "pointer-button BTN_LEFT press");
            seatA.await("pointer.button 272 1");
            WlDataSource source = dndA.source("never dropped", "text/plain");
            source.setActions(COPY);
            dndA.device.startDrag(source, from, null, seatA.buttonSerial);
            seatA.await("pointer.leave " + from.id());
            control.ok("pointer-motion 450 60");
            seatB.await("data_device.enter " + to.id() + " 50.0 60.0 offer");

            a.close(); // the source's client dies mid-drag
            red.close();
            seatB.await("data_device.leave");
            control.ok("pointer-motion 460 70", "pointer-button BTN_LEFT release");
            seatB.await("pointer.enter " + to.id() + " 60.0 70.0"); // an ordinary pointer again
            assertFalse(seatB.pending().contains("data_device.drop"), "nothing dropped: " + seatB.events);
            assertNotNull(dndB.device);
        }
    }
}
