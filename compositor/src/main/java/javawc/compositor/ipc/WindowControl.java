package javawc.compositor.ipc;

import java.util.List;

/**
 * What the IPC socket needs from window management ({@link ManagedWindowControl} over the
 * window manager; tests give their own). Window ids are stable: a window keeps its id for its
 * whole life.
 */
public interface WindowControl {
    /** A shown toplevel; output is the name of the output holding most of it, or null if none does. */
    record WindowInfo(int id, String appId, String title, int x, int y, int width, int height, boolean focused,
                      boolean maximized, boolean fullscreen, boolean minimized, String output) {}

    /** The toplevels, shown or minimized, most recently focused first. */
    List<WindowInfo> windows();

    /** Raises window {@code id} and gives it the keyboard focus; false if no such window is shown. */
    boolean focus(int id);

    /** Asks window {@code id} to close (the client decides); false if no such window is shown. */
    boolean close(int id);

    /** Moves window {@code id} to {@code output} (a maximized or fullscreen one fills it); false if no such window. */
    boolean moveToOutput(int id, javawc.compositor.output.Output output);
}
