package javawc.compositor;

import javawc.client.Display;
import javawc.client.protocol.WlBuffer;
import javawc.client.protocol.WlCompositor;
import javawc.client.protocol.WlRegistry;
import javawc.client.protocol.WlShm;
import javawc.client.protocol.WlShmPool;
import javawc.client.protocol.WlSubcompositor;
import javawc.client.protocol.WlSurface;
import javawc.client.protocol.XdgSurface;
import javawc.client.protocol.XdgToplevel;
import javawc.client.protocol.XdgWmBase;
import javawc.os.Descriptors;
import javawc.os.MemoryMapping;
import javawc.os.OwnedFd;

import java.io.IOException;
import java.nio.ByteBuffer;

/** A client written with our library for tests: binds the core globals, makes shm buffers and windows. */
final class TestClient implements AutoCloseable {
    final Display display;
    WlCompositor compositor;
    WlShm shm;
    WlSubcompositor subcompositor;
    XdgWmBase wmBase;
    javawc.client.protocol.WlOutput output;

    TestClient(CompositorProcess c) throws IOException {
        display = c.connect();
        display.wlDisplay().getRegistry().setListener(new WlRegistry.Listener() {
            @Override
            public void global(WlRegistry r, int name, String iface, int version) {
                switch (iface) {
                    case WlCompositor.NAME -> compositor = r.bind(name, WlCompositor.TYPE, Math.min(version, 5));
                    case WlShm.NAME -> shm = r.bind(name, WlShm.TYPE, 1);
                    case javawc.client.protocol.WlOutput.NAME -> output = r.bind(name, javawc.client.protocol.WlOutput.TYPE, Math.min(version, 4));
                    case WlSubcompositor.NAME -> subcompositor = r.bind(name, WlSubcompositor.TYPE, 1);
                    case XdgWmBase.NAME -> wmBase = r.bind(name, XdgWmBase.TYPE, Math.min(version, 5)).setListener(new XdgWmBase.Listener() {
                        @Override
                        public void ping(XdgWmBase self, int serial) {
                            self.pong(serial);
                        }
                    });
                    default -> { }
                }
            }
        });
        display.roundtrip();
    }

    /** A memfd-backed pool with one ARGB buffer filled with {@code argb}. */
    final class ShmBuffer implements AutoCloseable {
        final OwnedFd fd;
        final MemoryMapping mapping;
        final WlShmPool pool;
        final WlBuffer buffer;
        final int width, height;

        ShmBuffer(int width, int height, int argb) throws IOException {
            this.width = width;
            this.height = height;
            int size = width * height * 4;
            fd = Descriptors.memfd("test-buffer", size);
            mapping = MemoryMapping.map(fd, size, true);
            ByteBuffer b = mapping.buffer();
            for (int i = 0; i < width * height; i++) b.putInt(i * 4, argb);
            pool = shm.createPool(fd, size);
            buffer = pool.createBuffer(0, width, height, width * 4, WlShm.Format.ARGB8888);
        }

        void fill(int x, int y, int w, int h, int argb) {
            for (int row = y; row < y + h; row++) for (int col = x; col < x + w; col++) mapping.buffer().putInt((row * width + col) * 4, argb);
        }

        @Override
        public void close() {
            mapping.close();
            fd.close();
        }
    }

    /** A mapped xdg toplevel: configure acked, buffer attached and committed. */
    record Window(WlSurface surface, XdgSurface xdgSurface, XdgToplevel toplevel) {}

    /** Gives {@code surface} the xdg_toplevel role and acks the first configure. */
    Window toplevel(WlSurface surface, String title) throws IOException {
        XdgSurface xdg = wmBase.getXdgSurface(surface);
        int[] serial = {0};
        xdg.setListener(new XdgSurface.Listener() {
            @Override
            public void configure(XdgSurface self, int s) {
                serial[0] = s;
            }
        });
        XdgToplevel toplevel = xdg.getToplevel();
        toplevel.setTitle(title);
        surface.commit();
        while (serial[0] == 0) display.dispatch();
        xdg.ackConfigure(serial[0]);
        return new Window(surface, xdg, toplevel);
    }

    /** A mapped toplevel showing {@code content}. */
    Window window(ShmBuffer content, String title) throws IOException {
        Window w = toplevel(compositor.createSurface(), title);
        w.surface().attach(content.buffer, 0, 0);
        w.surface().damageBuffer(0, 0, content.width, content.height);
        w.surface().commit();
        display.roundtrip();
        return w;
    }

    @Override
    public void close() {
        display.close();
    }
}
