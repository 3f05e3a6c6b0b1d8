package javawc.compositor;

import javawc.client.ProtocolErrorException;
import javawc.client.protocol.WlSurface;
import javawc.client.protocol.XdgSurface;
import javawc.client.protocol.XdgToplevel;
import javawc.client.protocol.ZxdgDecorationManagerV1;
import javawc.client.protocol.ZxdgExportedV2;
import javawc.client.protocol.ZxdgExporterV2;
import javawc.client.protocol.ZxdgImportedV2;
import javawc.client.protocol.ZxdgImporterV2;
import javawc.client.protocol.ZxdgToplevelDecorationV1;
import javawc.compositor.wm.ManagedWindow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * zxdg_decoration_manager_v1 (always client-side, each configure followed by the surface's) and
 * xdg-foreign v2 (a dialog of another client's window), with their errors, in this JVM.
 */
class DecorationAndForeignProtocolTest {
    private static InProcessCompositor compositor;
    private static TestClient bystander;

    @BeforeAll
    static void start() throws Exception {
        compositor = new InProcessCompositor("--backend", "headless", "--renderer", "software");
        bystander = compositor.connect();
    }

    @AfterAll
    static void stop() throws Exception {
        bystander.close();
        compositor.close();
    }

    @AfterEach
    void bystanderStillWorks() throws Exception {
        bystander.display.roundtrip();
    }

    private static ProtocolErrorException error(TestClient c) {
        return assertThrows(ProtocolErrorException.class, c.display::roundtrip);
    }

    // ---- decorations ----

    @Test
    void everyModeAskedForIsAnsweredClientSideBeforeTheSurfacesConfigure() throws Exception {
        try (TestClient c = compositor.connect()) {
            List<String> events = new ArrayList<>();
            WlSurface s = c.compositor.createSurface();
            XdgSurface xdg = c.wmBase.getXdgSurface(s);
            xdg.setListener(new XdgSurface.Listener() {
                @Override
                public void configure(XdgSurface self, int serial) {
                    events.add("xdg_surface.configure");
                    self.ackConfigure(serial);
                }
            });
            XdgToplevel toplevel = xdg.getToplevel();
            ZxdgToplevelDecorationV1 decoration = c.bind(ZxdgDecorationManagerV1.TYPE, 1).getToplevelDecoration(toplevel);
            decoration.setListener(new ZxdgToplevelDecorationV1.Listener() {
                @Override
                public void configure(ZxdgToplevelDecorationV1 self, int mode) {
                    events.add("decoration.configure " + mode);
                }
            });
            decoration.setMode(ZxdgToplevelDecorationV1.Mode.SERVER_SIDE);
            s.commit();
            c.display.roundtrip();
            assertEquals("decoration.configure 1", events.getFirst(), events.toString());
            assertEquals("xdg_surface.configure", events.getLast(), events.toString());
            events.clear();
            decoration.unsetMode();
            c.display.roundtrip();
            assertEquals(List.of("decoration.configure 1", "xdg_surface.configure"), events, "after the initial commit, a configure follows at once");
        }
    }

    @Test
    void aSecondDecorationABufferFirstAndAnOrphanAreErrors() throws Exception {
        try (TestClient c = compositor.connect()) {
            ZxdgDecorationManagerV1 manager = c.bind(ZxdgDecorationManagerV1.TYPE, 1);
            XdgToplevel t = c.wmBase.getXdgSurface(c.compositor.createSurface()).getToplevel();
            manager.getToplevelDecoration(t);
            manager.getToplevelDecoration(t);
            assertEquals(ZxdgToplevelDecorationV1.Error.ALREADY_CONSTRUCTED, error(c).code());
        }
        try (TestClient c = compositor.connect(); TestClient.ShmBuffer b = c.new ShmBuffer(20, 20, 0xffffffff)) {
            c.autoAck = true;
            TestClient.Window w = c.window(b, "shown");
            c.bind(ZxdgDecorationManagerV1.TYPE, 1).getToplevelDecoration(w.toplevel());
            assertEquals(ZxdgToplevelDecorationV1.Error.UNCONFIGURED_BUFFER, error(c).code());
        }
        try (TestClient c = compositor.connect()) {
            XdgToplevel t = c.wmBase.getXdgSurface(c.compositor.createSurface()).getToplevel();
            c.bind(ZxdgDecorationManagerV1.TYPE, 1).getToplevelDecoration(t);
            t.destroy();
            ProtocolErrorException e = error(c);
            assertEquals(ZxdgToplevelDecorationV1.Error.ORPHANED, e.code());
            assertTrue(e.objectName().startsWith("zxdg_toplevel_decoration_v1@"), e.objectName());
        }
    }

    // ---- xdg-foreign ----

    private static String exportHandle(TestClient c, WlSurface s, ZxdgExportedV2[] exported) throws Exception {
        String[] handle = new String[1];
        exported[0] = c.bind(ZxdgExporterV2.TYPE, 1).exportToplevel(s);
        exported[0].setListener(new ZxdgExportedV2.Listener() {
            @Override
            public void handle(ZxdgExportedV2 self, String h) {
                handle[0] = h;
            }
        });
        c.display.roundtrip();
        assertNotNull(handle[0]);
        return handle[0];
    }

    private static String parentOf(String title) throws Exception {
        return compositor.onLoop(() -> {
            for (ManagedWindow w : compositor.compositor.windowManager().windows()) {
                if (w.title().equals(title)) return w.parent() == null ? null : w.parent().title();
            }
            throw new AssertionError("no window " + title);
        });
    }

    @Test
    void anImportedToplevelBecomesTheParentOfAnotherClientsWindowUntilTheExportGoes() throws Exception {
        try (TestClient app = compositor.connect(); TestClient.ShmBuffer a = app.new ShmBuffer(200, 200, 0xffff0000);
             TestClient portal = compositor.connect(); TestClient.ShmBuffer b = portal.new ShmBuffer(100, 80, 0xff0000ff)) {
            app.autoAck = portal.autoAck = true;
            TestClient.Window main = app.window(a, "main");
            TestClient.Window dialog = portal.window(b, "file chooser");
            ZxdgExportedV2[] exported = new ZxdgExportedV2[1];
            String handle = exportHandle(app, main.surface(), exported);
            assertTrue(handle.matches("[0-9a-f]{32}"), handle);

            boolean[] destroyed = {false};
            ZxdgImportedV2 imported = portal.bind(ZxdgImporterV2.TYPE, 1).importToplevel(handle);
            imported.setListener(new ZxdgImportedV2.Listener() {
                @Override
                public void destroyed(ZxdgImportedV2 self) {
                    destroyed[0] = true;
                }
            });
            imported.setParentOf(dialog.surface());
            portal.display.roundtrip();
            assertEquals("main", parentOf("file chooser"));

            exported[0].destroy();
            app.display.roundtrip();
            portal.display.roundtrip();
            assertTrue(destroyed[0], "the import hears that the export went");
            assertNull(parentOf("file chooser"), "and the dialog has no parent any more");
        }
    }

    @Test
    void anUnknownHandleIsDestroyedAtOnceAndNonToplevelsAreInvalidSurfaces() throws Exception {
        try (TestClient c = compositor.connect()) {
            boolean[] destroyed = {false};
            c.bind(ZxdgImporterV2.TYPE, 1).importToplevel("not-a-handle").setListener(new ZxdgImportedV2.Listener() {
                @Override
                public void destroyed(ZxdgImportedV2 self) {
                    destroyed[0] = true;
                }
            });
            c.display.roundtrip();
            assertTrue(destroyed[0]);
        }
        try (TestClient c = compositor.connect()) {
            c.bind(ZxdgExporterV2.TYPE, 1).exportToplevel(c.compositor.createSurface());
            assertEquals(ZxdgExporterV2.Error.INVALID_SURFACE, error(c).code());
        }
        try (TestClient app = compositor.connect(); TestClient.ShmBuffer a = app.new ShmBuffer(50, 50, 0xffff0000); TestClient c = compositor.connect()) {
            app.autoAck = true;
            String handle = exportHandle(app, app.window(a, "exported").surface(), new ZxdgExportedV2[1]);
            c.bind(ZxdgImporterV2.TYPE, 1).importToplevel(handle).setParentOf(c.compositor.createSurface());
            ProtocolErrorException e = error(c);
            assertEquals(ZxdgImportedV2.Error.INVALID_SURFACE, e.code());
            assertTrue(e.objectName().startsWith("zxdg_imported_v2@"), e.objectName());
        }
    }
}
