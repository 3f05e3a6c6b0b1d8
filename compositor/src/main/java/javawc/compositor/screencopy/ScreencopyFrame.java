package javawc.compositor.screencopy;

import javawc.compositor.core.ClientBuffer;
import javawc.compositor.dmabuf.DmabufBuffer;
import javawc.compositor.output.Output;
import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import javawc.compositor.shm.ShmTarget;
import javawc.os.Drm;
import javawc.os.OsException;
import javawc.server.protocol.WlBuffer;
import javawc.server.protocol.WlShm;
import javawc.server.protocol.ZwlrScreencopyFrameV1;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * zwlr_screencopy_frame_v1: one capture of a rectangle of an output's framebuffer. Offers
 * wl_shm XRGB8888 of the rectangle's size (ARGB8888 of that size is taken too, written
 * opaque) and, where clients can make dma-bufs (linux-dmabuf is offered: DRM), an XRGB8888
 * dma-buf, which is written by the CPU when its layout is linear ({@link DmabufTarget}; a
 * tiled one fails). A second copy is already_used, a buffer of another kind, format or size
 * invalid_buffer. Rows
 * are written top to bottom (flags 0). The cursor is drawn into the framebuffer by the
 * renderer, so it is in the copy whatever overlay_cursor says (the protocol allows that for
 * a cursor that is not a hardware plane).
 */
final class ScreencopyFrame implements ZwlrScreencopyFrameV1.Handler {
    private static final Logger LOG = LogManager.getLogger(ScreencopyFrame.class);

    private final ZwlrScreencopyFrameV1 resource;
    private final ScreencopyManager manager;
    private final Output output;
    private final Rect pixels; // the captured rectangle of the framebuffer; empty: nothing to capture
    private final boolean dmabufOffered;
    private boolean used, withDamage, finished;
    private WlBuffer target;

    ScreencopyFrame(ZwlrScreencopyFrameV1 resource, ScreencopyManager manager, Output output, Rect pixels, boolean overlayCursor,
                    boolean dmabufOffered) {
        this.resource = resource;
        this.dmabufOffered = dmabufOffered && resource.version() >= ZwlrScreencopyFrameV1.EVENT_LINUX_DMABUF_SINCE;
        this.manager = manager;
        this.output = output;
        this.pixels = pixels;
        resource.setHandler(this);
        resource.onDestroy(() -> manager.global().forget(this));
    }

    /** The buffer kinds this frame takes, or failed when there is nothing to capture. */
    void announce() {
        if (pixels.isEmpty()) {
            fail("the region is empty or off the output");
            return;
        }
        resource.sendBuffer(WlShm.Format.XRGB8888, pixels.width(), pixels.height(), pixels.width() * 4);
        if (dmabufOffered) resource.sendLinuxDmabuf(Drm.FORMAT_XRGB8888, pixels.width(), pixels.height());
        if (resource.version() >= ZwlrScreencopyFrameV1.EVENT_BUFFER_DONE_SINCE) resource.sendBufferDone();
    }

    Output output() {
        return output;
    }

    boolean withDamage() {
        return withDamage;
    }

    /** Whether the next frame of the output should be copied: always for copy, for copy_with_damage once something changed. */
    boolean readyToCopy() {
        if (!withDamage) return true;
        Region d = manager.damageIn(output, pixels);
        return d == null || !d.isEmpty();
    }

    @Override
    public void copy(ZwlrScreencopyFrameV1 self, WlBuffer buffer) {
        start(buffer, false);
    }

    @Override
    public void copyWithDamage(ZwlrScreencopyFrameV1 self, WlBuffer buffer) {
        start(buffer, true);
    }

    private void start(WlBuffer buffer, boolean damage) {
        if (used) {
            resource.postError(ZwlrScreencopyFrameV1.Error.ALREADY_USED, "this frame was already given a buffer to copy into");
            return;
        }
        used = true;
        if (finished) return; // failed already: the client will destroy it
        DmabufBuffer dmabuf = DmabufTarget.of(buffer);
        if (dmabuf != null && dmabufOffered) {
            if (!DmabufTarget.matches(dmabuf, pixels)) {
                resource.postError(ZwlrScreencopyFrameV1.Error.INVALID_BUFFER, "the dma-buf is " + dmabuf.width() + "x" + dmabuf.height() + " format 0x"
                        + Integer.toHexString(dmabuf.format()) + " in " + dmabuf.planes().size() + " planes; the frame offered " + pixels.width() + "x" + pixels.height() + " XRGB8888");
                return;
            }
            withDamage = damage;
            target = buffer;
            manager.global().waitForFrame(this);
            return;
        }
        ShmTarget shm = ShmTarget.of(buffer);
        if (shm == null || (shm.format() != WlShm.Format.XRGB8888 && shm.format() != WlShm.Format.ARGB8888)
                || shm.width() != pixels.width() || shm.height() != pixels.height() || shm.stride() < pixels.width() * 4) {
            resource.postError(ZwlrScreencopyFrameV1.Error.INVALID_BUFFER, shm == null ? "only wl_shm buffers are offered"
                    : "the buffer is " + shm.width() + "x" + shm.height() + " format 0x" + Integer.toHexString(shm.format()) + " stride " + shm.stride()
                    + "; the frame offered " + pixels.width() + "x" + pixels.height() + " XRGB8888 stride " + pixels.width() * 4);
            return;
        }
        withDamage = damage;
        target = buffer;
        manager.global().waitForFrame(this);
    }

    /** The output's frame is on screen: copies it into the buffer, then flags, damage and ready (or failed). */
    void copy(int[] framebuffer, int framebufferWidth, long monotonicNanos) {
        if (!resource.isAlive() || !target.isAlive()) {
            if (resource.isAlive()) fail("the buffer was destroyed before the copy");
            return;
        }
        Region damage = withDamage ? manager.damageIn(output, pixels) : null;
        try {
            DmabufBuffer dmabuf = DmabufTarget.of(target);
            if (dmabuf != null ? !DmabufTarget.write(dmabuf, framebuffer, framebufferWidth, pixels)
                    : !ShmTarget.of(target).write(framebuffer, framebufferWidth, pixels)) {
                fail("the buffer's layout cannot be written by the CPU");
                return;
            }
        } catch (OsException | ClientBuffer.BufferAccessException | InternalError e) { // InternalError: SIGBUS on a mapping
            fail("cannot write the client's buffer: " + e.getMessage());
            return;
        }
        manager.copied(output);
        resource.sendFlags(0);
        if (withDamage) {
            if (damage == null) damage = new Region(pixels); // never copied before: all of it is new
            for (Rect r : damage.rects()) resource.sendDamage(r.x() - pixels.x(), r.y() - pixels.y(), r.width(), r.height());
        }
        long seconds = monotonicNanos / 1_000_000_000L;
        resource.sendReady((int) (seconds >>> 32), (int) seconds, (int) (monotonicNanos % 1_000_000_000L));
        finished = true;
    }

    private void fail(String why) {
        LOG.debug("screencopy of {} failed: {}", output.name(), why);
        finished = true;
        resource.sendFailed();
    }

    @Override
    public void destroy(ZwlrScreencopyFrameV1 self) {
        // destructor; a frame still waiting is forgotten by the destroy listener
    }
}
