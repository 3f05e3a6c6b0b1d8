package javawc.compositor.datadevice;

import javawc.compositor.core.Surface;
import javawc.compositor.scene.Scene;
import javawc.compositor.seat.Pointer;
import javawc.compositor.seat.Seat;
import javawc.compositor.selection.FocusedClientDevices;
import javawc.server.protocol.WlDataDevice;
import javawc.server.protocol.WlDataSource;
import javawc.server.protocol.WlSurface;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * wl_data_device: sets the clipboard selection for a recent input event of the client, and
 * starts drags from a held button. The selection events themselves go out through
 * {@link FocusedClientDevices}. Requests that name a stale serial are ignored, as the
 * protocol asks; their source is cancelled so the client does not wait for data it will
 * never be asked for.
 */
final class DataDevice implements WlDataDevice.Handler {
    private static final Logger LOG = LogManager.getLogger(DataDevice.class);

    private final Seat seat;
    private final Scene scene;
    private final FocusedClientDevices<WlDataDevice> devices;

    DataDevice(Seat seat, Scene scene, FocusedClientDevices<WlDataDevice> devices) {
        this.seat = seat;
        this.scene = scene;
        this.devices = devices;
    }

    @Override
    public void setSelection(WlDataDevice self, WlDataSource sourceResource, int serial) {
        DataSource source = sourceResource == null ? null : DataSource.of(sourceResource);
        if (source != null && !source.claim(DataSource.Use.SELECTION)) return;
        if (!devices.maySet(self.client(), serial)) {
            LOG.debug("{}: set_selection for serial {}, not a recent input event of its client: ignored", self, Integer.toUnsignedString(serial));
            if (source != null) source.cancelled();
            return;
        }
        if (source != null) source.heldBy(devices.selection());
        devices.selection().set(source, serial);
    }

    @Override
    public void startDrag(WlDataDevice self, WlDataSource sourceResource, WlSurface originResource, WlSurface iconResource, int serial) {
        DataSource source = sourceResource == null ? null : DataSource.of(sourceResource);
        if (source != null && !source.claim(DataSource.Use.DRAG)) return;
        Surface icon = iconResource == null ? null : Surface.of(iconResource);
        if (icon != null && !(icon.role() instanceof DragIconRole) && !icon.setRole(new DragIconRole(seat.pointer()), self, WlDataDevice.Error.ROLE)) return;
        Surface origin = Surface.of(originResource);
        if (!heldOn(seat.pointer(), origin, serial)) {
            LOG.debug("{}: start_drag for serial {}, not the press of a button held on {}: ignored", self, Integer.toUnsignedString(serial), origin);
            if (source != null && source.version() >= WlDataSource.EVENT_DND_FINISHED_SINCE) source.resource().sendCancelled();
            return;
        }
        new Drag(seat, scene, devices, origin, source, icon).start();
    }

    /** Whether {@code serial} is the press of the button held now, pressed on {@code origin} or one of its subsurfaces. */
    private static boolean heldOn(Pointer pointer, Surface origin, int serial) {
        if (pointer.buttonCount() == 0 || pointer.pressSerial() != serial) return false;
        return inTree(origin, pointer.focus());
    }

    private static boolean inTree(Surface root, Surface s) {
        if (root == s) return true;
        for (Surface child : root.stack()) if (child != root && inTree(child, s)) return true;
        return false;
    }

    @Override
    public void release(WlDataDevice self) {
        // destructor: FocusedClientDevices forgets the device when it is destroyed
    }
}
