package javawc.compositor;

import javawc.client.ProtocolErrorException;
import javawc.client.protocol.WlKeyboard;
import javawc.client.protocol.WlSeat;
import javawc.client.protocol.XdgActivationTokenV1;
import javawc.client.protocol.XdgActivationV1;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * xdg_activation_v1 in one compositor in this JVM: a token asked for with a key press of the
 * focused client raises and focuses another client's window; one asked for by a client without
 * the focus, or without an input serial, or used twice, activates nothing; a request on a
 * committed token is already_used, for that client alone.
 */
class ActivationProtocolTest {
    private static final int KEY_A = 30;
    private InProcessCompositor compositor;
    private TestClient launcher, target;

    @BeforeEach
    void start() throws Exception {
        compositor = new InProcessCompositor("--backend", "headless");
        target = compositor.connect();
        launcher = compositor.connect();
    }

    @AfterEach
    void stop() throws Exception {
        launcher.close();
        target.close();
        compositor.close();
    }

    private String focusedTitle() throws Exception {
        return compositor.onLoop(() -> {
            var focus = compositor.compositor.seat().keyboardFocus();
            for (var w : compositor.compositor.scene().toplevels()) if (w.surface() == focus) return w.title();
            return null;
        });
    }

    private String token(TestClient c, Integer serial, WlSeat seat) throws Exception {
        XdgActivationV1 activation = new Binder(c.display).bind("xdg_activation_v1", XdgActivationV1.TYPE, 1);
        XdgActivationTokenV1 request = activation.getActivationToken();
        String[] token = {null};
        request.setListener(new XdgActivationTokenV1.Listener() {
            @Override
            public void done(XdgActivationTokenV1 self, String t) {
                token[0] = t;
            }
        });
        if (serial != null) request.setSerial(serial, seat);
        request.setAppId("javawc.test");
        request.commit();
        c.display.roundtrip();
        assertNotNull(token[0], "commit answers with a token, honoured or not");
        return token[0];
    }

    private void activate(String token, TestClient.Window w) throws Exception {
        new Binder(target.display).bind("xdg_activation_v1", XdgActivationV1.TYPE, 1).activate(token, w.surface());
        target.display.roundtrip();
    }

    @Test
    void aTokenForAKeyPressOfTheFocusedClientActivatesAnotherWindowOnce() throws Exception {
        TestClient.Window targetWindow = target.window(target.new ShmBuffer(100, 100, 0xff0000ff), "target");
        WlSeat seat = launcher.registry.bind(launcher.seatName, WlSeat.TYPE, 1);
        int[] keySerial = {0};
        seat.getKeyboard().setListener(new WlKeyboard.Listener() {
            @Override
            public void key(WlKeyboard self, int serial, int time, int key, int state) {
                if (state == 1) keySerial[0] = serial;
            }
        });
        launcher.window(launcher.new ShmBuffer(100, 100, 0xff00ff00), "launcher"); // newest: it has the focus
        launcher.display.roundtrip();
        compositor.onLoop(() -> {
            compositor.compositor.seat().keyboard().key(KEY_A, true, 1);
            compositor.compositor.seat().keyboard().key(KEY_A, false, 2);
            return null;
        });
        launcher.display.roundtrip();
        assertNotEquals(0, keySerial[0]);
        assertEquals("launcher", focusedTitle());

        String token = token(launcher, keySerial[0], seat);
        activate(token, targetWindow);
        assertEquals("target", focusedTitle(), "the token moved the focus");

        compositor.onLoop(() -> {
            compositor.compositor.scene().toplevels().stream().filter(w -> w.title().equals("launcher")).findFirst().orElseThrow().activate();
            return null;
        });
        activate(token, targetWindow);
        assertEquals("launcher", focusedTitle(), "a used token does nothing");
    }

    @Test
    void aTokenOfAClientWithoutTheFocusOrWithoutASerialIsRefused() throws Exception {
        TestClient.Window targetWindow = target.window(target.new ShmBuffer(100, 100, 0xff0000ff), "target");
        launcher.window(launcher.new ShmBuffer(100, 100, 0xff00ff00), "launcher");
        launcher.display.roundtrip();
        assertEquals("launcher", focusedTitle());

        activate(token(launcher, null, null), targetWindow);
        assertEquals("launcher", focusedTitle(), "no serial: no activation");

        WlSeat targetSeat = target.registry.bind(target.seatName, WlSeat.TYPE, 1);
        activate(token(target, 12345, targetSeat), targetWindow); // the unfocused window asks for itself
        assertEquals("launcher", focusedTitle(), "focus stealing is refused");

        activate("not-a-token", targetWindow);
        assertEquals("launcher", focusedTitle());
    }

    @Test
    void aRequestOnACommittedTokenIsAlreadyUsed() throws Exception {
        XdgActivationV1 activation = new Binder(launcher.display).bind("xdg_activation_v1", XdgActivationV1.TYPE, 1);
        XdgActivationTokenV1 request = activation.getActivationToken();
        request.commit();
        request.setAppId("late");
        ProtocolErrorException e = assertThrows(ProtocolErrorException.class, launcher.display::roundtrip);
        assertEquals(XdgActivationTokenV1.Error.ALREADY_USED, e.code());
        assertTrue(e.objectName().startsWith("xdg_activation_token_v1"), e.objectName());
        target.display.roundtrip(); // the other client carries on
    }
}
