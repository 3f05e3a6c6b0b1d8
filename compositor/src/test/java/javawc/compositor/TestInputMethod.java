package javawc.compositor;

import javawc.client.Display;
import javawc.client.protocol.WlSeat;
import javawc.client.protocol.ZwpInputMethodKeyboardGrabV2;
import javawc.client.protocol.ZwpInputMethodManagerV2;
import javawc.client.protocol.ZwpInputMethodV2;

import java.io.IOException;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A small input method written with our client library, for tests with real applications: it
 * follows activate/deactivate, commits strings, and while it holds the keyboard grab turns the
 * keys it is given into text of its own ({@link #typeWith}), as a composing input method does.
 */
final class TestInputMethod implements AutoCloseable {
    final Display display;
    private final ZwpInputMethodV2 method;
    private ZwpInputMethodKeyboardGrabV2 grab;
    private int doneCount;
    private boolean pendingActive, active, unavailable;
    private String surrounding;

    TestInputMethod(CompositorProcess compositor) throws IOException {
        display = compositor.connect();
        Binder globals = new Binder(display);
        WlSeat seat = globals.bind("wl_seat", WlSeat.TYPE, 1);
        method = globals.bind("zwp_input_method_manager_v2", ZwpInputMethodManagerV2.TYPE, 1).getInputMethod(seat);
        method.setListener(new ZwpInputMethodV2.Listener() {
            @Override
            public void activate(ZwpInputMethodV2 self) {
                pendingActive = true;
            }

            @Override
            public void deactivate(ZwpInputMethodV2 self) {
                pendingActive = false;
            }

            @Override
            public void surroundingText(ZwpInputMethodV2 self, String text, int cursor, int anchor) {
                surrounding = text;
            }

            @Override
            public void done(ZwpInputMethodV2 self) {
                doneCount++;
                active = pendingActive;
            }

            @Override
            public void unavailable(ZwpInputMethodV2 self) {
                unavailable = true;
            }
        });
        display.roundtrip();
        if (unavailable) throw new IllegalStateException("the seat already has an input method");
    }

    boolean active() {
        return active;
    }

    String surroundingText() {
        return surrounding;
    }

    /** Dispatches events until {@code condition} holds; false if it still does not after {@code timeoutMs}. */
    boolean await(BooleanSupplier condition, long timeoutMs) throws IOException {
        long end = System.nanoTime() + timeoutMs * 1_000_000;
        while (!condition.getAsBoolean()) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) return false;
            display.dispatch((int) Math.min(left, 200));
        }
        return true;
    }

    /**
     * Dispatches until no done came for {@code quietMs}: a commit names the number of done events
     * seen, so one sent while the application is still updating its state would be dropped.
     */
    void settle(long quietMs) throws IOException {
        long quietSince = System.nanoTime();
        int seen = doneCount;
        while ((System.nanoTime() - quietSince) / 1_000_000 < quietMs) {
            display.dispatch(50);
            if (doneCount != seen) {
                seen = doneCount;
                quietSince = System.nanoTime();
            }
        }
    }

    /** Sends {@code text} to the text input it serves, as one commit. */
    void commit(String text) throws IOException {
        method.commitString(text);
        method.commit(doneCount);
        display.flush();
    }

    /** Takes the keyboard: each key pressed while held commits {@code keys}' text for it (other keys commit nothing). */
    void typeWith(Map<Integer, String> keys) throws IOException {
        grab = method.grabKeyboard().setListener(new ZwpInputMethodKeyboardGrabV2.Listener() {
            @Override
            public void key(ZwpInputMethodKeyboardGrabV2 self, int serial, int time, int key, int state) {
                String text = keys.get(key);
                if (state == 1 && text != null) {
                    method.commitString(text);
                    method.commit(doneCount);
                }
            }
        });
        display.roundtrip();
    }

    /** Gives the keyboard back to the focused client. */
    void release() throws IOException {
        if (grab != null) grab.release();
        grab = null;
        display.roundtrip();
    }

    @Override
    public void close() {
        display.close();
    }
}
