package javawc.compositor.scene;

import javawc.compositor.core.Surface;

/** Something the scene stacks: a toplevel or a popup, with its root surface. */
public interface SceneWindow {
    Surface surface();

    /** Whether the window is mapped and should be drawn. */
    boolean visible();
}
