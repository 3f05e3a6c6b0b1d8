package javawc.compositor.backend.drm;

import javawc.compositor.backend.Backend.FramePainter;
import javawc.compositor.output.Output;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import javawc.os.OsException;

/**
 * The software path: the renderer paints a full-size int[] frame (its damage only), whose
 * changed rectangles are copied into the back dumb buffer, along with what that buffer missed
 * while the other one was shown.
 */
final class DumbScanout implements HeadScanout {
    private final Output output;
    private final int[] frame;
    private final int width, height;
    private DumbBuffer front, back;
    private Region backStale = new Region(), frontStale = new Region(); // what each buffer lacks of the frame

    DumbScanout(DrmDevice device, Output output) throws OsException {
        this(device, output, output.mode().width(), output.mode().height());
    }

    /** Buffers of {@code w}x{@code h}: a mode the output is about to be switched to. */
    DumbScanout(DrmDevice device, Output output, int w, int h) throws OsException {
        this.output = output;
        this.width = w;
        this.height = h;
        frame = new int[w * h];
        front = new DumbBuffer(device, w, h);
        try {
            back = new DumbBuffer(device, w, h);
        } catch (OsException e) {
            front.close();
            throw e;
        }
    }

    @Override
    public String describe() {
        return "software renderer into dumb buffers";
    }

    @Override
    public int paint(FramePainter painter, boolean everything) {
        Region damage = painter.paint(output, frame, everything ? new Region(all()) : new Region());
        backStale.add(damage);
        back.copyFrom(frame, backStale);
        backStale = new Region(); // up to date now; the front buffer lacks this frame's changes
        frontStale.add(damage);
        return back.framebuffer;
    }

    @Override
    public void flipping() {
        DumbBuffer t = front;
        front = back;
        back = t;
        Region s = frontStale;
        frontStale = backStale;
        backStale = s;
    }

    @Override
    public int front() {
        return front.framebuffer;
    }

    @Override
    public int[] capture(FramePainter painter, boolean everything) {
        if (everything) {
            Region damage = painter.paint(output, frame, new Region(all()));
            backStale.add(damage);
            frontStale.add(damage);
        }
        return frame.clone();
    }

    private Rect all() {
        return new Rect(0, 0, width, height);
    }

    @Override
    public void close() {
        front.close();
        back.close();
    }
}
