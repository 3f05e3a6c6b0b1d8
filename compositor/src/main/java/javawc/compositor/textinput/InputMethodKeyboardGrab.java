package javawc.compositor.textinput;

import javawc.compositor.input.Keymap;
import javawc.compositor.seat.Keyboard;
import javawc.compositor.seat.Seat;
import javawc.server.protocol.WlKeyboard;
import javawc.server.protocol.ZwpInputMethodKeyboardGrabV2;

/**
 * zwp_input_method_keyboard_grab_v2: while it exists the seat's keys go to the input method
 * instead of the focused client (after the compositor's own bindings), with the keymap, the
 * repeat rate and the modifiers as a wl_keyboard gets them. An unavailable input method's grab
 * (or one on a seat without a keymap) hears nothing.
 */
final class InputMethodKeyboardGrab implements ZwpInputMethodKeyboardGrabV2.Handler, Keyboard.KeyGrab {
    private final ZwpInputMethodKeyboardGrabV2 resource;
    private final Keyboard keyboard; // null: inert

    /** {@code seat} null: an unavailable input method's grab. */
    InputMethodKeyboardGrab(ZwpInputMethodKeyboardGrabV2 resource, Seat seat) {
        this.resource = resource;
        this.keyboard = seat != null && seat.keyboard().available() ? seat.keyboard() : null;
        resource.setHandler(this);
        if (this.keyboard == null) return;
        Keymap keymap = this.keyboard.keymap();
        resource.sendKeymap(WlKeyboard.KeymapFormat.XKB_V1, keymap.file(), keymap.size());
        resource.sendRepeatInfo(Keyboard.repeatRate(), Keyboard.repeatDelayMs());
        modifiers(seat.nextSerial(), keymap);
        this.keyboard.setGrab(this);
        resource.onDestroy(this::end);
    }

    ZwpInputMethodKeyboardGrabV2 resource() {
        return resource;
    }

    /** Gives the keys back to the focused client (the grab object or its input method went). */
    void end() {
        if (keyboard != null && keyboard.grab() == this) keyboard.setGrab(null);
    }

    @Override
    public void key(int serial, int timeMs, int code, int state) {
        resource.sendKey(serial, timeMs, code, state);
    }

    @Override
    public void modifiers(int serial, Keymap keymap) {
        resource.sendModifiers(serial, keymap.modsDepressed(), keymap.modsLatched(), keymap.modsLocked(), keymap.group());
    }

    @Override
    public void release(ZwpInputMethodKeyboardGrabV2 self) {
        // destructor: onDestroy ends the grab
    }
}
