package javawc.compositor.textinput;

import javawc.compositor.core.Surface;
import javawc.server.protocol.WlSurface;
import javawc.server.protocol.ZwpInputMethodKeyboardGrabV2;
import javawc.server.protocol.ZwpInputMethodV2;
import javawc.server.protocol.ZwpInputPopupSurfaceV2;

/**
 * zwp_input_method_v2: the seat's input method, or an unavailable one (the seat had one when it
 * was made: it gets unavailable and nothing else, and its requests are ignored). Text changes
 * are pending until commit. A commit whose serial is behind the done events sent is still
 * applied, as the protocol says: it only means the input method had not seen the newest state
 * yet (an application redrawing while the user types), and dropping it would lose keys.
 */
final class InputMethod implements ZwpInputMethodV2.Handler {
    private final ZwpInputMethodV2 resource;
    private final InputMethodRelay relay;
    private final boolean available;
    private boolean activeSent; // the last of activate/deactivate sent was activate
    // pending text changes, applied by commit
    private String commit, preedit;
    private int preeditBegin, preeditEnd, deleteBefore, deleteAfter;
    private InputMethodKeyboardGrab grab;

    InputMethod(ZwpInputMethodV2 resource, InputMethodRelay relay) {
        this.resource = resource;
        this.relay = relay;
        resource.setHandler(this);
        available = relay.attach(this);
        if (!available) {
            resource.sendUnavailable();
        } else {
            resource.onDestroy(() -> {
                if (grab != null) grab.end();
                relay.detach(this);
            });
        }
    }

    ZwpInputMethodV2 resource() {
        return resource;
    }

    // ---- events ----

    /** activate, the text field's state, done. */
    void sendActivate(TextState state) {
        resource.sendActivate();
        activeSent = true;
        sendState(state);
    }

    /** The text field's state (surrounding text, change cause, content type), then done. */
    void sendState(TextState state) {
        if (state.surrounding != null) resource.sendSurroundingText(state.surrounding, state.cursor, state.anchor);
        resource.sendTextChangeCause(state.cause);
        if (state.hasContentType) resource.sendContentType(state.hint, state.purpose);
        done();
    }

    void sendDeactivate() {
        if (!activeSent) return;
        activeSent = false;
        resource.sendDeactivate();
        done();
    }

    private void done() {
        resource.sendDone();
    }

    // ---- requests ----

    @Override
    public void commitString(ZwpInputMethodV2 self, String text) {
        commit = text;
    }

    @Override
    public void setPreeditString(ZwpInputMethodV2 self, String text, int cursorBegin, int cursorEnd) {
        preedit = text;
        preeditBegin = cursorBegin;
        preeditEnd = cursorEnd;
    }

    @Override
    public void deleteSurroundingText(ZwpInputMethodV2 self, int beforeLength, int afterLength) {
        deleteBefore = beforeLength;
        deleteAfter = afterLength;
    }

    @Override
    public void commit(ZwpInputMethodV2 self, int serial) {
        if (available) relay.deliver(this, preedit, preeditBegin, preeditEnd, commit, deleteBefore, deleteAfter);
        commit = null;
        preedit = null;
        preeditBegin = preeditEnd = deleteBefore = deleteAfter = 0;
    }

    @Override
    public void getInputPopupSurface(ZwpInputMethodV2 self, ZwpInputPopupSurfaceV2 id, WlSurface surface) {
        InputPopup.create(id, Surface.of(surface), this, relay);
    }

    @Override
    public void grabKeyboard(ZwpInputMethodV2 self, ZwpInputMethodKeyboardGrabV2 keyboard) {
        if (grab != null) grab.end(); // the newest grab object is the one that hears the keys
        grab = new InputMethodKeyboardGrab(keyboard, available ? relay.seat() : null);
        keyboard.onDestroy(() -> {
            if (grab != null && grab.resource() == keyboard) grab = null;
        });
    }

    @Override
    public void destroy(ZwpInputMethodV2 self) {
        // destructor: the popups and the grab made through it stop working (see onDestroy)
    }

    /** Whether this input method is serving a text field now (its popups are shown). */
    boolean active() {
        return available && resource.isAlive() && relay.isActive(this);
    }
}
