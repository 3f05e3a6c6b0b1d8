package javawc.compositor.dmabuf;

import javawc.os.Drm;
import javawc.os.LibC;
import javawc.os.OwnedFd;
import javawc.server.protocol.WlBuffer;
import javawc.server.protocol.ZwpLinuxBufferParamsV1;
import javawc.server.protocol.ZwpLinuxBufferParamsV1.Error;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * zwp_linux_buffer_params_v1: collects up to four planes, then makes one wl_buffer. Misuse the
 * protocol names (a plane set twice, planes missing, sizes past the end of the fd as lseek
 * reports it, an unknown format...) is a protocol error; a buffer we cannot use although it
 * is well described is a failed event (create) or invalid_wl_buffer (create_immed). The fds
 * are ours from add on: closed with the params unless a buffer took them.
 */
final class BufferParams implements ZwpLinuxBufferParamsV1.Handler {
    private static final Logger LOG = LogManager.getLogger(BufferParams.class);
    static final int MAX_PLANES = 4;

    private final DmabufSupport support;
    private final DmabufBuffer.Plane[] planes = new DmabufBuffer.Plane[MAX_PLANES];
    private boolean used;

    BufferParams(ZwpLinuxBufferParamsV1 resource, DmabufSupport support) {
        this.support = support;
        resource.setHandler(this);
        resource.onDestroy(this::closePlanes);
    }

    @Override
    public void destroy(ZwpLinuxBufferParamsV1 self) {
        // destructor; fds closed by the destroy listener
    }

    @Override
    public void add(ZwpLinuxBufferParamsV1 self, OwnedFd fd, int planeIdx, int offset, int stride, int modifierHi, int modifierLo) {
        if (used) {
            fd.close();
            self.postError(Error.ALREADY_USED, "these params already made a wl_buffer");
        } else if (Integer.compareUnsigned(planeIdx, MAX_PLANES) >= 0) {
            fd.close();
            self.postError(Error.PLANE_IDX, "plane index " + Integer.toUnsignedString(planeIdx) + " is not below " + MAX_PLANES);
        } else if (planes[planeIdx] != null) {
            fd.close();
            self.postError(Error.PLANE_SET, "plane " + planeIdx + " is already set");
        } else {
            planes[planeIdx] = new DmabufBuffer.Plane(fd, Integer.toUnsignedLong(offset), Integer.toUnsignedLong(stride),
                    (long) modifierHi << 32 | Integer.toUnsignedLong(modifierLo));
        }
    }

    @Override
    public void create(ZwpLinuxBufferParamsV1 self, int width, int height, int format, int flags) {
        DmabufBuffer.Plane[] taken = validate(self, width, height, format);
        if (taken == null) return;
        try {
            WlBuffer buffer = new WlBuffer(self.client(), 1);
            DmabufBuffer.create(buffer, width, height, format, flags, taken, support);
            self.sendCreated(buffer);
        } catch (DmabufBuffer.ImportException e) {
            LOG.info("{}: dma-buf import failed: {}", self.client(), e.getMessage());
            self.sendFailed();
        }
    }

    @Override
    public void createImmed(ZwpLinuxBufferParamsV1 self, WlBuffer buffer, int width, int height, int format, int flags) {
        DmabufBuffer.Plane[] taken = validate(self, width, height, format);
        if (taken == null) return;
        try {
            DmabufBuffer.create(buffer, width, height, format, flags, taken, support);
        } catch (DmabufBuffer.ImportException e) {
            self.postError(Error.INVALID_WL_BUFFER, "cannot use this dma-buf: " + e.getMessage());
        }
    }

    /** Checks what the protocol defines errors for; returns the planes (now the caller's), or null after posting one. */
    private DmabufBuffer.Plane[] validate(ZwpLinuxBufferParamsV1 self, int width, int height, int format) {
        if (used) {
            self.postError(Error.ALREADY_USED, "these params already made a wl_buffer");
            return null;
        }
        used = true;
        if (!support.supportsFormat(format)) {
            self.postError(Error.INVALID_FORMAT, "format 0x" + Integer.toHexString(format) + " is not in the format table");
            return null;
        }
        if (width <= 0 || height <= 0) {
            self.postError(Error.INVALID_DIMENSIONS, "invalid size " + width + "x" + height);
            return null;
        }
        int given = 0;
        while (given < MAX_PLANES && planes[given] != null) given++;
        for (int i = given; i < MAX_PLANES; i++) if (planes[i] != null) given = -1; // a gap
        int count = DmabufBuffer.planeCount(format, planes[0] == null ? Drm.MOD_LINEAR : planes[0].modifier(), given);
        for (int i = 0; i < MAX_PLANES; i++) {
            if (i < count && planes[i] == null) {
                self.postError(Error.INCOMPLETE, "plane " + i + " is missing; the format has " + count);
                return null;
            }
            if (i >= count && planes[i] != null) {
                self.postError(Error.INCOMPLETE, "plane " + i + " is one too many; the format has " + count);
                return null;
            }
        }
        for (int i = 0; i < count; i++) {
            DmabufBuffer.Plane p = planes[i];
            long size = LibC.lseek(p.fd().get(), 0, LibC.SEEK_END);
            LibC.lseek(p.fd().get(), 0, LibC.SEEK_SET); // the offset is shared with the client's descriptor: put it back
            if (size < 0) continue; // the kernel cannot tell us this fd's size: the import will find out
            if (p.offset() >= size) {
                self.postError(Error.OUT_OF_BOUNDS, "plane " + i + ": offset " + p.offset() + " is past the end of its " + size + "-byte dma-buf");
                return null;
            }
            if (p.offset() + p.stride() > size) {
                self.postError(Error.OUT_OF_BOUNDS, "plane " + i + ": offset " + p.offset() + " + stride " + p.stride() + " is past the end of its " + size + "-byte dma-buf");
                return null;
            }
            if (i == 0 && p.offset() + p.stride() * height > size) {
                self.postError(Error.OUT_OF_BOUNDS, "plane 0: offset " + p.offset() + " + stride " + p.stride() + " x height " + height
                        + " is past the end of its " + size + "-byte dma-buf");
                return null;
            }
        }
        DmabufBuffer.Plane[] taken = java.util.Arrays.copyOf(planes, count);
        java.util.Arrays.fill(planes, null);
        return taken;
    }

    private void closePlanes() {
        for (int i = 0; i < MAX_PLANES; i++) {
            if (planes[i] != null) planes[i].fd().close();
            planes[i] = null;
        }
    }
}
