package javawc.compositor.scene;

import javawc.compositor.core.Surface;

/** Something the scene stacks: a toplevel or a popup, with its root surface. */
public interface SceneWindow {
    Surface surface();

    /** Whether the window is mapped and should be drawn. */
    boolean visible();

    /** The user picked this window (clicked it): a toplevel is raised and takes the keyboard focus. */
    default void activate() {}

    /** The application's id (xdg_toplevel.set_app_id), "" if none. */
    default String appId() {
        return "";
    }

    default String title() {
        return "";
    }

    /** Moves the window so its geometry's top-left corner is at (x, y); false if it cannot be moved. */
    default boolean moveTo(int x, int y) {
        return false;
    }

    /** Whether the window is fullscreen: on top, it is drawn above the top layer (panels), as players and games expect. */
    default boolean fullscreen() {
        return false;
    }

    /**
     * The area of the outputs given to windows may have changed ({@link Scene#usableArea}: panels,
     * or an output's mode, scale, transform or place): a maximized or fullscreen window fills the new one.
     */
    default void usableAreaChanged() {}

    /** The window geometry in global coordinates (empty while not shown). */
    default Rect geometry() {
        return surface().globalBounds();
    }
}
