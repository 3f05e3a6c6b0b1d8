package javawc.compositor;

import javawc.client.ProtocolErrorException;
import javawc.client.protocol.ExtSessionLockManagerV1;
import javawc.client.protocol.ExtSessionLockSurfaceV1;
import javawc.client.protocol.ExtSessionLockV1;
import javawc.client.protocol.WlOutput;
import javawc.client.protocol.WlSurface;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * ext_session_lock_v1 on a compositor with two outputs: swaylock covers both and takes the
 * input; a locker of ours that unlocks gives the input back; a locker killed while locked leaves
 * the session locked (black, input to nobody) until a new locker unlocks; the protocol's errors.
 * Every test leaves the session unlocked.
 */
class SessionLockIntegrationTest {
    private static final int WIDTH = 640, HEIGHT = 480, KEY_A = 30;
    private static final int LOCK_COLOUR = 0x112233, WINDOW_COLOUR = 0xff0000;
    private static final String[] OUTPUTS = {"HEADLESS-1", "HEADLESS-2"};
    private static CompositorProcess compositor;
    private static ControlClient control;

    @BeforeAll
    static void start() throws Exception {
        compositor = CompositorProcess.startWithControl("--backend", "headless", "--outputs", "2", "--width", "" + WIDTH, "--height", "" + HEIGHT,
                "--config", CompositorProcess.everyPrivilegeConfig().toString());
        control = compositor.control();
    }

    @AfterAll
    static void stop() throws Exception {
        if (control != null) control.close();
        if (compositor != null) compositor.close();
    }

    /** A locker written with our client library: its lock, a lock surface per output in one colour, and its seat's events. */
    static final class Locker implements AutoCloseable {
        final TestClient client;
        final SeatEvents seat;
        final ExtSessionLockV1 lock;
        final List<WlSurface> surfaces = new ArrayList<>();
        boolean locked, finished;

        Locker() throws Exception {
            client = new TestClient(compositor);
            seat = new SeatEvents(client);
            lock = client.bind(ExtSessionLockManagerV1.TYPE, 1).lock();
            lock.setListener(new ExtSessionLockV1.Listener() {
                @Override
                public void locked(ExtSessionLockV1 self) {
                    locked = true;
                }

                @Override
                public void finished(ExtSessionLockV1 self) {
                    finished = true;
                }
            });
            client.display.roundtrip();
        }

        /** A lock surface on {@code output} whose buffer of the configured size is committed without acking the configure. */
        WlSurface coverWithoutAck(WlOutput output, int argb) throws Exception {
            WlSurface s = client.compositor.createSurface();
            int[] conf = new int[3];
            lock.getLockSurface(s, output).setListener(new ExtSessionLockSurfaceV1.Listener() {
                @Override
                public void configure(ExtSessionLockSurfaceV1 self, int serial, int width, int height) {
                    conf[0] = serial;
                    conf[1] = width;
                    conf[2] = height;
                }
            });
            client.display.roundtrip();
            assertArrayEquals(new int[] {WIDTH, HEIGHT}, new int[] {conf[1], conf[2]}, "configured to the output's size");
            TestClient.ShmBuffer b = client.new ShmBuffer(conf[1], conf[2], argb);
            s.attach(b.buffer, 0, 0);
            s.damageBuffer(0, 0, conf[1], conf[2]);
            s.commit();
            return s;
        }

        void coverAll() throws Exception {
            for (WlOutput o : client.outputs) surfaces.add(ackedCover(o));
            client.display.roundtrip();
        }

        private WlSurface ackedCover(WlOutput output) throws Exception {
            WlSurface s = client.compositor.createSurface();
            int[] conf = new int[3];
            lock.getLockSurface(s, output).setListener(new ExtSessionLockSurfaceV1.Listener() {
                @Override
                public void configure(ExtSessionLockSurfaceV1 self, int serial, int width, int height) {
                    conf[0] = serial;
                    conf[1] = width;
                    conf[2] = height;
                    self.ackConfigure(serial);
                }
            });
            client.display.roundtrip();
            TestClient.ShmBuffer b = client.new ShmBuffer(conf[1], conf[2], 0xff000000 | LOCK_COLOUR);
            s.attach(b.buffer, 0, 0);
            s.damageBuffer(0, 0, conf[1], conf[2]);
            s.commit();
            return s;
        }

        void unlock() throws Exception {
            lock.unlockAndDestroy();
            client.display.roundtrip();
        }

        @Override
        public void close() {
            client.close();
        }
    }

    /** The window of another client, with the keyboard, and its seat's events. */
    private record Victim(TestClient client, SeatEvents seat, TestClient.Window window) implements AutoCloseable {
        static Victim open(String appId) throws Exception {
            TestClient c = new TestClient(compositor);
            SeatEvents seat = new SeatEvents(c);
            c.autoAck = true;
            TestClient.Window w = c.window(c.new ShmBuffer(200, 150, 0xff000000 | WINDOW_COLOUR), "victim", appId);
            seat.await("keyboard.enter " + w.surface().id() + " []");
            control.ok("place " + appId + " 100 100");
            return new Victim(c, seat, w);
        }

        void assertNoKeysOrButtons() throws Exception {
            assertFalse(seat.pending().stream().anyMatch(e -> e.startsWith("keyboard.key") || e.startsWith("pointer.button")), seat.events.toString());
        }

        @Override
        public void close() {
            client.close();
        }
    }

    /** Screenshots of both outputs until each shows {@code rgb} at its corners, centre and where the window is (away from the pointer). */
    private static void awaitBothOutputs(int rgb, String what) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            List<Screenshot> shots = Screenshot.takeEach(compositor, compositor.screenshotPath(), OUTPUTS);
            boolean all = true;
            for (Screenshot s : shots) {
                for (int[] p : new int[][] {{2, 2}, {WIDTH - 3, HEIGHT - 3}, {WIDTH / 2, HEIGHT / 2}, {250, 110}, {WIDTH - 3, 2}}) {
                    all &= s.rgb(p[0], p[1]) == rgb;
                }
            }
            if (all) return;
            if (System.currentTimeMillis() > deadline) fail("the outputs never both showed " + what + "; " + compositor.stderr());
            Thread.sleep(100);
        }
    }

    private static void typeAndClick() throws Exception {
        control.ok("key " + KEY_A + " press", "key " + KEY_A + " release", "pointer-motion 150 150",
                "pointer-button BTN_LEFT press", "pointer-button BTN_LEFT release");
    }

    @Test
    void ourLockerAloneGetsTheInputAndUnlockingGivesItBackToTheWindow() throws Exception {
        try (Victim victim = Victim.open("test.lock.ours"); Locker locker = new Locker()) {
            assertTrue(locker.locked, "locked at once");
            locker.coverAll();
            victim.seat.await("keyboard.leave " + victim.window().surface().id());
            locker.seat.awaitPrefix("keyboard.enter " + locker.surfaces.getFirst().id());
            awaitBothOutputs(LOCK_COLOUR, "the lock surfaces");

            typeAndClick();
            locker.seat.await("keyboard.key 30 1");
            locker.seat.await("pointer.button 272 1"); // the pointer over the window's place finds the lock surface
            victim.client.display.roundtrip();
            victim.assertNoKeysOrButtons();

            locker.unlock();
            victim.seat.await("keyboard.enter " + victim.window().surface().id() + " []");
            control.ok("key " + KEY_A + " press", "key " + KEY_A + " release");
            victim.seat.await("keyboard.key 30 1");
            Screenshot first = Screenshot.takeEach(compositor, compositor.screenshotPath(), OUTPUTS).getFirst();
            assertEquals(WINDOW_COLOUR, first.rgb(250, 200), "the window is shown again");
        }
    }

    @Test
    void swaylockCoversEveryOutputAndAKilledLockerLeavesTheSessionLocked() throws Exception {
        try (Victim victim = Victim.open("test.lock.swaylock")) {
            Path log = Files.createTempFile("swaylock", ".log");
            ProcessBuilder pb = new ProcessBuilder("swaylock", "-c", String.format("%06x", LOCK_COLOUR)).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("XDG_RUNTIME_DIR", compositor.runtimeDir.toString());
            pb.environment().put("WAYLAND_DISPLAY", compositor.display);
            Process swaylock = pb.start();
            try {
                awaitBothOutputs(LOCK_COLOUR, "swaylock's colour");
                victim.seat.await("keyboard.leave " + victim.window().surface().id());
                typeAndClick();
                victim.client.display.roundtrip();
                victim.assertNoKeysOrButtons();
            } finally {
                swaylock.destroyForcibly().waitFor(5, TimeUnit.SECONDS); // SIGKILL: it cannot unlock on its way out
            }
            awaitBothOutputs(0x000000, "black after the locker died: " + Files.readString(log));
            typeAndClick();
            victim.client.display.roundtrip();
            victim.assertNoKeysOrButtons();
            assertTrue(compositor.stderr().contains("went away without unlocking"), compositor.stderr());

            try (Locker next = new Locker()) {
                assertTrue(next.locked, "a new locker takes over the abandoned lock");
                next.unlock();
            }
            victim.seat.await("keyboard.enter " + victim.window().surface().id() + " []");
            assertEquals(WINDOW_COLOUR, Screenshot.takeEach(compositor, compositor.screenshotPath(), OUTPUTS).getFirst().rgb(250, 200));
        }
    }

    private static void unlockWithANewLocker() throws Exception {
        try (Locker next = new Locker()) {
            assertTrue(next.locked);
            next.unlock();
        }
    }

    private static ProtocolErrorException error(TestClient c) {
        return assertThrows(ProtocolErrorException.class, c.display::roundtrip);
    }

    @Test
    void aSecondLockIsFinishedAndCannotUnlock() throws Exception {
        try (Locker first = new Locker(); Locker second = new Locker()) {
            assertTrue(first.locked);
            assertTrue(second.finished && !second.locked);
            second.lock.unlockAndDestroy();
            assertEquals(ExtSessionLockV1.Error.INVALID_UNLOCK, error(second.client).code());
            first.unlock();
        }
    }

    @Test
    void destroyingALockInForceIsAnErrorAndTheSessionStaysLocked() throws Exception {
        try (Locker locker = new Locker()) {
            locker.lock.destroy();
            assertEquals(ExtSessionLockV1.Error.INVALID_DESTROY, error(locker.client).code());
        }
        awaitBothOutputs(0x000000, "black: still locked");
        unlockWithANewLocker();
    }

    @Test
    void lockSurfaceErrors() throws Exception {
        try (Locker locker = new Locker()) { // two on one output
            locker.lock.getLockSurface(locker.client.compositor.createSurface(), locker.client.output);
            locker.lock.getLockSurface(locker.client.compositor.createSurface(), locker.client.output);
            assertEquals(ExtSessionLockV1.Error.DUPLICATE_OUTPUT, error(locker.client).code());
        }
        unlockWithANewLocker();
        try (Locker locker = new Locker()) { // a surface with another role
            WlSurface s = locker.client.compositor.createSurface();
            locker.client.wmBase.getXdgSurface(s).getToplevel();
            locker.lock.getLockSurface(s, locker.client.output);
            assertEquals(ExtSessionLockV1.Error.ROLE, error(locker.client).code());
        }
        unlockWithANewLocker();
        try (Locker locker = new Locker()) { // a buffer committed before the configure was acked
            locker.coverWithoutAck(locker.client.output, 0xff000000 | LOCK_COLOUR);
            assertEquals(ExtSessionLockSurfaceV1.Error.COMMIT_BEFORE_FIRST_ACK, error(locker.client).code());
        }
        unlockWithANewLocker();
        try (Locker locker = new Locker()) { // a serial never sent
            WlSurface s = locker.client.compositor.createSurface();
            ExtSessionLockSurfaceV1 ls = locker.lock.getLockSurface(s, locker.client.output);
            ls.ackConfigure(987654);
            assertEquals(ExtSessionLockSurfaceV1.Error.INVALID_SERIAL, error(locker.client).code());
        }
        unlockWithANewLocker();
        try (Locker locker = new Locker()) { // a buffer not of the acked size
            WlSurface s = locker.client.compositor.createSurface();
            locker.lock.getLockSurface(s, locker.client.output).setListener(new ExtSessionLockSurfaceV1.Listener() {
                @Override
                public void configure(ExtSessionLockSurfaceV1 self, int serial, int width, int height) {
                    self.ackConfigure(serial);
                }
            });
            locker.client.display.roundtrip();
            TestClient.ShmBuffer small = locker.client.new ShmBuffer(100, 100, 0xff000000 | LOCK_COLOUR);
            s.attach(small.buffer, 0, 0);
            s.commit();
            assertEquals(ExtSessionLockSurfaceV1.Error.DIMENSIONS_MISMATCH, error(locker.client).code());
        }
        unlockWithANewLocker();
    }
}
