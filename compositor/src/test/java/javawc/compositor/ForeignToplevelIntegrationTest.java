package javawc.compositor;

import javawc.client.ProtocolErrorException;
import javawc.client.protocol.WlRegistry;
import javawc.client.protocol.XdgToplevel;
import javawc.client.protocol.ZwlrForeignToplevelHandleV1;
import javawc.client.protocol.ZwlrForeignToplevelManagerV1;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * zwlr_foreign_toplevel_manager_v1 against the real compositor, as a taskbar uses it: the
 * windows of another client with title, app id, states and output, changes as they happen,
 * requests that reach the window (maximize, close), closed when it goes, and invalid_rectangle.
 * (wlcs's foreign-toplevel suite runs in scripts/conformance.)
 */
class ForeignToplevelIntegrationTest extends ControlledCompositorTest {
    private static final int WHITE = 0xffffffff;

    /** A taskbar: every handle's events as "ID event args" lines. */
    private static final class Taskbar {
        final TestClient client;
        final List<String> events = new ArrayList<>();
        final List<ZwlrForeignToplevelHandleV1> handles = new ArrayList<>();

        Taskbar(TestClient client) throws Exception {
            this.client = client;
            ZwlrForeignToplevelManagerV1[] found = {null};
            client.display.wlDisplay().getRegistry().setListener(new WlRegistry.Listener() {
                @Override
                public void global(WlRegistry r, int name, String iface, int version) {
                    if (iface.equals(ZwlrForeignToplevelManagerV1.NAME)) found[0] = r.bind(name, ZwlrForeignToplevelManagerV1.TYPE, version);
                }
            });
            client.display.roundtrip();
            assertNotNull(found[0], "no zwlr_foreign_toplevel_manager_v1 offered");
            found[0].setListener(new ZwlrForeignToplevelManagerV1.Listener() {
                @Override
                public void toplevel(ZwlrForeignToplevelManagerV1 self, ZwlrForeignToplevelHandleV1 handle) {
                    handles.add(handle);
                    handle.setListener(recorder());
                }
            });
            client.display.roundtrip();
        }

        private ZwlrForeignToplevelHandleV1.Listener recorder() {
            return new ZwlrForeignToplevelHandleV1.Listener() {
                @Override
                public void title(ZwlrForeignToplevelHandleV1 self, String title) {
                    events.add(self.id() + " title " + title);
                }

                @Override
                public void appId(ZwlrForeignToplevelHandleV1 self, String appId) {
                    events.add(self.id() + " app_id " + appId);
                }

                @Override
                public void state(ZwlrForeignToplevelHandleV1 self, ByteBuffer state) {
                    List<Integer> states = new ArrayList<>();
                    ByteBuffer b = state.duplicate().order(ByteOrder.nativeOrder());
                    while (b.remaining() >= 4) states.add(b.getInt());
                    events.add(self.id() + " state " + states);
                }

                @Override
                public void outputEnter(ZwlrForeignToplevelHandleV1 self, javawc.client.protocol.WlOutput output) {
                    events.add(self.id() + " output_enter");
                }

                @Override
                public void done(ZwlrForeignToplevelHandleV1 self) {
                    events.add(self.id() + " done");
                }

                @Override
                public void closed(ZwlrForeignToplevelHandleV1 self) {
                    events.add(self.id() + " closed");
                }
            };
        }

        void await(String event) throws Exception {
            for (int i = 0; i < 200 && !events.contains(event); i++) {
                client.display.roundtrip();
                if (!events.contains(event)) Thread.sleep(10);
            }
            assertTrue(events.contains(event), "no '" + event + "' in " + events);
        }

        ZwlrForeignToplevelHandleV1 handleTitled(String title) {
            for (ZwlrForeignToplevelHandleV1 h : handles) if (events.contains(h.id() + " title " + title)) return h;
            throw new AssertionError("no handle titled " + title + ": " + events);
        }
    }

    @Test
    void aTaskbarFollowsAnotherClientsWindowAndActsOnIt() throws Exception {
        try (TestClient app = new TestClient(compositor); TestClient.ShmBuffer white = app.new ShmBuffer(120, 80, WHITE);
             TestClient bar = new TestClient(compositor)) {
            Taskbar taskbar = new Taskbar(bar);
            TestClient.Window w = app.window(white, "first title", "test.foreign");
            boolean[] closeAsked = {false};
            List<String> configures = new ArrayList<>();
            w.toplevel().setListener(new XdgToplevel.Listener() {
                @Override
                public void configure(XdgToplevel self, int width, int height, ByteBuffer states) {
                    configures.add(width + "x" + height);
                }

                @Override
                public void close(XdgToplevel self) {
                    closeAsked[0] = true;
                }
            });
            app.autoAck = true;
            taskbar.await(waitForHandle(taskbar).id() + " done");
            ZwlrForeignToplevelHandleV1 h = taskbar.handleTitled("first title");
            assertTrue(taskbar.events.contains(h.id() + " app_id test.foreign"), taskbar.events.toString());
            assertTrue(taskbar.events.contains(h.id() + " state [" + ZwlrForeignToplevelHandleV1.State.ACTIVATED + "]"), taskbar.events.toString());
            assertTrue(taskbar.events.contains(h.id() + " output_enter"), taskbar.events.toString());

            w.toplevel().setTitle("second title");
            app.display.flush();
            taskbar.await(h.id() + " title second title");

            h.setMaximized();
            taskbar.await(h.id() + " state [" + ZwlrForeignToplevelHandleV1.State.MAXIMIZED + ", " + ZwlrForeignToplevelHandleV1.State.ACTIVATED + "]");
            app.display.roundtrip();
            assertTrue(configures.contains("1280x720"), "the window was asked to fill the output: " + configures);

            h.close();
            bar.display.roundtrip();
            app.display.roundtrip();
            assertTrue(closeAsked[0], "xdg_toplevel.close reached the window's client");

            w.toplevel().destroy();
            w.xdgSurface().destroy();
            app.display.flush();
            taskbar.await(h.id() + " closed");
        }
    }

    private static ZwlrForeignToplevelHandleV1 waitForHandle(Taskbar taskbar) throws Exception {
        for (int i = 0; i < 200 && taskbar.handles.isEmpty(); i++) {
            taskbar.client.display.roundtrip();
            Thread.sleep(10);
        }
        assertFalse(taskbar.handles.isEmpty(), "no toplevel event");
        return taskbar.handles.getLast();
    }

    @Test
    void aRectangleOfNegativeSizeIsInvalid() throws Exception {
        try (TestClient app = new TestClient(compositor); TestClient.ShmBuffer white = app.new ShmBuffer(50, 50, WHITE);
             TestClient bar = new TestClient(compositor)) {
            app.window(white, "rectangle", "test.rectangle");
            Taskbar taskbar = new Taskbar(bar);
            ZwlrForeignToplevelHandleV1 h = waitForHandle(taskbar);
            h.setRectangle(bar.compositor.createSurface(), 0, 0, -1, 10);
            ProtocolErrorException e = assertThrows(ProtocolErrorException.class, bar.display::roundtrip);
            assertEquals(ZwlrForeignToplevelHandleV1.Error.INVALID_RECTANGLE, e.code(), e.getMessage());
        }
    }
}
