package javawc.compositor.seat;

/**
 * The serials of the input events one client was sent (pointer enter and buttons, keyboard
 * enter and keys), newest last, in a fixed ring: requests that must name a recent user action
 * (popup grabs, set_cursor, set_selection) are checked against it,
 * with no allocation per event. Old serials fall out of the ring and stop being valid.
 */
public final class InputSerials {
    /** What a serial was sent with. */
    public enum Kind {
        POINTER_ENTER, BUTTON_PRESS, BUTTON_RELEASE, KEYBOARD_ENTER, KEY_PRESS, KEY_RELEASE, TOUCH_DOWN, TOUCH_UP;

        /**
         * A button, key or touch event: what xdg-shell calls a user action an xdg_popup grab may
         * answer. Releases count because menus open as often on the release that ends a click as
         * on the press; enters do not, since the pointer or the focus moving is no act of the user
         * on this client. (A move or resize needs more: the press of a button still held.)
         */
        public boolean isUserAction() {
            return this != POINTER_ENTER && this != KEYBOARD_ENTER;
        }
    }

    static final int CAPACITY = 32;

    private final int[] serials = new int[CAPACITY];
    private final Kind[] kinds = new Kind[CAPACITY];
    private int next, count;

    void record(int serial, Kind kind) {
        serials[next] = serial;
        kinds[next] = kind;
        next = (next + 1) % CAPACITY;
        if (count < CAPACITY) count++;
    }

    /** What {@code serial} was sent with, or null if it is not one of the recent input serials. */
    public Kind kindOf(int serial) {
        for (int i = 1; i <= count; i++) {
            int at = (next - i + CAPACITY) % CAPACITY;
            if (serials[at] == serial) return kinds[at];
        }
        return null;
    }

    /** The newest serial of {@code kind}, or 0 when none is remembered. */
    public int latest(Kind kind) {
        for (int i = 1; i <= count; i++) {
            int at = (next - i + CAPACITY) % CAPACITY;
            if (kinds[at] == kind) return serials[at];
        }
        return 0;
    }
}
