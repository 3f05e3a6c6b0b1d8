package javawc.compositor.backend.drm;

import javawc.compositor.scene.Rect;
import javawc.compositor.scene.Region;
import javawc.os.MemoryMapping;
import javawc.os.NativeBuffer;
import javawc.os.OsException;

import java.nio.IntBuffer;

/** A CPU-mapped scanout buffer (XRGB8888) with its framebuffer id: where the software renderer's frames go. */
final class DumbBuffer implements AutoCloseable {
    static final int XRGB8888 = 0x34325258; // fourcc 'XR24'

    private final DrmDevice device;
    final int handle, pitch, framebuffer, width, height;
    private final MemoryMapping mapping;
    private final IntBuffer pixels;

    DumbBuffer(DrmDevice device, int width, int height) throws OsException {
        this.device = device;
        this.width = width;
        this.height = height;
        NativeBuffer create = new NativeBuffer(32);
        create.buffer().putInt(0, height).putInt(4, width).putInt(8, 32);
        device.ioctl(DrmDevice.CREATE_DUMB, create, "CREATE_DUMB");
        handle = create.buffer().getInt(16);
        pitch = create.buffer().getInt(20);
        long size = create.buffer().getLong(24);
        NativeBuffer map = new NativeBuffer(16);
        map.buffer().putInt(0, handle);
        device.ioctl(DrmDevice.MAP_DUMB, map, "MAP_DUMB");
        mapping = MemoryMapping.map(device.fd, map.buffer().getLong(8), size, true);
        pixels = mapping.buffer().asIntBuffer();
        NativeBuffer fb = new NativeBuffer(104);
        fb.buffer().putInt(4, width).putInt(8, height).putInt(12, XRGB8888).putInt(20, handle).putInt(36, pitch);
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
        NativeBuffer destroy = new NativeBuffer(4);
        destroy.buffer().putInt(0, handle);
        try {
            device.ioctl(DrmDevice.DESTROY_DUMB, destroy, "DESTROY_DUMB");
        } catch (OsException ignored) {
            // the device is going away with us
        }
    }
}
