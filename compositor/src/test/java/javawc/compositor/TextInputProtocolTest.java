package javawc.compositor;

import javawc.client.ProtocolErrorException;
import javawc.client.protocol.WlKeyboard;
import javawc.client.protocol.WlSeat;
import javawc.client.protocol.WlSurface;
import javawc.client.protocol.ZwpInputMethodKeyboardGrabV2;
import javawc.client.protocol.ZwpInputMethodManagerV2;
import javawc.client.protocol.ZwpInputMethodV2;
import javawc.client.protocol.ZwpInputPopupSurfaceV2;
import javawc.client.protocol.ZwpTextInputManagerV1;
import javawc.client.protocol.ZwpTextInputManagerV3;
import javawc.client.protocol.ZwpTextInputV1;
import javawc.client.protocol.ZwpTextInputV3;
import javawc.compositor.scene.SceneWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Text input v3 and v1 relayed to the input method (v2), in one compositor in this JVM: what the
 * input method is told, what the application gets back, the one-input-method rule, the keyboard
 * grab, the popup's place, and the popup role error (the input method's client alone is
 * disconnected).
 */
class TextInputProtocolTest {
    private static final int KEY_A = 30;
    private InProcessCompositor compositor;
    private TestClient app, im;
    private Binder appGlobals, imGlobals;
    private final List<String> imEvents = new ArrayList<>(), appEvents = new ArrayList<>();
    private int doneCount;

    @BeforeEach
    void start() throws Exception {
        compositor = new InProcessCompositor("--backend", "headless");
        app = compositor.connect();
        im = compositor.connect();
        appGlobals = new Binder(app.display);
        imGlobals = new Binder(im.display);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        im.close();
        compositor.close();
    }

    private WlSeat seat(TestClient c) {
        return c.registry.bind(c.seatName, WlSeat.TYPE, 1);
    }

    /** The input method, recording its events as lines. */
    private ZwpInputMethodV2 inputMethod(TestClient c, Binder g, List<String> events) {
        ZwpInputMethodManagerV2 manager = g.bind("zwp_input_method_manager_v2", ZwpInputMethodManagerV2.TYPE, 1);
        return manager.getInputMethod(seat(c)).setListener(new ZwpInputMethodV2.Listener() {
            @Override
            public void activate(ZwpInputMethodV2 self) {
                events.add("activate");
            }

            @Override
            public void deactivate(ZwpInputMethodV2 self) {
                events.add("deactivate");
            }

            @Override
            public void surroundingText(ZwpInputMethodV2 self, String text, int cursor, int anchor) {
                events.add("surrounding " + text + " " + cursor + " " + anchor);
            }

            @Override
            public void contentType(ZwpInputMethodV2 self, int hint, int purpose) {
                events.add("content " + hint + " " + purpose);
            }

            @Override
            public void done(ZwpInputMethodV2 self) {
                events.add("done");
                doneCount++;
            }

            @Override
            public void unavailable(ZwpInputMethodV2 self) {
                events.add("unavailable");
            }
        });
    }

    /** A v3 text input of the app, recording what it is sent. */
    private ZwpTextInputV3 textInputV3() {
        ZwpTextInputManagerV3 manager = appGlobals.bind("zwp_text_input_manager_v3", ZwpTextInputManagerV3.TYPE, 1);
        return manager.getTextInput(seat(app)).setListener(new ZwpTextInputV3.Listener() {
            @Override
            public void enter(ZwpTextInputV3 self, WlSurface surface) {
                appEvents.add("enter");
            }

            @Override
            public void leave(ZwpTextInputV3 self, WlSurface surface) {
                appEvents.add("leave");
            }

            @Override
            public void preeditString(ZwpTextInputV3 self, String text, int cursorBegin, int cursorEnd) {
                appEvents.add("preedit " + text + " " + cursorBegin + " " + cursorEnd);
            }

            @Override
            public void commitString(ZwpTextInputV3 self, String text) {
                appEvents.add("commit " + text);
            }

            @Override
            public void deleteSurroundingText(ZwpTextInputV3 self, int before, int after) {
                appEvents.add("delete " + before + " " + after);
            }

            @Override
            public void done(ZwpTextInputV3 self, int serial) {
                appEvents.add("done " + serial);
            }
        });
    }

    private TestClient.Window appWindow() throws Exception {
        TestClient.ShmBuffer content = app.new ShmBuffer(200, 100, 0xff336699);
        return app.window(content, "editor");
    }

    private void roundtrips() throws Exception {
        for (int i = 0; i < 2; i++) {
            app.display.roundtrip();
            im.display.roundtrip();
        }
    }

    @Test
    void enabledTextInputActivatesTheInputMethodAndTextComesBack() throws Exception {
        ZwpInputMethodV2 method = inputMethod(im, imGlobals, imEvents);
        ZwpTextInputV3 input = textInputV3();
        appWindow(); // a new window takes the keyboard focus: the text input enters it
        roundtrips();
        assertEquals(List.of("enter"), appEvents);
        input.enable();
        input.setSurroundingText("hello", 5, 5);
        input.setContentType(0x4, 7);
        input.commit();
        roundtrips();
        assertEquals(List.of("activate", "surrounding hello 5 5", "content 4 7", "done"), imEvents.stream().filter(e -> !e.startsWith("cause")).toList());

        method.commitString("ünïcode");
        method.deleteSurroundingText(1, 0);
        method.commit(doneCount);
        roundtrips();
        assertEquals(List.of("enter", "commit ünïcode", "delete 1 0", "done 1"), appEvents);

        // a serial behind the done events (the input method had not seen the latest state yet, as when
        // the application redraws while the user types) is still applied, as the protocol says: no key is lost
        input.setSurroundingText("helloünïcode", 13, 13);
        input.commit();
        roundtrips();
        method.commitString("x");
        method.commit(doneCount - 1);
        roundtrips();
        assertEquals(List.of("enter", "commit ünïcode", "delete 1 0", "done 1", "commit x", "done 2"), appEvents);

        imEvents.clear();
        input.disable();
        input.commit();
        roundtrips();
        assertEquals(List.of("deactivate", "done"), imEvents);
    }

    @Test
    void aSecondInputMethodIsUnavailable() throws Exception {
        inputMethod(im, imGlobals, imEvents);
        im.display.roundtrip(); // the first is the seat's before the second is asked for
        TestClient other = compositor.connect();
        try {
            List<String> otherEvents = new ArrayList<>();
            inputMethod(other, new Binder(other.display), otherEvents);
            other.display.roundtrip();
            assertEquals(List.of("unavailable"), otherEvents);
            ZwpTextInputV3 input = textInputV3();
            appWindow();
            input.enable();
            input.commit();
            roundtrips();
            other.display.roundtrip();
            assertTrue(imEvents.contains("activate"), imEvents.toString());
            assertEquals(List.of("unavailable"), otherEvents, "the unavailable one hears nothing more");
        } finally {
            other.close();
        }
    }

    @Test
    void theKeyboardGrabTakesTheKeysFromTheFocusedClient() throws Exception {
        ZwpInputMethodV2 method = inputMethod(im, imGlobals, imEvents);
        List<String> grabbed = new ArrayList<>(), focused = new ArrayList<>();
        WlKeyboard keyboard = seat(app).getKeyboard();
        keyboard.setListener(new WlKeyboard.Listener() {
            @Override
            public void key(WlKeyboard self, int serial, int time, int key, int state) {
                focused.add(key + " " + state);
            }
        });
        appWindow();
        ZwpInputMethodKeyboardGrabV2 grab = method.grabKeyboard().setListener(new ZwpInputMethodKeyboardGrabV2.Listener() {
            @Override
            public void keymap(ZwpInputMethodKeyboardGrabV2 self, int format, javawc.os.OwnedFd fd, int size) {
                grabbed.add("keymap " + format + " " + (size > 0));
                fd.close();
            }

            @Override
            public void key(ZwpInputMethodKeyboardGrabV2 self, int serial, int time, int key, int state) {
                grabbed.add(key + " " + state);
            }
        });
        roundtrips();
        key(KEY_A);
        roundtrips();
        assertEquals(List.of("keymap 1 true", "30 1", "30 0"), grabbed);
        assertEquals(List.of(), focused, "the focused client heard none of the grabbed keys");
        grab.release();
        roundtrips();
        key(KEY_A);
        roundtrips();
        assertEquals(List.of("30 1", "30 0"), focused, "after the release the keys go to the focus again");
    }

    private void key(int code) throws Exception {
        compositor.onLoop(() -> {
            compositor.compositor.seat().keyboard().key(code, true, 1);
            compositor.compositor.seat().keyboard().key(code, false, 2);
            return null;
        });
    }

    @Test
    void thePopupIsPlacedBelowTheTextCursorAndToldWhereItIs() throws Exception {
        ZwpInputMethodV2 method = inputMethod(im, imGlobals, imEvents);
        ZwpTextInputV3 input = textInputV3();
        TestClient.Window window = appWindow();
        input.enable();
        input.setCursorRectangle(40, 20, 2, 16);
        input.commit();
        roundtrips();
        WlSurface popupSurface = im.compositor.createSurface();
        int[] rect = new int[4];
        method.getInputPopupSurface(popupSurface).setListener(new ZwpInputPopupSurfaceV2.Listener() {
            @Override
            public void textInputRectangle(ZwpInputPopupSurfaceV2 self, int x, int y, int width, int height) {
                rect[0] = x;
                rect[1] = y;
                rect[2] = width;
                rect[3] = height;
            }
        });
        TestClient.ShmBuffer candidates = im.new ShmBuffer(80, 30, 0xffffffff);
        popupSurface.attach(candidates.buffer, 0, 0);
        popupSurface.commit();
        roundtrips();
        int[] windowAt = compositor.onLoop(() -> {
            SceneWindow w = compositor.compositor.scene().topToplevel();
            int[] xy = new int[2];
            assertTrue(w.surface().position(xy));
            return xy;
        });
        int[] popupAt = popupPosition();
        assertNotNull(popupAt, "the popup is shown while the input method is active");
        assertArrayEquals(new int[] {windowAt[0] + 40, windowAt[1] + 20 + 16}, popupAt, "just below the cursor rectangle");
        assertArrayEquals(new int[] {0, -16, 2, 16}, rect, "the cursor rectangle relative to the popup");
        assertNotNull(window);

        int nearBottom = 720 - windowAt[1] - 20; // the cursor 20 px above the output's bottom edge: no room below for 30 px
        input.setCursorRectangle(40, nearBottom, 2, 16);
        input.commit();
        roundtrips();
        assertArrayEquals(new int[] {windowAt[0] + 40, windowAt[1] + nearBottom - 30}, popupPosition(), "above the cursor when there is no room below");
        assertArrayEquals(new int[] {0, 30, 2, 16}, rect);

        input.disable();
        input.commit();
        roundtrips();
        assertNull(popupPosition(), "hidden while the input method is inactive");
    }

    /** Where the 80x30 popup is drawn, or null while it is not shown. */
    private int[] popupPosition() throws Exception {
        return compositor.onLoop(() -> {
            for (var w : compositor.compositor.scene().toplevels()) assertNotEquals(80, w.surface().width(), "the popup is no toplevel");
            int[][] seen = {null};
            compositor.compositor.scene().forEachVisibleSurface((s, x, y) -> {
                if (s.width() == 80 && s.height() == 30) seen[0] = new int[] {x, y};
            });
            return seen[0];
        });
    }

    @Test
    void aPopupOnASurfaceWithAnotherRoleIsAnErrorForThatClientAlone() throws Exception {
        ZwpInputMethodV2 method = inputMethod(im, imGlobals, imEvents);
        TestClient.ShmBuffer content = im.new ShmBuffer(20, 20, 0xff000000);
        TestClient.Window toplevel = im.window(content, "not a popup");
        method.getInputPopupSurface(toplevel.surface());
        ProtocolErrorException e = assertThrows(ProtocolErrorException.class, im.display::roundtrip);
        assertEquals(0, e.code());
        assertTrue(e.objectName().startsWith("zwp_input_method_v2"), e.objectName());
        app.display.roundtrip(); // the other client carries on
    }

    @Test
    void textInputV1IsBridgedToTheSameInputMethod() throws Exception {
        ZwpInputMethodV2 method = inputMethod(im, imGlobals, imEvents);
        ZwpTextInputManagerV1 manager = appGlobals.bind("zwp_text_input_manager_v1", ZwpTextInputManagerV1.TYPE, 1);
        ZwpTextInputV1 input = manager.createTextInput().setListener(new ZwpTextInputV1.Listener() {
            @Override
            public void enter(ZwpTextInputV1 self, WlSurface surface) {
                appEvents.add("enter");
            }

            @Override
            public void commitString(ZwpTextInputV1 self, int serial, String text) {
                appEvents.add("commit " + serial + " " + text);
            }

            @Override
            public void deleteSurroundingText(ZwpTextInputV1 self, int index, int length) {
                appEvents.add("delete " + index + " " + length);
            }
        });
        TestClient.Window window = appWindow();
        input.activate(seat(app), window.surface());
        input.setSurroundingText("Entry", 5, 5);
        input.setContentType(0, 9); // v1's date is v3's 10 (v1 has no pin)
        input.commitState(7);
        roundtrips();
        assertEquals(List.of("enter"), appEvents);
        assertEquals(List.of("activate", "surrounding Entry 5 5", "content 0 10", "done"), imEvents);
        method.deleteSurroundingText(2, 0);
        method.commitString("é");
        method.commit(doneCount);
        roundtrips();
        assertEquals(List.of("enter", "delete -2 2", "commit 7 é"), appEvents);
        imEvents.clear();
        input.deactivate(seat(app));
        roundtrips();
        assertEquals(List.of("deactivate", "done"), imEvents);
    }
}
