package javawc.compositor.ipc;

import javawc.compositor.output.Output;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Scene;
import javawc.compositor.scene.SceneWindow;
import javawc.compositor.seat.Seat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link WindowControl} over today's scene and seat. Ids are handed out the first time a window
 * is seen and kept while its surface lives (through unmaps), so a script can list the windows
 * and then act on one by id; they are never reused within a session.
 */
public final class SceneWindowControl implements WindowControl {
    private final Scene scene;
    private final Seat seat;
    private final Supplier<List<Output>> outputs;
    private final Map<SceneWindow, Integer> ids = new IdentityHashMap<>();
    private int lastId;

    public SceneWindowControl(Scene scene, Seat seat, Supplier<List<Output>> outputs) {
        this.scene = scene;
        this.seat = seat;
        this.outputs = outputs;
        scene.addSurfaceDestroyingListener(surface -> ids.keySet().removeIf(w -> w.surface() == surface));
    }

    private int idOf(SceneWindow w) {
        return ids.computeIfAbsent(w, unused -> ++lastId);
    }

    @Override
    public List<WindowInfo> windows() {
        List<WindowInfo> out = new ArrayList<>();
        for (SceneWindow w : scene.toplevels()) {
            if (!w.visible()) continue;
            Rect g = w.geometry();
            out.add(new WindowInfo(idOf(w), w.appId(), w.title(), g.x(), g.y(), g.width(), g.height(),
                    seat.keyboardFocus() == w.surface(), w.isMaximized(), w.isFullscreen(), outputHolding(g)));
        }
        return out;
    }

    /** The output the window overlaps most (ties: the first), or null when it is on none. */
    private String outputHolding(Rect g) {
        String best = null;
        long bestArea = 0;
        for (Output o : outputs.get()) {
            int x0 = Math.max(g.x(), o.x()), y0 = Math.max(g.y(), o.y());
            int x1 = Math.min(g.x() + g.width(), o.x() + o.logicalWidth()), y1 = Math.min(g.y() + g.height(), o.y() + o.logicalHeight());
            long area = (long) Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
            if (area > bestArea) {
                best = o.name();
                bestArea = area;
            }
        }
        return best;
    }

    /** The shown toplevel with that id, or null. */
    private SceneWindow shown(int id) {
        for (SceneWindow w : scene.toplevels()) {
            Integer known = ids.get(w);
            if (known != null && known == id && w.visible()) return w;
        }
        return null;
    }

    @Override
    public boolean focus(int id) {
        SceneWindow w = shown(id);
        if (w == null) return false;
        w.activate(); // what a click does: raise, then the keyboard focus
        return true;
    }

    @Override
    public boolean close(int id) {
        SceneWindow w = shown(id);
        if (w == null) return false;
        w.close();
        return true;
    }
}
