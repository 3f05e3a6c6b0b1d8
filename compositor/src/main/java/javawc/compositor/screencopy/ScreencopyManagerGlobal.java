package javawc.compositor.screencopy;

import javawc.compositor.ProtocolContext;
import javawc.compositor.output.Output;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import javawc.compositor.scene.SceneListener;
import javawc.compositor.security.Privilege;
import javawc.server.Global;
import javawc.server.protocol.ZwlrScreencopyManagerV1;

import java.util.ArrayList;
import java.util.List;

/**
 * zwlr_screencopy_manager_v1 (v3, from our facts-only XML): a frame asked for is copied from
 * the output as it is shown after the next frame the backend renders (copy_with_damage: the
 * next one in which something in the captured area changed), straight from the framebuffer the
 * backend shows, so the copy is what a screenshot of that frame has. Privileged
 * ({@link Privilege#SCREEN_CAPTURE}): it shows every client's windows. The scene's listener tells
 * it what was damaged (each manager keeps its own damage, for copy_with_damage) and when a
 * frame is on screen.
 */
public final class ScreencopyManagerGlobal implements SceneListener {
    public static final int VERSION = 3;

    private final ProtocolContext context;
    private final Global global;
    private final List<ScreencopyManager> managers = new ArrayList<>();
    private final List<ScreencopyFrame> waiting = new ArrayList<>();
    private final List<ScreencopyFrame> due = new ArrayList<>(); // reused each frame
    private final boolean dmabufOffered; // clients can make dma-bufs (linux-dmabuf is offered): frames offer them as targets

    ScreencopyManagerGlobal(ProtocolContext context) {
        this.context = context;
        this.dmabufOffered = context.backend().dmabufSupport(List.of()) != null;
        this.global = context.globals().add(ZwlrScreencopyManagerV1.SPEC, VERSION, ZwlrScreencopyManagerV1::new, this::bound);
        context.privileges().restrict(global, Privilege.SCREEN_CAPTURE);
        context.scene().addListener(this);
    }

    public Global global() {
        return global;
    }

    private void bound(ZwlrScreencopyManagerV1 resource) {
        ScreencopyManager m = new ScreencopyManager(resource, this);
        managers.add(m);
        resource.onDestroy(() -> managers.remove(m));
    }

    boolean dmabufOffered() {
        return dmabufOffered;
    }

    ProtocolContext context() {
        return context;
    }

    /**
     * A frame waits for the next frame of its output. A plain copy asks for one, and so does a
     * copy_with_damage that has its damage already; else the next change brings one.
     */
    void waitForFrame(ScreencopyFrame frame) {
        waiting.add(frame);
        if (frame.readyToCopy()) context.backend().scheduleFrame();
    }

    void forget(ScreencopyFrame frame) {
        waiting.remove(frame);
    }

    @Override
    public void outputDamaged(Output output, Region damage) {
        Region pixels = null;
        for (int i = 0; i < managers.size(); i++) {
            if (pixels == null) {
                pixels = new Region();
                for (Rect r : damage.rects()) pixels.add(output.toPixels(r));
            }
            managers.get(i).damaged(output, pixels);
        }
    }

    @Override
    public void framePresented(Output output, long monotonicNanos) {
        if (waiting.isEmpty()) return;
        due.clear();
        for (int i = 0; i < waiting.size(); i++) {
            ScreencopyFrame f = waiting.get(i);
            if (f.output() == output && f.readyToCopy()) due.add(f);
        }
        if (due.isEmpty()) return;
        waiting.removeAll(due);
        int[] pixels = context.backend().capture(output); // the frame just shown (painted already: nothing is pending)
        for (int i = 0; i < due.size(); i++) due.get(i).copy(pixels, output.mode().width(), monotonicNanos);
        due.clear();
    }
}
