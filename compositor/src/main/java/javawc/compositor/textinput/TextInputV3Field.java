package javawc.compositor.textinput;

import javawc.compositor.core.Surface;
import javawc.server.Client;
import javawc.server.protocol.ZwpTextInputV3;

/**
 * zwp_text_input_v3: an application's text input on the seat. It hears enter and leave as the
 * keyboard focus comes to and leaves its client's surfaces; enable, disable and the text
 * field's state are pending until commit, and commits are counted for the done serial.
 * Between a leave and the next enter its requests change nothing (as the protocol says).
 */
final class TextInputV3Field implements TextField, ZwpTextInputV3.Handler {
    private final ZwpTextInputV3 resource;
    private final InputMethodRelay relay;
    private final TextState pending = new TextState(), current = new TextState();
    private Boolean pendingEnabled; // null: neither enable nor disable since the last commit
    private boolean enabled, preeditShown;
    private Surface entered;
    private int commits;

    TextInputV3Field(ZwpTextInputV3 resource, InputMethodRelay relay) {
        this.resource = resource;
        this.relay = relay;
        resource.setHandler(this);
        resource.onDestroy(() -> relay.removed(this));
        relay.added(this);
    }

    Client client() {
        return resource.client();
    }

    Surface entered() {
        return entered;
    }

    void enter(Surface s) {
        entered = s;
        resource.sendEnter(s.resource());
    }

    /** The focus left: leave, and the text input is disabled until enabled again after an enter. */
    void leave() {
        if (!entered.isDestroyed()) resource.sendLeave(entered.resource());
        entered = null;
        enabled = false;
        preeditShown = false;
        pendingEnabled = null;
    }

    // ---- TextField ----

    @Override
    public Surface surface() {
        return entered;
    }

    @Override
    public boolean wantsInputMethod() {
        return enabled && entered != null;
    }

    @Override
    public TextState current() {
        return current;
    }

    @Override
    public void deliver(String preedit, int cursorBegin, int cursorEnd, String commit, int before, int after) {
        if (preedit != null || preeditShown) resource.sendPreeditString(preedit, cursorBegin, cursorEnd);
        preeditShown = preedit != null;
        if (commit != null) resource.sendCommitString(commit);
        if (before != 0 || after != 0) resource.sendDeleteSurroundingText(before, after);
        resource.sendDone(commits);
    }

    // ---- requests ----

    @Override
    public void enable(ZwpTextInputV3 self) {
        pendingEnabled = Boolean.TRUE;
        pending.reset(); // enable starts the text field's state afresh
    }

    @Override
    public void disable(ZwpTextInputV3 self) {
        pendingEnabled = Boolean.FALSE;
    }

    @Override
    public void setSurroundingText(ZwpTextInputV3 self, String text, int cursor, int anchor) {
        pending.surrounding = text;
        pending.cursor = cursor;
        pending.anchor = anchor;
    }

    @Override
    public void setTextChangeCause(ZwpTextInputV3 self, int cause) {
        pending.cause = cause;
    }

    @Override
    public void setContentType(ZwpTextInputV3 self, int hint, int purpose) {
        pending.hasContentType = true;
        pending.hint = hint;
        pending.purpose = purpose;
    }

    @Override
    public void setCursorRectangle(ZwpTextInputV3 self, int x, int y, int width, int height) {
        pending.hasCursorRectangle = true;
        pending.cursorX = x;
        pending.cursorY = y;
        pending.cursorWidth = width;
        pending.cursorHeight = height;
    }

    @Override
    public void commit(ZwpTextInputV3 self) {
        commits++; // every commit counts for the done serial, even one that changes nothing
        if (entered == null) return;
        if (pendingEnabled != null) enabled = pendingEnabled;
        pendingEnabled = null;
        current.copyFrom(pending);
        pending.cause = ZwpTextInputV3.ChangeCause.INPUT_METHOD; // the cause holds for one commit only
        if (!enabled) preeditShown = false;
        relay.committed(this);
    }

    @Override
    public void destroy(ZwpTextInputV3 self) {
        // destructor: onDestroy tells the relay
    }
}
