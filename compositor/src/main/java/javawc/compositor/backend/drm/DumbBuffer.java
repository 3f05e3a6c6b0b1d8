package javawc.compositor.backend.drm;

import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import javawc.os.Drm;
import javawc.os.MemoryMapping;
import javawc.os.NativeBuffer;
import javawc.os.OsException;

import java.nio.IntBuffer;

/** A CPU-mapped scanout buffer (XRGB8888) with its framebuffer id: where the software renderer's frames go. */
final class DumbBuffer implements AutoCloseable {
    private final DrmDevice device;
    final int handle, pitch, framebuffer, width, height;
    private final MemoryMapping mapping;
    private final IntBuffer pixels;

    DumbBuffer(DrmDevice device, int width, int height) throws OsException {
        this.device = device;
        this.width = width;
        this.height = height;
        Drm.Dumb dumb = Drm.createDumb(device.fd, width, height, 32);
        handle = dumb.handle();
        pitch = dumb.pitch();
        mapping = MemoryMapping.map(device.fd, Drm.mapDumbOffset(device.fd, handle), dumb.size(), true);
        pixels = mapping.buffer().asIntBuffer();
        NativeBuffer fb = new NativeBuffer(104);
        fb.buffer().putInt(4, width).putInt(8, height).putInt(12, Drm.FORMAT_XRGB8888).putInt(20, handle).putInt(36, pitch);
        device.ioctl(DrmDevice.ADDFB2, fb, "ADDFB2");
        framebuffer = fb.buffer().getInt(0);
    }

    /** Copies the {@code damage} rectangles of a full-size frame into this buffer. */
    void copyFrom(int[] frame, Region damage) {
        Rect bounds = new Rect(0, 0, width, height);
        for (Rect r : damage.intersect(bounds).rects()) {
            for (int y = r.y(); y < r.bottom(); y++) pixels.put(y * (pitch / 4) + r.x(), frame, y * width + r.x(), r.width());
        }
    }

    @Override
    public void close() {
        device.removeFramebuffer(framebuffer);
        mapping.close();
        try {
            Drm.destroyDumb(device.fd, handle);
        } catch (OsException ignored) {
            // the device is going away with us
        }
    }
}
