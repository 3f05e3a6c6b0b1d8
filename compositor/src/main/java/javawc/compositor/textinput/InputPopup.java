package javawc.compositor.textinput;

import javawc.compositor.core.Surface;
import javawc.compositor.core.SurfaceRole;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.SceneWindow;
import javawc.server.protocol.ZwpInputPopupSurfaceV2;

/**
 * The input popup role (zwp_input_popup_surface_v2): a surface of the input method (a candidate
 * list, say) drawn above the windows just below the served text field's cursor rectangle, or
 * above it when there is no room below; shown only while its input method is active. It is told
 * where the cursor rectangle is relative to itself whenever that changes.
 */
final class InputPopup implements SurfaceRole, SceneWindow, ZwpInputPopupSurfaceV2.Handler {
    static final String ROLE = "zwp_input_popup_surface_v2";

    private final ZwpInputPopupSurfaceV2 resource;
    private final Surface surface;
    private final InputMethod inputMethod;
    private final InputMethodRelay relay;
    private final int[] cursor = new int[4];
    private boolean inScene;
    private int x, y;                                            // where the popup is, while shown
    private int sentX, sentY, sentWidth, sentHeight = -1;        // the last text_input_rectangle
    private Rect shownAt = Rect.EMPTY;

    private InputPopup(ZwpInputPopupSurfaceV2 resource, Surface surface, InputMethod inputMethod, InputMethodRelay relay) {
        this.resource = resource;
        this.surface = surface;
        this.inputMethod = inputMethod;
        this.relay = relay;
    }

    /** Gives {@code surface} the role; a surface with another role is an error on the input method (the protocol names no code: 0). */
    static void create(ZwpInputPopupSurfaceV2 resource, Surface surface, InputMethod inputMethod, InputMethodRelay relay) {
        InputPopup popup = new InputPopup(resource, surface, inputMethod, relay);
        if (surface.role() instanceof InputPopup other && other.resource.isAlive()) {
            inputMethod.resource().postError(0, surface + " already has a " + ROLE);
            return;
        }
        if (!surface.setRole(popup, inputMethod.resource(), 0)) return;
        resource.setHandler(popup);
        relay.added(popup);
        resource.onDestroy(() -> {
            relay.removed(popup);
            relay.scene().removeWindow(popup);
            popup.surface.unmap();
        });
    }

    // ---- the role ----

    @Override
    public String roleName() {
        return ROLE;
    }

    @Override
    public void committed(Surface s) {
        if (!inScene && s.isMapped() && resource.isAlive()) {
            inScene = true;
            relay.scene().addPopup(this);
        }
        cursorMoved(); // its size decides whether it fits below the cursor
    }

    @Override
    public boolean position(Surface s, int[] xy) {
        if (!visible()) return false; // visible() has read the cursor rectangle, where it is now (its window may have moved)
        place();
        xy[0] = x;
        xy[1] = y;
        return true;
    }

    /** Puts the popup below the cursor rectangle just read, or above it when there is no room below, inside the layout. */
    private void place() {
        x = cursor[0];
        y = cursor[1] + cursor[3];
        Rect bounds = relay.scene().layoutBounds();
        if (y + surface.height() > bounds.bottom() && cursor[1] - surface.height() >= bounds.y()) y = cursor[1] - surface.height();
        if (x + surface.width() > bounds.right()) x = Math.max(bounds.x(), bounds.right() - surface.width());
    }

    // ---- the scene ----

    @Override
    public Surface surface() {
        return surface;
    }

    @Override
    public boolean visible() {
        return resource.isAlive() && surface.isMapped() && inputMethod.active() && relay.cursorRectangle(cursor);
    }

    /**
     * The cursor rectangle or the input method's state changed: the popup is placed again (what
     * it covered and covers now repainted) and told where the cursor is relative to it.
     */
    void cursorMoved() {
        if (!resource.isAlive()) return;
        if (!shownAt.isEmpty()) relay.scene().damage(shownAt);
        if (!relay.cursorRectangle(cursor)) {
            shownAt = Rect.EMPTY;
            return;
        }
        place();
        shownAt = visible() ? new Rect(x, y, surface.width(), surface.height()) : Rect.EMPTY;
        if (!shownAt.isEmpty()) relay.scene().damage(shownAt);
        int rx = cursor[0] - x, ry = cursor[1] - y;
        if (rx != sentX || ry != sentY || cursor[2] != sentWidth || cursor[3] != sentHeight) {
            sentX = rx;
            sentY = ry;
            sentWidth = cursor[2];
            sentHeight = cursor[3];
            resource.sendTextInputRectangle(rx, ry, cursor[2], cursor[3]);
        }
    }

    @Override
    public void destroy(ZwpInputPopupSurfaceV2 self) {
        // destructor: onDestroy takes the popup off the screen
    }
}
