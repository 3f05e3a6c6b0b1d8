package javawc.compositor;

import javawc.client.ProtocolErrorException;
import javawc.client.protocol.WlDataDevice;
import javawc.client.protocol.WlDataOffer;
import javawc.client.protocol.WlDataSource;
import javawc.client.protocol.WlSurface;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static javawc.client.protocol.WlDataDeviceManager.DndAction.ASK;
import static javawc.client.protocol.WlDataDeviceManager.DndAction.COPY;
import static javawc.client.protocol.WlDataDeviceManager.DndAction.MOVE;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Drag and drop between two test clients, driven through the control channel: a press on
 * the source's window, start_drag with an icon, motion over the target's window, the action
 * both sides allow, release, the data through a pipe, finish. Also drops that nothing
 * accepted, an "ask" settled after the drop, and the requests the protocol refuses.
 */
@ParameterizedClass(name = "{0} renderer")
@ValueSource(strings = {"software", "gles"})
class DragAndDropIntegrationTest {
    /** Every test runs with both renderers; gles fails (never skips) when EGL cannot start. */
    @Parameter
    String renderer;

    private static final int RED = 0xffff0000, BLUE = 0xff0000ff, GREEN = 0xff00ff00;
    private static CompositorProcess compositor;
    private static ControlClient control;

    /** Client a's window "test.drag-from" at (0, 0) and client b's "test.drop-to" at (400, 0), 200x100 each. */
    private record Pair(TestClient a, SeatEvents seatA, DataDeviceEvents dndA, WlSurface from,
                        TestClient b, SeatEvents seatB, DataDeviceEvents dndB, WlSurface to, List<TestClient.ShmBuffer> buffers) implements AutoCloseable {
        @Override
        public void close() {
            a.close();
            b.close();
            buffers.forEach(TestClient.ShmBuffer::close);
        }
    }

    @BeforeParameterizedClassInvocation
    static void start(String renderer) throws Exception {
        compositor = CompositorProcess.startWithControl("--backend", "headless", "--renderer", renderer);
        control = compositor.control();
    }

    @AfterEach
    void releaseTheButton() throws Exception {
        control.ok("pointer-button BTN_LEFT release"); // a test that failed mid-drag leaves the pointer usable
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        if (control != null) control.close();
        if (compositor != null) compositor.close();
    }

    private static Pair twoWindows() throws Exception {
        TestClient a = new TestClient(compositor), b = new TestClient(compositor);
        SeatEvents seatA = new SeatEvents(a), seatB = new SeatEvents(b);
        DataDeviceEvents dndA = new DataDeviceEvents(seatA), dndB = new DataDeviceEvents(seatB);
        TestClient.ShmBuffer red = a.new ShmBuffer(200, 100, RED), blue = b.new ShmBuffer(200, 100, BLUE);
        TestClient.Window from = a.window(red, "drag from", "test.drag-from");
        TestClient.Window to = b.window(blue, "drop to", "test.drop-to");
        control.ok("place test.drag-from 0 0", "place test.drop-to 400 0");
        return new Pair(a, seatA, dndA, from.surface(), b, seatB, dndB, to.surface(), List.of(red, blue));
    }

    /** Presses on a's window at (50, 50) and starts a drag of {@code source} with {@code icon}. */
    private static void pressAndDrag(Pair p, WlDataSource source, WlSurface icon) throws Exception {
        control.ok("pointer-motion 50 50", "pointer-button BTN_LEFT press");
        p.seatA.await("pointer.button 272 1");
        p.dndA.device.startDrag(source, p.from, icon, p.seatA.buttonSerial);
        p.seatA.await("pointer.leave " + p.from.id()); // the pointer is the drag's now
    }

    /** Moves over b's window and waits for the enter there. */
    private static WlDataOffer enterB(Pair p, int sourceActions) throws Exception {
        control.ok("pointer-motion 450 60");
        p.seatA.await("data_device.leave");
        p.seatB.await("data_device.enter " + p.to.id() + " 50.0 60.0 offer");
        p.seatB.await("offer.source_actions " + sourceActions);
        return p.dndB.offer;
    }

    @Test
    void aDragNegotiatesMoveDropsTheDataAndFinishes() throws Exception {
        try (Pair p = twoWindows(); TestClient.ShmBuffer green = p.a.new ShmBuffer(10, 10, GREEN)) {
            WlDataSource source = p.dndA.source("dragged text", "text/plain", "text/html");
            source.setActions(COPY | MOVE);
            WlSurface icon = p.a.compositor.createSurface();
            pressAndDrag(p, source, icon);
            icon.attach(green.buffer, 0, 0);
            icon.damageBuffer(0, 0, 10, 10);
            icon.commit();
            p.seatA.await("data_device.enter " + p.from.id() + " 50.0 50.0 offer"); // over its own window first

            WlDataOffer offer = enterB(p, COPY | MOVE);
            List<String> b = p.seatB.events;
            int enter = b.indexOf("data_device.enter " + p.to.id() + " 50.0 60.0 offer");
            assertEquals(List.of("data_device.data_offer", "offer.offer text/plain", "offer.offer text/html"), b.subList(enter - 3, enter));
            assertEquals(GREEN & 0xffffff, screenshot().rgb(455, 65), "the icon's corner is at the pointer");

            offer.accept(p.dndB.enterSerial, "text/plain");
            offer.setActions(COPY | MOVE, MOVE);
            p.b.display.flush();
            p.seatA.await("source.target text/plain");
            p.seatA.await("source.action " + MOVE);
            p.seatB.await("offer.action " + MOVE);
            control.ok("pointer-motion 460 70");
            p.seatB.await("data_device.motion 60.0 70.0");

            control.ok("pointer-button BTN_LEFT release");
            p.seatB.await("data_device.drop");
            p.seatA.await("source.dnd_drop_performed");
            assertEquals("dragged text", p.dndB.receive(offer, "text/plain", p.seatA));
            offer.finish();
            p.b.display.flush();
            p.seatA.await("source.dnd_finished");
            p.seatB.await("pointer.enter " + p.to.id() + " 60.0 70.0"); // the pointer is ordinary again
            assertFalse(p.seatB.pending().contains("data_device.leave"), "no leave after a drop: " + p.seatB.events);
            assertEquals(BLUE & 0xffffff, screenshot().rgb(465, 75), "the icon is gone");
        }
    }

    @Test
    void aDropThatNothingAcceptedIsCancelled() throws Exception {
        try (Pair p = twoWindows()) {
            WlDataSource source = p.dndA.source("unwanted", "text/plain");
            source.setActions(COPY);
            pressAndDrag(p, source, null);
            enterB(p, COPY);
            control.ok("pointer-button BTN_LEFT release");
            p.seatB.await("data_device.leave");
            p.seatA.await("source.cancelled");
            assertFalse(p.seatB.pending().contains("data_device.drop"), p.seatB.events.toString());
        }
    }

    @Test
    void anAskIsSettledAfterTheDropAndTheSourceHearsTheFinalAction() throws Exception {
        try (Pair p = twoWindows()) {
            WlDataSource source = p.dndA.source("asked", "text/plain");
            source.setActions(COPY | MOVE | ASK);
            pressAndDrag(p, source, null);
            WlDataOffer offer = enterB(p, COPY | MOVE | ASK);
            offer.accept(p.dndB.enterSerial, "text/plain");
            offer.setActions(COPY | MOVE | ASK, ASK);
            p.b.display.flush();
            p.seatA.await("source.action " + ASK);
            control.ok("pointer-button BTN_LEFT release");
            p.seatB.await("data_device.drop");
            p.seatA.await("source.dnd_drop_performed");
            offer.setActions(MOVE, MOVE); // what the user picked from the menu
            offer.finish();
            p.b.display.flush();
            p.seatA.await("source.action " + MOVE);
            p.seatA.await("source.dnd_finished");
        }
    }

    @Test
    void finishWithoutAnAcceptedMimeTypeIsInvalidFinish() throws Exception {
        try (Pair p = twoWindows()) {
            WlDataSource source = p.dndA.source("x", "text/plain");
            source.setActions(COPY);
            pressAndDrag(p, source, null);
            WlDataOffer offer = enterB(p, COPY);
            offer.accept(p.dndB.enterSerial, "text/plain");
            offer.setActions(COPY, COPY);
            p.b.display.flush();
            p.seatA.await("source.action " + COPY);
            control.ok("pointer-button BTN_LEFT release");
            p.seatB.await("data_device.drop");
            offer.accept(p.dndB.enterSerial, null); // changes its mind, then finishes anyway
            offer.finish();
            ProtocolErrorException e = assertThrows(ProtocolErrorException.class, p.b.display::roundtrip);
            assertEquals(WlDataOffer.Error.INVALID_FINISH, e.code(), e.getMessage());
            p.seatA.await("source.cancelled"); // the destination went without finishing
        }
    }

    @Test
    void badActionMasksAreErrors() throws Exception {
        int[][] cases = {{8, 0, WlDataOffer.Error.INVALID_ACTION_MASK}, {COPY, MOVE, WlDataOffer.Error.INVALID_ACTION},
                {COPY | MOVE, COPY | MOVE, WlDataOffer.Error.INVALID_ACTION}};
        for (int[] c : cases) {
            try (Pair p = twoWindows()) {
                WlDataSource source = p.dndA.source("x", "text/plain");
                source.setActions(COPY | MOVE);
                pressAndDrag(p, source, null);
                WlDataOffer offer = enterB(p, COPY | MOVE);
                offer.setActions(c[0], c[1]);
                ProtocolErrorException e = assertThrows(ProtocolErrorException.class, p.b.display::roundtrip);
                assertEquals(c[2], e.code(), e.getMessage());
                control.ok("pointer-button BTN_LEFT release");
                p.seatA.await("source.cancelled");
            }
        }
        try (Pair p = twoWindows()) {
            p.dndA.source("x", "text/plain").setActions(16);
            ProtocolErrorException e = assertThrows(ProtocolErrorException.class, p.a.display::roundtrip);
            assertEquals(WlDataSource.Error.INVALID_ACTION_MASK, e.code(), e.getMessage());
        }
    }

    @Test
    void startDragWithoutAHeldButtonIsIgnoredAndAnIconWithAnotherRoleIsAnError() throws Exception {
        try (Pair p = twoWindows()) {
            WlDataSource source = p.dndA.source("x", "text/plain");
            control.ok("pointer-motion 50 50");
            p.seatA.awaitPrefix("pointer.enter " + p.from.id());
            p.dndA.device.startDrag(source, p.from, null, p.seatA.pointerEnterSerial);
            p.seatA.await("source.cancelled");
            control.ok("pointer-motion 450 60");
            assertFalse(p.seatB.pending().stream().anyMatch(e -> e.startsWith("data_device.enter")), p.seatB.events.toString());

            control.ok("pointer-motion 50 50", "pointer-button BTN_LEFT press");
            p.seatA.await("pointer.button 272 1");
            p.dndA.device.startDrag(p.dndA.source("y", "text/plain"), p.from, p.from, p.seatA.buttonSerial); // its window as the icon
            ProtocolErrorException e = assertThrows(ProtocolErrorException.class, p.a.display::roundtrip);
            assertEquals(WlDataDevice.Error.ROLE, e.code(), e.getMessage());
        }
    }

    private static Screenshot screenshot() throws Exception {
        Thread.sleep(100); // past the next refresh
        return Screenshot.take(compositor, compositor.screenshotPath());
    }
}
