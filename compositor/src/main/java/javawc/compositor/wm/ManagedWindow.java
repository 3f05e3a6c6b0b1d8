package javawc.compositor.wm;

import javawc.compositor.output.Output;
import javawc.compositor.scene.SceneWindow;

/**
 * A toplevel window as the window manager handles it: what a user (a key binding, later an IPC
 * command) may do to it. The xdg_toplevel role implements it; each change sends the client
 * the configure that says so. In kiosk mode the window refuses to leave its fullscreen state
 * (the setters then change nothing).
 */
public interface ManagedWindow extends SceneWindow {
    /** Whether the client still has the window (its xdg_toplevel exists). */
    boolean isAlive();

    /** Asks the client to close the window (xdg_toplevel.close); it may ask the user first, or ignore it. */
    void close();

    /** Whether the window is the activated one: it or one of its popups has the keyboard focus. */
    boolean activated();

    boolean maximized();

    void setMaximized(boolean on);

    boolean fullscreen();

    /** Fullscreen on {@code output} (null: the output the window is on), or back to how it was. */
    void setFullscreen(boolean on, Output output);

    boolean minimized();

    /** Hides the window (it keeps its place in the focus order, at the end), or shows it again. */
    void setMinimized(boolean on);

    /** The output the window is on: the one it is maximized or fullscreen on, else the one under its centre. */
    Output output();

    /** Moves the window to {@code output}: a maximized or fullscreen one fills it, another keeps its place relative to the output's corner. */
    void moveToOutput(Output output);

    /** The window this one is a dialog of (xdg_toplevel.set_parent), or null. */
    ManagedWindow parent();
}
