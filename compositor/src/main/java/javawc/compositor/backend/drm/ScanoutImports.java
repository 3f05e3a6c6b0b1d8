package javawc.compositor.backend.drm;

import javawc.compositor.dmabuf.DmabufBuffer;
import javawc.os.Drm;
import javawc.os.OsException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.HashMap;
import java.util.Map;

/**
 * KMS framebuffers made from client dma-bufs: each plane PRIME-imported into our device (a GEM
 * handle), wrapped with ADDFB2, once per buffer, and removed with its GEM handles when the
 * buffer's memory goes (destroyed by the client and no longer on screen). A buffer that cannot
 * be imported (another driver's memory, a layout the display cannot read) is remembered as
 * such and composited instead. The kernel hands out one handle per dma-buf per device file,
 * so handles are counted: two buffers on one dma-buf share one.
 */
final class ScanoutImports implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(ScanoutImports.class);

    private record Imported(int framebuffer, int[] handles) {}

    private static final Imported UNUSABLE = new Imported(0, new int[0]);

    private final DrmDevice device;
    private final Map<DmabufBuffer, Imported> imports = new HashMap<>();
    private final Map<Integer, Integer> handleUsers = new HashMap<>();

    ScanoutImports(DrmDevice device) {
        this.device = device;
    }

    /** The buffer's framebuffer, imported on first use; 0 when it cannot be scanned out. */
    int framebuffer(DmabufBuffer buffer) {
        Imported known = imports.get(buffer);
        if (known != null) return known.framebuffer();
        Imported made;
        try {
            made = importBuffer(buffer);
            LOG.debug("{}: framebuffer {} for {}", device.path, made.framebuffer(), buffer);
        } catch (OsException e) {
            LOG.info("{} cannot be scanned out ({}): it will be composited", buffer, e.getMessage());
            made = UNUSABLE;
        }
        imports.put(buffer, made);
        buffer.onFree(() -> forget(buffer));
        return made.framebuffer();
    }

    /** The display refused the buffer's framebuffer: composite it from now on. */
    void markUnusable(DmabufBuffer buffer) {
        Imported old = imports.put(buffer, UNUSABLE);
        if (old != null) release(old);
    }

    private Imported importBuffer(DmabufBuffer b) throws OsException {
        var planes = b.planes();
        int[] handles = new int[planes.size()], pitches = new int[planes.size()], offsets = new int[planes.size()];
        int taken = 0;
        try {
            for (; taken < handles.length; taken++) {
                DmabufBuffer.Plane p = planes.get(taken);
                handles[taken] = Drm.primeFdToHandle(device.fd, p.fd());
                handleUsers.merge(handles[taken], 1, Integer::sum);
                pitches[taken] = (int) p.stride();
                offsets[taken] = (int) p.offset();
            }
            return new Imported(device.addFramebuffer(b.width(), b.height(), b.format(), handles, pitches, offsets, b.modifier()), handles);
        } catch (OsException e) {
            release(new Imported(0, java.util.Arrays.copyOf(handles, taken)));
            throw e;
        }
    }

    private void forget(DmabufBuffer buffer) {
        Imported gone = imports.remove(buffer);
        if (gone != null) release(gone);
    }

    private void release(Imported imported) {
        if (imported.framebuffer() != 0) device.removeFramebuffer(imported.framebuffer());
        for (int h : imported.handles()) {
            if (handleUsers.merge(h, -1, Integer::sum) <= 0) {
                handleUsers.remove(h);
                Drm.gemClose(device.fd, h);
            }
        }
    }

    @Override
    public void close() {
        for (Imported i : imports.values()) release(i);
        imports.clear();
    }
}
