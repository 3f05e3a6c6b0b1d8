package javawc.compositor.ipc;

import javawc.compositor.output.Output;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Scene;
import javawc.compositor.wm.ManagedWindow;
import javawc.compositor.wm.WindowManager;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link WindowControl} over the window manager, so the shell and the key bindings act on
 * windows the same way. Ids are handed out the first time a window is seen and kept while its
 * surface lives (through unmaps), so a script can list the windows and then act on one by id;
 * they are never reused within a session.
 */
public final class ManagedWindowControl implements WindowControl {
    private final WindowManager manager;
    private final Map<ManagedWindow, Integer> ids = new IdentityHashMap<>();
    private int lastId;

    public ManagedWindowControl(WindowManager manager, Scene scene) {
        this.manager = manager;
        scene.addSurfaceDestroyingListener(surface -> ids.keySet().removeIf(w -> w.surface() == surface));
    }

    private int idOf(ManagedWindow w) {
        return ids.computeIfAbsent(w, unused -> ++lastId);
    }

    @Override
    public List<WindowInfo> windows() {
        List<WindowInfo> out = new ArrayList<>();
        for (ManagedWindow w : manager.windows()) {
            if (!w.isAlive() || !w.visible() && !w.minimized()) continue;
            Rect g = w.geometry();
            Output o = w.output();
            out.add(new WindowInfo(idOf(w), w.appId(), w.title(), g.x(), g.y(), g.width(), g.height(), w.activated(),
                    w.maximized(), w.fullscreen(), w.minimized(), o == null ? null : o.name()));
        }
        return out;
    }

    /** The listed window with that id, or null. */
    private ManagedWindow find(int id) {
        for (ManagedWindow w : manager.windows()) {
            Integer known = ids.get(w);
            if (known != null && known == id && w.isAlive() && (w.visible() || w.minimized())) return w;
        }
        return null;
    }

    @Override
    public boolean focus(int id) {
        ManagedWindow w = find(id);
        if (w == null) return false;
        manager.focus(w); // shows it if minimized, raises it, gives it the keyboard
        return true;
    }

    @Override
    public boolean close(int id) {
        ManagedWindow w = find(id);
        if (w == null) return false;
        manager.close(w);
        return true;
    }

    @Override
    public boolean moveToOutput(int id, Output output) {
        ManagedWindow w = find(id);
        if (w == null) return false;
        w.moveToOutput(output);
        return true;
    }
}
