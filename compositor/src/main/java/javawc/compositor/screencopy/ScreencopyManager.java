package javawc.compositor.screencopy;

import javawc.compositor.output.Output;
import javawc.compositor.output.OutputGlobal;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import javawc.server.protocol.WlOutput;
import javawc.server.protocol.ZwlrScreencopyFrameV1;
import javawc.server.protocol.ZwlrScreencopyManagerV1;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One bound zwlr_screencopy_manager_v1: makes frames, and keeps per output the damage (in
 * framebuffer pixels) since its last copy, which copy_with_damage waits for and reports. An
 * output this manager never copied counts as damaged whole.
 */
final class ScreencopyManager implements ZwlrScreencopyManagerV1.Handler {
    private final ZwlrScreencopyManagerV1 resource;
    private final ScreencopyManagerGlobal global;
    private final Map<Output, Region> damage = new IdentityHashMap<>();

    ScreencopyManager(ZwlrScreencopyManagerV1 resource, ScreencopyManagerGlobal global) {
        this.resource = resource;
        this.global = global;
        resource.setHandler(this);
    }

    @Override
    public void captureOutput(ZwlrScreencopyManagerV1 self, ZwlrScreencopyFrameV1 frame, int overlayCursor, WlOutput output) {
        Output o = OutputGlobal.of(output);
        start(frame, o, o.logicalBounds(), overlayCursor != 0);
    }

    @Override
    public void captureOutputRegion(ZwlrScreencopyManagerV1 self, ZwlrScreencopyFrameV1 frame, int overlayCursor, WlOutput output,
                                    int x, int y, int width, int height) {
        Output o = OutputGlobal.of(output);
        Rect asked = width > 0 && height > 0 ? new Rect(o.x() + x, o.y() + y, width, height) : Rect.EMPTY;
        start(frame, o, asked.intersect(o.logicalBounds()), overlayCursor != 0);
    }

    /** A frame for the part of {@code output} that shows {@code global} (global coordinates). */
    private void start(ZwlrScreencopyFrameV1 resource, Output output, Rect global, boolean overlayCursor) {
        boolean ours = this.global.context().backend().outputs().contains(output);
        Rect pixels = ours && !global.isEmpty() ? output.toPixels(global).intersect(new Rect(0, 0, output.mode().width(), output.mode().height())) : Rect.EMPTY;
        new ScreencopyFrame(resource, this, output, pixels, overlayCursor, this.global.dmabufOffered()).announce();
    }

    ScreencopyManagerGlobal global() {
        return global;
    }

    /** Beyond this many rectangles the damage kept is their bounds: a client that stops copying must not make it grow for ever. */
    private static final int MAX_DAMAGE_RECTS = 32;

    void damaged(Output output, Region pixels) {
        Region d = damage.get(output);
        if (d == null) return;
        d.add(pixels);
        if (d.rects().size() > MAX_DAMAGE_RECTS) {
            Rect bounds = d.bounds();
            d.clear();
            d.add(bounds);
        }
    }

    /** The damage since this manager's last copy of {@code output}, within {@code area}; null: all of it (never copied). */
    Region damageIn(Output output, Rect area) {
        Region d = damage.get(output);
        return d == null ? null : d.intersect(area);
    }

    /** A copy of {@code output} was made: its damage starts again from nothing. */
    void copied(Output output) {
        damage.computeIfAbsent(output, o -> new Region()).clear();
    }

    @Override
    public void destroy(ZwlrScreencopyManagerV1 self) {
        // destructor; frames made through it live on
    }
}
