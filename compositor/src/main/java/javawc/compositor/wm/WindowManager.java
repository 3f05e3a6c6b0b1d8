package javawc.compositor.wm;

import javawc.compositor.output.Output;
import javawc.compositor.scene.Scene;
import javawc.compositor.scene.SceneWindow;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * What a user does to windows, in one place for the key bindings and the IPC socket: close,
 * focus, cycle, maximize, fullscreen, minimize, move to another output. Runs on the event
 * loop's thread.
 * <p>
 * The focus order is the stacking order: every focus change raises the window (a click, a new
 * window, {@link #focus}), so the top of the stack is the most recently focused window, and a
 * minimized window goes to the bottom. {@link #cycle} walks that order as a window switcher
 * does while its modifier is held: the order is taken at the first press and kept until
 * {@link #endCycle} (the modifier's release) or a focus change made elsewhere, so repeated
 * presses visit every window, and the windows passed over keep their places.
 */
public final class WindowManager {
    private static final Logger LOG = LogManager.getLogger(WindowManager.class);

    private final Scene scene;
    private List<ManagedWindow> cycleOrder; // the order when the cycle began; null: no cycle going on
    private int cycleIndex;
    private ManagedWindow cycleRestored; // the minimized window the cycle showed, hidden again if passed over

    public WindowManager(Scene scene) {
        this.scene = scene;
    }

    /** The mapped toplevels, most recently focused first; minimized ones included (they are last). */
    public List<ManagedWindow> windows() {
        List<SceneWindow> stack = scene.toplevels();
        List<ManagedWindow> order = new ArrayList<>(stack.size());
        for (int i = stack.size() - 1; i >= 0; i--) {
            if (stack.get(i) instanceof ManagedWindow w && w.isAlive()) order.add(w);
        }
        return order;
    }

    /** The window with the keyboard focus (its own or a popup's), or null. */
    public ManagedWindow focused() {
        for (ManagedWindow w : windows()) if (w.activated()) return w;
        return null;
    }

    /** Shows {@code w} if minimized, raises it and gives it the keyboard focus. */
    public void focus(ManagedWindow w) {
        if (!w.isAlive()) return;
        if (w.minimized()) w.setMinimized(false);
        w.activate();
    }

    /** Asks {@code w} to close (xdg_toplevel.close). */
    public void close(ManagedWindow w) {
        LOG.debug("asking '{}' ({}) to close", w.title(), w.appId());
        w.close();
    }

    /**
     * Focuses and raises the next window in the focus order (the one focused before the current
     * one, then the one before that on the next call, and so on round), showing it if minimized.
     */
    public void cycle() {
        ManagedWindow current = focused();
        if (cycleOrder == null || cycleIndex < 0 || cycleIndex >= cycleOrder.size() || cycleOrder.get(cycleIndex) != current || !allAlive(cycleOrder)) {
            cycleOrder = windows();
            cycleIndex = current != null ? cycleOrder.indexOf(current) : -1;
            cycleRestored = null;
        }
        if (cycleOrder.isEmpty()) return;
        if (cycleRestored != null && cycleRestored.isAlive()) cycleRestored.setMinimized(true); // passed over: as it was
        cycleRestored = null;
        cycleIndex = (cycleIndex + 1) % cycleOrder.size();
        ManagedWindow next = cycleOrder.get(cycleIndex);
        for (int i = cycleOrder.size() - 1; i >= 0; i--) scene.raise(cycleOrder.get(i)); // the order the cycle began with...
        if (next.minimized()) cycleRestored = next;
        focus(next); // ...with the chosen window on top
    }

    private static boolean allAlive(List<ManagedWindow> windows) {
        for (ManagedWindow w : windows) if (!w.isAlive() || !w.visible() && !w.minimized()) return false;
        return true;
    }

    /** The cycle's modifier was released: the window reached stays focused, and the next cycle starts from it. */
    public void endCycle() {
        cycleOrder = null;
        cycleRestored = null;
    }

    public void toggleMaximized(ManagedWindow w) {
        w.setMaximized(!w.maximized());
    }

    /** Fullscreen on the output the window is on, or back. */
    public void toggleFullscreen(ManagedWindow w) {
        w.setFullscreen(!w.fullscreen(), w.output());
    }

    /** Hides {@code w}; the keyboard focus moves to the topmost window still shown. */
    public void minimize(ManagedWindow w) {
        w.setMinimized(true);
    }

    /** Moves {@code w} to the output after its own, in the scene's order (round); nothing with one output. */
    public void moveToNextOutput(ManagedWindow w) {
        List<Output> outputs = scene.outputs();
        if (outputs.size() < 2) return;
        int i = outputs.indexOf(w.output());
        w.moveToOutput(outputs.get((i + 1) % outputs.size()));
    }
}
