package javawc.compositor.textinput;

import javawc.server.protocol.ZwpTextInputV3;

/**
 * What a text input tells the input method about its text field, in text-input v3's terms
 * (v1's values are translated on the way in): the text around the cursor, why it changed, what
 * the text is for, and where the cursor is drawn in surface coordinates. One pending and one
 * current copy per text input; commit copies the pending one over.
 */
final class TextState {
    String surrounding;            // null: the text input never sent any
    int cursor, anchor;
    int cause = ZwpTextInputV3.ChangeCause.INPUT_METHOD;
    boolean hasContentType;
    int hint = ZwpTextInputV3.ContentHint.NONE, purpose = ZwpTextInputV3.ContentPurpose.NORMAL;
    boolean hasCursorRectangle;
    int cursorX, cursorY, cursorWidth, cursorHeight;

    void copyFrom(TextState o) {
        surrounding = o.surrounding;
        cursor = o.cursor;
        anchor = o.anchor;
        cause = o.cause;
        hasContentType = o.hasContentType;
        hint = o.hint;
        purpose = o.purpose;
        hasCursorRectangle = o.hasCursorRectangle;
        cursorX = o.cursorX;
        cursorY = o.cursorY;
        cursorWidth = o.cursorWidth;
        cursorHeight = o.cursorHeight;
    }

    /** Back to what a freshly enabled text input has: nothing known. */
    void reset() {
        copyFrom(EMPTY);
    }

    private static final TextState EMPTY = new TextState();
}
