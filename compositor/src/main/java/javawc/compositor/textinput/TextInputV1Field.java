package javawc.compositor.textinput;

import javawc.compositor.core.Surface;
import javawc.server.protocol.WlSeat;
import javawc.server.protocol.WlSurface;
import javawc.server.protocol.ZwpTextInputV1;

/**
 * zwp_text_input_v1 (weston-editor's text input), bridged to the same input method as v3: activate
 * on a surface sends enter and makes it want the input method while that surface has the
 * keyboard focus; deactivate, or the focus leaving that surface, sends leave. Its state is
 * applied by commit_state, whose serial the text events carry back. Content purposes after
 * "password" are one lower than v3's (v1 has no "pin"); the hint bits are the same.
 */
final class TextInputV1Field implements TextField, ZwpTextInputV1.Handler {
    private static final int V1_PURPOSE_DATE = 9;

    private final ZwpTextInputV1 resource;
    private final InputMethodRelay relay;
    private final TextState pending = new TextState(), current = new TextState();
    private Surface surface; // activated on, or null
    private int serial;      // of the last commit_state
    private boolean preeditShown;

    TextInputV1Field(ZwpTextInputV1 resource, InputMethodRelay relay) {
        this.resource = resource;
        this.relay = relay;
        resource.setHandler(this);
        resource.onDestroy(() -> relay.removed(this));
        relay.added(this);
    }

    /** The keyboard focus left the surface it is activated on: leave, and it no longer wants the input method. */
    void focusLeft() {
        surface = null;
        preeditShown = false;
        resource.sendLeave();
    }

    // ---- TextField ----

    @Override
    public Surface surface() {
        return surface;
    }

    @Override
    public boolean wantsInputMethod() {
        return surface != null;
    }

    @Override
    public TextState current() {
        return current;
    }

    @Override
    public void deliver(String preedit, int cursorBegin, int cursorEnd, String commit, int before, int after) {
        boolean deletes = before != 0 || after != 0;
        if (deletes) resource.sendDeleteSurroundingText(-before, before + after);
        if (commit != null || deletes) resource.sendCommitString(serial, commit != null ? commit : ""); // applies the deletion too
        if (preedit != null) {
            resource.sendPreeditCursor(cursorBegin);
            resource.sendPreeditString(serial, preedit, "");
        } else if (preeditShown) {
            resource.sendPreeditString(serial, "", "");
        }
        preeditShown = preedit != null;
    }

    // ---- requests ----

    @Override
    public void activate(ZwpTextInputV1 self, WlSeat seat, WlSurface wlSurface) {
        Surface s = Surface.of(wlSurface);
        if (surface != null && surface != s) focusLeft();
        surface = s;
        current.reset();
        pending.reset();
        resource.sendEnter(wlSurface);
        relay.update();
    }

    @Override
    public void deactivate(ZwpTextInputV1 self, WlSeat seat) {
        if (surface == null) return;
        focusLeft();
        relay.update();
    }

    @Override
    public void showInputPanel(ZwpTextInputV1 self) {
        // the input method decides what it shows; there is no separate panel to raise
    }

    @Override
    public void hideInputPanel(ZwpTextInputV1 self) {
        // as above
    }

    @Override
    public void reset(ZwpTextInputV1 self) {
        preeditShown = false; // the application dropped its pre-edit; the next commit_state tells the input method the state
    }

    @Override
    public void setSurroundingText(ZwpTextInputV1 self, String text, int cursor, int anchor) {
        pending.surrounding = text;
        pending.cursor = cursor;
        pending.anchor = anchor;
    }

    @Override
    public void setContentType(ZwpTextInputV1 self, int hint, int purpose) {
        pending.hasContentType = true;
        pending.hint = hint;
        pending.purpose = purpose >= V1_PURPOSE_DATE ? purpose + 1 : purpose;
    }

    @Override
    public void setCursorRectangle(ZwpTextInputV1 self, int x, int y, int width, int height) {
        pending.hasCursorRectangle = true;
        pending.cursorX = x;
        pending.cursorY = y;
        pending.cursorWidth = width;
        pending.cursorHeight = height;
    }

    @Override
    public void setPreferredLanguage(ZwpTextInputV1 self, String language) {
        // no input method protocol we relay to carries a language
    }

    @Override
    public void commitState(ZwpTextInputV1 self, int serial) {
        this.serial = serial;
        current.copyFrom(pending);
        if (surface != null) relay.committed(this);
    }

    @Override
    public void invokeAction(ZwpTextInputV1 self, int button, int index) {
        // a click on the pre-edit: input-method v2 has no request for it
    }
}
