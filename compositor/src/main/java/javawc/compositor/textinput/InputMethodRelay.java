package javawc.compositor.textinput;

import javawc.compositor.core.Surface;
import javawc.compositor.scene.Scene;
import javawc.compositor.seat.Seat;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * The seat's text input focus and its one input method: which text input the input method
 * serves (the one enabled on the surface with the keyboard focus), what it is told about that
 * text field, and where its text goes. Text inputs of both protocol versions and the input
 * method report here; everything runs on the event loop.
 */
final class InputMethodRelay implements Seat.FocusListener {
    private static final Logger LOG = LogManager.getLogger(InputMethodRelay.class);

    private final Seat seat;
    private final Scene scene;
    private final List<TextInputV3Field> v3Inputs = new ArrayList<>();
    private final List<TextField> fields = new ArrayList<>();
    private final List<InputPopup> popups = new ArrayList<>();
    private InputMethod inputMethod; // the seat's input method, or null
    private TextField active;        // the text field the input method is serving, or null
    private final int[] xy = new int[2];

    InputMethodRelay(Seat seat, Scene scene) {
        this.seat = seat;
        this.scene = scene;
        seat.addFocusListener(this);
    }

    Seat seat() {
        return seat;
    }

    Scene scene() {
        return scene;
    }

    // ---- text inputs ----

    /** A new v3 text input: it hears enter at once if its client has the keyboard focus. */
    void added(TextInputV3Field field) {
        v3Inputs.add(field);
        fields.add(field);
        Surface focus = seat.keyboardFocus();
        if (focus != null && !focus.isDestroyed() && focus.client() == field.client()) field.enter(focus);
    }

    void added(TextField field) {
        fields.add(field);
    }

    void removed(TextField field) {
        fields.remove(field);
        if (field instanceof TextInputV3Field v3) v3Inputs.remove(v3);
        if (field == active) serve(null); // a destroyed text input wants nothing, whatever it last committed
        update();
    }

    /** A text input committed state: the input method hears it if that text field is the one it serves, else the served one may change. */
    void committed(TextField field) {
        if (field == active && field.wantsInputMethod() && field.surface() == seat.keyboardFocus()) {
            if (inputMethod != null) inputMethod.sendState(field.current());
            popupsMoved();
        } else {
            update();
        }
    }

    @Override
    public void keyboardFocusChanged(Surface previous, Surface current) {
        for (int i = 0; i < v3Inputs.size(); i++) {
            TextInputV3Field f = v3Inputs.get(i);
            if (f.entered() != null) f.leave();
            if (current != null && !current.isDestroyed() && current.client() == f.client()) f.enter(current);
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i) instanceof TextInputV1Field v1 && v1.surface() != null && v1.surface() != current) v1.focusLeft();
        }
        update();
    }

    /**
     * Picks the text field the input method serves: the one it serves now while that still
     * wants it on the focused surface (another text input enabling meanwhile is ignored, as v3
     * requires), else the first that does; tells the input method when that changes.
     */
    void update() {
        Surface focus = seat.keyboardFocus();
        TextField wanted = null;
        if (focus != null && !focus.isDestroyed()) {
            if (active != null && active.wantsInputMethod() && active.surface() == focus) {
                wanted = active;
            } else {
                for (int i = 0; i < fields.size() && wanted == null; i++) {
                    TextField f = fields.get(i);
                    if (f.wantsInputMethod() && f.surface() == focus) wanted = f;
                }
            }
        }
        if (wanted != active) serve(wanted);
    }

    /** Makes {@code field} (null: none) the text field the input method serves, telling the input method. */
    private void serve(TextField field) {
        hidePopups();
        if (active != null && inputMethod != null) inputMethod.sendDeactivate();
        active = field;
        if (active != null) {
            LOG.debug("text input on {} takes the input method", active.surface());
            if (inputMethod != null) inputMethod.sendActivate(active.current());
        }
        popupsMoved();
    }

    TextField active() {
        return active;
    }

    // ---- the input method ----

    /** Makes {@code im} the seat's input method; false (it is then unavailable) when the seat has one. */
    boolean attach(InputMethod im) {
        if (inputMethod != null) return false;
        inputMethod = im;
        LOG.info("input method bound by client {}", im.resource().client());
        if (active != null) im.sendActivate(active.current());
        popupsMoved();
        return true;
    }

    void detach(InputMethod im) {
        if (inputMethod != im) return;
        hidePopups();
        inputMethod = null;
        LOG.info("input method gone");
    }

    /** The input method committed text changes: they go to the text field it serves. */
    void deliver(InputMethod im, String preedit, int cursorBegin, int cursorEnd, String commit, int before, int after) {
        if (im != inputMethod || active == null) return;
        active.deliver(preedit, cursorBegin, cursorEnd, commit, before, after);
    }

    /** Whether {@code im} is the seat's input method serving a text field (its popups are shown). */
    boolean isActive(InputMethod im) {
        return im != null && im == inputMethod && active != null;
    }

    // ---- popups ----

    void added(InputPopup popup) {
        popups.add(popup);
        popup.cursorMoved();
    }

    void removed(InputPopup popup) {
        popups.remove(popup);
    }

    /**
     * The served text field's cursor rectangle in global coordinates, written to {@code out}
     * (x, y, width, height); false when no text field is served or its surface is not shown.
     * Without a rectangle the cursor is taken as the surface's top-left corner.
     */
    boolean cursorRectangle(int[] out) {
        if (active == null || active.surface() == null || !active.surface().position(xy)) return false;
        TextState s = active.current();
        out[0] = xy[0] + (s.hasCursorRectangle ? s.cursorX : 0);
        out[1] = xy[1] + (s.hasCursorRectangle ? s.cursorY : 0);
        out[2] = s.hasCursorRectangle ? s.cursorWidth : 0;
        out[3] = s.hasCursorRectangle ? s.cursorHeight : 0;
        return true;
    }

    private void hidePopups() {
        for (int i = 0; i < popups.size(); i++) scene.damageWindow(popups.get(i));
    }

    private void popupsMoved() {
        for (int i = 0; i < popups.size(); i++) popups.get(i).cursorMoved();
    }
}
