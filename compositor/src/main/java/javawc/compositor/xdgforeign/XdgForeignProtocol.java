package javawc.compositor.xdgforeign;

import javawc.compositor.ProtocolContext;
import javawc.compositor.core.Surface;
import javawc.compositor.xdg.XdgShell;
import javawc.server.protocol.WlSurface;
import javawc.server.protocol.ZxdgExportedV2;
import javawc.server.protocol.ZxdgExporterV2;
import javawc.server.protocol.ZxdgImportedV2;
import javawc.server.protocol.ZxdgImporterV2;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * zxdg_exporter_v2 and zxdg_importer_v2 (v1 each): one client exports its toplevel and passes the
 * handle to another (a file chooser portal, a plugin's host), which imports it and makes its own
 * toplevel a dialog of it, as xdg_toplevel.set_parent would within one client. Handles are 128
 * random bits, so a client cannot guess another's. When the export goes (or its surface), each
 * import hears {@code destroyed} and the dialogs it parented lose that parent; so do they when
 * their import is destroyed.
 */
public final class XdgForeignProtocol {
    public static final int VERSION = 1;
    private static final Logger LOG = LogManager.getLogger(XdgForeignProtocol.class);

    private SecureRandom random; // made at the first export: its set-up (security providers, seeding) cost ~15 ms of every start
    private final Map<String, Export> exports = new HashMap<>();

    /** A toplevel exported under a handle, and the imports of it. */
    private final class Export {
        final String handle;
        final Surface surface;
        final List<Import> imports = new ArrayList<>();

        Export(String handle, Surface surface) {
            this.handle = handle;
            this.surface = surface;
        }

        void gone() {
            if (exports.remove(handle) == null) return;
            for (Import i : List.copyOf(imports)) i.exportGone();
        }
    }

    /** One import of an export: the toplevels it made dialogs of it. */
    private static final class Import implements ZxdgImportedV2.Handler {
        final ZxdgImportedV2 resource;
        Export export; // null once the export is gone
        final List<Surface> children = new ArrayList<>();

        Import(ZxdgImportedV2 resource, Export export) {
            this.resource = resource;
            this.export = export;
        }

        void exportGone() {
            releaseChildren();
            export = null;
            if (resource.isAlive()) resource.sendDestroyed();
        }

        /** The dialogs made through this import stop being the export's dialogs (if nothing else changed their parent since). */
        void releaseChildren() {
            if (export != null) {
                for (Surface child : children) {
                    if (XdgShell.isToplevel(child) && XdgShell.isToplevel(export.surface) && XdgShell.parentOf(child) != null
                            && XdgShell.parentOf(child).surface() == export.surface) {
                        XdgShell.setParent(child, null);
                    }
                }
                export.imports.remove(this);
            }
            children.clear();
        }

        @Override
        public void destroy(ZxdgImportedV2 self) {
            // destructor; see the destroy listener
        }

        @Override
        public void setParentOf(ZxdgImportedV2 self, WlSurface surfaceResource) {
            Surface child = Surface.of(surfaceResource);
            if (!XdgShell.isToplevel(child)) {
                self.postError(ZxdgImportedV2.Error.INVALID_SURFACE, child + " is not an xdg_toplevel");
                return;
            }
            if (export == null || !XdgShell.isToplevel(export.surface)) return; // inert: the export is gone
            if (!XdgShell.setParent(child, export.surface)) {
                LOG.debug("{}: set_parent_of would make a loop; ignored", self.client());
                return;
            }
            if (!children.contains(child)) children.add(child);
        }
    }

    private XdgForeignProtocol(ProtocolContext c) {
        c.globals().add(ZxdgExporterV2.SPEC, VERSION, ZxdgExporterV2::new, r -> r.setHandler(new ZxdgExporterV2.Handler() {
            @Override
            public void destroy(ZxdgExporterV2 self) {
                // destructor: what it exported stays exported
            }

            @Override
            public void exportToplevel(ZxdgExporterV2 self, ZxdgExportedV2 id, WlSurface surfaceResource) {
                exportToplevelOf(self, id, Surface.of(surfaceResource));
            }
        }));
        c.globals().add(ZxdgImporterV2.SPEC, VERSION, ZxdgImporterV2::new, r -> r.setHandler(new ZxdgImporterV2.Handler() {
            @Override
            public void destroy(ZxdgImporterV2 self) {
                // destructor: its imports live on
            }

            @Override
            public void importToplevel(ZxdgImporterV2 self, ZxdgImportedV2 id, String handle) {
                importOf(id, handle);
            }
        }));
    }

    /** The entry point: offers zxdg_exporter_v2 and zxdg_importer_v2. */
    public static AutoCloseable install(ProtocolContext c) {
        new XdgForeignProtocol(c);
        return null;
    }

    private void exportToplevelOf(ZxdgExporterV2 exporter, ZxdgExportedV2 id, Surface surface) {
        if (!XdgShell.isToplevel(surface)) {
            exporter.postError(ZxdgExporterV2.Error.INVALID_SURFACE, surface + " is not an xdg_toplevel");
            return;
        }
        byte[] bits = new byte[16];
        if (random == null) random = new SecureRandom();
        random.nextBytes(bits);
        Export export = new Export(HexFormat.of().formatHex(bits), surface);
        exports.put(export.handle, export);
        id.setHandler(self -> { /* destroy: see the listener */ });
        id.onDestroy(export::gone);
        surface.resource().onDestroy(export::gone);
        id.sendHandle(export.handle);
    }

    private void importOf(ZxdgImportedV2 id, String handle) {
        Export export = exports.get(handle);
        Import imp = new Import(id, export);
        id.setHandler(imp);
        id.onDestroy(imp::releaseChildren);
        if (export == null) {
            id.sendDestroyed(); // no such handle (or no longer): the import is inert
            return;
        }
        export.imports.add(imp);
    }
}
