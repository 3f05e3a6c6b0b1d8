package javawc.compositor.textinput;

import javawc.compositor.core.Surface;

/**
 * A text input of either protocol version as the input method relay sees it: the surface it
 * types into, whether it wants the input method now, its committed state, and how the input
 * method's text reaches it.
 */
interface TextField {
    /** The surface the text goes to, or null. */
    Surface surface();

    /** Whether the application enabled (v3) or activated (v1) it and has not switched it off since. */
    boolean wantsInputMethod();

    /** The state last committed. */
    TextState current();

    /**
     * The input method committed text changes: delete {@code before}/{@code after} bytes around
     * the cursor, insert {@code commit} (null: nothing), show {@code preedit} (null: none) with its
     * cursor. The text field passes them on in its own protocol's terms, then its done.
     */
    void deliver(String preedit, int cursorBegin, int cursorEnd, String commit, int before, int after);
}
