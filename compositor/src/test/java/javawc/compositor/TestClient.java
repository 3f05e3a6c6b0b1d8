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
import javawc.client.protocol.ZxdgOutputManagerV1;
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
    javawc.client.protocol.WlOutput output; // the first
    final java.util.List<javawc.client.protocol.WlOutput> outputs = new java.util.ArrayList<>();
    /** Every wl_output and xdg_output event, as "ID event args" lines (see {@link OutputEvents}). */
    final java.util.List<String> outputEvents = new java.util.ArrayList<>();
    ZxdgOutputManagerV1 xdgOutputManager;
    WlRegistry registry;
    int seatName, seatVersion; // the wl_seat global, 0 if none
    /** Every global announced at connection: interface name to {name, version}. */
    final java.util.Map<String, int[]> globals = new java.util.HashMap<>();

    TestClient(CompositorProcess c) throws IOException {
        this(c.connect());
    }

    /** A client on a connection made elsewhere (an in-process compositor's socketpair). */
    TestClient(Display connected) throws IOException {
        display = connected;
        registry = display.wlDisplay().getRegistry();
        registry.setListener(new WlRegistry.Listener() {
            @Override
            public void global(WlRegistry r, int name, String iface, int version) {
                globals.put(iface, new int[] {name, version});
                switch (iface) {
                    case WlCompositor.NAME -> compositor = r.bind(name, WlCompositor.TYPE, Math.min(version, 5));
                    case WlShm.NAME -> shm = r.bind(name, WlShm.TYPE, 1);
                    case javawc.client.protocol.WlOutput.NAME -> {
                        javawc.client.protocol.WlOutput o = r.bind(name, javawc.client.protocol.WlOutput.TYPE, Math.min(version, 4));
                        o.setListener(OutputEvents.wlOutputRecorder(outputEvents));
                        outputs.add(o);
                        if (output == null) output = o;
                    }
                    case ZxdgOutputManagerV1.NAME -> xdgOutputManager = r.bind(name, ZxdgOutputManagerV1.TYPE, Math.min(version, 3));
                    case WlSubcompositor.NAME -> subcompositor = r.bind(name, WlSubcompositor.TYPE, 1);
                    case javawc.client.protocol.WlSeat.NAME -> {
                        seatName = name;
                        seatVersion = version;
                    }
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
            this(width, height, argb, WlShm.Format.ARGB8888);
        }

        /** The same in another 32-bit format (ARGB8888 or XRGB8888). */
        ShmBuffer(int width, int height, int argb, int format) throws IOException {
            this.width = width;
            this.height = height;
            int size = width * height * 4;
            fd = Descriptors.memfd("test-buffer", size);
            mapping = MemoryMapping.map(fd, size, true);
            ByteBuffer b = mapping.buffer();
            for (int i = 0; i < width * height; i++) b.putInt(i * 4, argb);
            pool = shm.createPool(fd, size);
            buffer = pool.createBuffer(0, width, height, width * 4, format);
        }

        void fill(int x, int y, int w, int h, int argb) {
            for (int row = y; row < y + h; row++) for (int col = x; col < x + w; col++) mapping.buffer().putInt((row * width + col) * 4, argb);
        }

        TestClient client() {
            return TestClient.this;
        }

        /** Sets every pixel to {@code argb.applyAsInt(x, y)}. */
        void paint(java.util.function.IntBinaryOperator argb) {
            for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) mapping.buffer().putInt((y * width + x) * 4, argb.applyAsInt(x, y));
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
        return toplevel(surface, title, null);
    }

    /** The same with an app_id (null: none), for the control channel's place command. */
    Window toplevel(WlSurface surface, String title, String appId) throws IOException {
        XdgSurface xdg = wmBase.getXdgSurface(surface);
        int[] serial = {0};
        xdg.setListener(new XdgSurface.Listener() {
            @Override
            public void configure(XdgSurface self, int s) {
                serial[0] = s;
                if (autoAck) self.ackConfigure(s);
            }
        });
        XdgToplevel toplevel = xdg.getToplevel();
        toplevel.setTitle(title);
        if (appId != null) toplevel.setAppId(appId);
        surface.commit();
        while (serial[0] == 0) display.dispatch();
        if (!autoAck) xdg.ackConfigure(serial[0]);
        return new Window(surface, xdg, toplevel);
    }

    /** A mapped toplevel showing {@code content}. */
    Window window(ShmBuffer content, String title) throws IOException {
        return window(content, title, null);
    }

    /** A mapped toplevel showing {@code content}, with an app_id. */
    Window window(ShmBuffer content, String title, String appId) throws IOException {
        Window w = toplevel(compositor.createSurface(), title, appId);
        w.surface().attach(content.buffer, 0, 0);
        w.surface().damageBuffer(0, 0, content.width, content.height);
        w.surface().commit();
        display.roundtrip();
        return w;
    }

    /** Binds the global {@code type} names at {@code version}; fails when the compositor does not offer it to us. */
    <P extends javawc.client.Proxy> P bind(javawc.client.Proxy.Factory<P> type, int version) {
        int[] g = globals.get(type.spec().name());
        if (g == null) throw new AssertionError(type.spec().name() + " is not offered; offered: " + globals.keySet());
        return registry.bind(g[0], type, version);
    }

    /** Set: every xdg_surface.configure of our toplevels is acked as soon as it arrives. */
    boolean autoAck;

    @Override
    public void close() {
        display.close();
    }
}
