package javawc.compositor;

import javawc.client.protocol.WlOutput;
import javawc.client.protocol.WlRegistry;
import javawc.client.protocol.WlSurface;
import javawc.client.protocol.ZwlrLayerShellV1;
import javawc.client.protocol.ZwlrLayerSurfaceV1;
import javawc.client.protocol.ZwlrOutputHeadV1;
import javawc.client.protocol.ZwlrOutputManagerV1;
import javawc.compositor.output.Output;
import javawc.compositor.output.OutputGlobal;
import javawc.compositor.output.Outputs;
import javawc.compositor.scene.Rect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * An output taken away while running ({@link Outputs#remove}: what a DRM monitor unplugged
 * does, through Backend.OutputPresence) and back ({@link Outputs#restore}): clients hear
 * wl_registry.global_remove, layer surfaces on it are closed and never shown again, output
 * management finishes its head; the last output is kept; back, it is a new wl_output global.
 */
class OutputRemovalTest {
    private InProcessCompositor ip;
    private TestClient c;
    private Outputs outputs;
    private final List<Integer> removedGlobals = new ArrayList<>();
    private final List<int[]> addedOutputGlobals = new ArrayList<>(); // {name}

    /** A layer surface whose configures ({serial, width, height}) and closed events are recorded. */
    private final class Layer {
        final WlSurface surface;
        final ZwlrLayerSurfaceV1 layer;
        final List<int[]> configures = new ArrayList<>();
        int closed, globalsRemovedWhenClosed = -1;

        Layer(TestClient c, ZwlrLayerShellV1 shell, WlOutput output) {
            surface = c.compositor.createSurface();
            layer = shell.getLayerSurface(surface, output, ZwlrLayerShellV1.Layer.TOP, "panel");
            layer.setListener(new ZwlrLayerSurfaceV1.Listener() {
                @Override
                public void configure(ZwlrLayerSurfaceV1 self, int serial, int width, int height) {
                    configures.add(new int[] {serial, width, height});
                }

                @Override
                public void closed(ZwlrLayerSurfaceV1 self) {
                    closed++;
                    globalsRemovedWhenClosed = removedGlobals.size();
                }
            });
            layer.setSize(0, 30);
            layer.setAnchor(ZwlrLayerSurfaceV1.Anchor.TOP | ZwlrLayerSurfaceV1.Anchor.LEFT | ZwlrLayerSurfaceV1.Anchor.RIGHT);
        }

        /** Commits the initial state, acks the configure and shows a buffer of the configured size. */
        void show(TestClient c) throws Exception {
            surface.commit();
            c.display.roundtrip();
            int[] conf = configures.getLast();
            layer.ackConfigure(conf[0]);
            TestClient.ShmBuffer b = c.new ShmBuffer(conf[1], conf[2], 0xff336699);
            surface.attach(b.buffer, 0, 0);
            surface.commit();
            c.display.roundtrip();
        }
    }

    @BeforeEach
    void start() throws Exception {
        ip = new InProcessCompositor(new ProtocolContext.Policy(false, true), "--backend", "headless", "--renderer", "software",
                "--output", "LEFT:640x480", "--output", "RIGHT:800x600");
        outputs = ip.compositor.outputs();
        c = ip.connect();
        WlRegistry watcher = c.display.wlDisplay().getRegistry();
        watcher.setListener(new WlRegistry.Listener() {
            @Override
            public void global(WlRegistry self, int name, String iface, int version) {
                if (iface.equals(WlOutput.NAME)) addedOutputGlobals.add(new int[] {name});
            }

            @Override
            public void globalRemove(WlRegistry self, int name) {
                removedGlobals.add(name);
            }
        });
        c.display.roundtrip();
        assertEquals(2, c.outputs.size());
    }

    @AfterEach
    void stop() throws Exception {
        c.close();
        ip.close();
    }

    private boolean remove(String name) throws Exception {
        return ip.onLoop(() -> outputs.remove(outputs.find(name)));
    }

    private int visibleSurfaces() throws Exception {
        return ip.onLoop(() -> {
            int[] n = {0};
            ip.compositor.scene().forEachVisibleSurface((s, x, y) -> n[0]++);
            return n[0];
        });
    }

    @Test
    void aLayerSurfaceOnARemovedOutputIsClosedAndNeverShownAgain() throws Exception {
        ZwlrLayerShellV1 shell = c.bind(ZwlrLayerShellV1.TYPE, 4);
        Layer onLeft = new Layer(c, shell, c.outputs.get(0)), onRight = new Layer(c, shell, c.outputs.get(1));
        onLeft.show(c);
        onRight.show(c);
        assertEquals(800, onRight.configures.getLast()[1], "laid out on RIGHT, 800 wide");
        assertEquals(2, visibleSurfaces());
        int rightGlobal = addedOutputGlobals.get(1)[0];

        assertTrue(remove("RIGHT"));
        c.display.roundtrip();
        assertEquals(1, onRight.closed, "closed, once");
        assertEquals(0, onLeft.closed, "the other output's surface stays");
        assertEquals(List.of(rightGlobal), removedGlobals, "RIGHT's wl_output global is withdrawn");
        assertEquals(0, onRight.globalsRemovedWhenClosed, "after closed, as wlroots orders them");
        assertEquals(1, visibleSurfaces(), "and the closed surface is off the screen");
        assertEquals(List.of("LEFT"), ip.onLoop(() -> ip.compositor.scene().outputs().stream().map(Output::name).toList()));

        // the client has not destroyed it yet: its commits show nothing and configure nothing
        int configures = onRight.configures.size();
        TestClient.ShmBuffer b = c.new ShmBuffer(800, 30, 0xffff0000);
        onRight.surface.attach(b.buffer, 0, 0);
        onRight.surface.commit();
        c.display.roundtrip();
        assertEquals(1, visibleSurfaces());
        assertEquals(configures, onRight.configures.size());
        assertEquals(1, onRight.closed);
        onRight.layer.destroy();
        onRight.surface.destroy();

        // a layer surface asked for on the old wl_output (the client had not released it yet) is closed at once
        Layer late = new Layer(c, shell, c.outputs.get(1));
        late.surface.commit();
        c.display.roundtrip();
        assertEquals(1, late.closed);
        assertEquals(List.of(), late.configures);
    }

    @Test
    void aWindowOnARemovedOutputComesBackToTheOtherAndThePointerToo() throws Exception {
        try (TestClient.ShmBuffer red = c.new ShmBuffer(100, 80, 0xffff0000)) {
            c.window(red, "far", "test.far");
            ip.onLoop(() -> {
                assertTrue(ip.compositor.scene().toplevels().getFirst().moveTo(900, 300)); // on RIGHT (640..1440)
                ip.compositor.seat().pointer().motionTo(1000, 340, 0);
                return null;
            });
            assertTrue(remove("RIGHT"));
            Rect geometry = ip.onLoop(() -> ip.compositor.scene().toplevels().getFirst().geometry());
            assertTrue(geometry.intersects(new Rect(0, 0, 640, 480)), "the window is on LEFT now: " + geometry);
            assertEquals(new Rect(0, 0, 640, 480), ip.onLoop(() -> ip.compositor.scene().layoutBounds()));
            double x = ip.onLoop(() -> ip.compositor.seat().pointer().x());
            assertTrue(x < 640, "the pointer is on LEFT: " + x);
        }
    }

    @Test
    void theLastOutputIsKeptAndItsLayerSurfacesStay() throws Exception {
        ZwlrLayerShellV1 shell = c.bind(ZwlrLayerShellV1.TYPE, 4);
        Layer onLeft = new Layer(c, shell, c.outputs.get(0));
        onLeft.show(c);
        assertTrue(remove("RIGHT"));
        assertFalse(remove("LEFT"), "clients always have an output to be shown on");
        c.display.roundtrip();
        assertEquals(0, onLeft.closed);
        assertEquals(1, visibleSurfaces());
        assertEquals(1, removedGlobals.size());
    }

    @Test
    void aRemovedOutputComesBackAsANewGlobalWhereLayerSurfacesCanBeMadeAgain() throws Exception {
        Output right = ip.onLoop(() -> outputs.find("RIGHT"));
        assertTrue(remove("RIGHT"));
        ip.onLoop(() -> {
            outputs.restore(new OutputGlobal(ip.compositor.server().globals(), right));
            return null;
        });
        c.display.roundtrip();
        assertEquals(3, addedOutputGlobals.size(), "a new wl_output global");
        assertEquals(List.of("LEFT", "RIGHT"), ip.onLoop(() -> outputs.all().stream().map(Output::name).toList()), "in the backend's order");
        assertEquals(640, right.x(), "right of LEFT again");

        WlOutput again = c.registry.bind(addedOutputGlobals.get(2)[0], WlOutput.TYPE, 4);
        Layer panel = new Layer(c, c.bind(ZwlrLayerShellV1.TYPE, 4), again);
        panel.show(c);
        assertEquals(0, panel.closed);
        assertEquals(800, panel.configures.getLast()[1]);
    }

    @Test
    void outputManagementFinishesTheHeadOfARemovedOutputAndAddsOneWhenItIsBack() throws Exception {
        ZwlrOutputManagerV1 manager = c.bind(ZwlrOutputManagerV1.TYPE, 4);
        List<String> events = new ArrayList<>();
        manager.setListener(new ZwlrOutputManagerV1.Listener() {
            @Override
            public void head(ZwlrOutputManagerV1 self, ZwlrOutputHeadV1 head) {
                head.setListener(new ZwlrOutputHeadV1.Listener() {
                    @Override
                    public void name(ZwlrOutputHeadV1 self, String name) {
                        events.add("head " + name);
                        head.setListener(new ZwlrOutputHeadV1.Listener() {
                            @Override
                            public void finished(ZwlrOutputHeadV1 self) {
                                events.add("finished " + name);
                            }
                        });
                    }
                });
            }

            @Override
            public void done(ZwlrOutputManagerV1 self, int serial) {
                events.add("done");
            }
        });
        c.display.roundtrip();
        assertEquals(List.of("head LEFT", "head RIGHT", "done"), events);
        events.clear();
        Output right = ip.onLoop(() -> outputs.find("RIGHT"));
        assertTrue(remove("RIGHT"));
        c.display.roundtrip();
        assertEquals(List.of("finished RIGHT", "done"), events);
        events.clear();
        ip.onLoop(() -> {
            outputs.restore(new OutputGlobal(ip.compositor.server().globals(), right));
            return null;
        });
        c.display.roundtrip();
        assertEquals(List.of("head RIGHT", "done"), events);
    }
}
