package javawc.compositor.primaryselection;

import javawc.compositor.selection.FocusedClientDevices;
import javawc.server.protocol.ZwpPrimarySelectionDeviceV1;
import javawc.server.protocol.ZwpPrimarySelectionSourceV1;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * zwp_primary_selection_device_v1: sets the primary selection for a recent input event of the
 * client. A stale serial is ignored and its source cancelled. The protocol defines no errors,
 * so setting a source again is allowed (it is a no-op while the source holds the selection).
 */
final class PrimarySelectionDevice implements ZwpPrimarySelectionDeviceV1.Handler {
    private static final Logger LOG = LogManager.getLogger(PrimarySelectionDevice.class);

    private final FocusedClientDevices<ZwpPrimarySelectionDeviceV1> devices;

    PrimarySelectionDevice(FocusedClientDevices<ZwpPrimarySelectionDeviceV1> devices) {
        this.devices = devices;
    }

    @Override
    public void setSelection(ZwpPrimarySelectionDeviceV1 self, ZwpPrimarySelectionSourceV1 sourceResource, int serial) {
        PrimarySelectionSource source = sourceResource == null ? null : PrimarySelectionSource.of(sourceResource);
        if (!devices.maySet(self.client(), serial)) {
            LOG.debug("{}: set_selection for serial {}, not a recent input event of its client: ignored", self, Integer.toUnsignedString(serial));
            if (source != null && devices.selection().source() != source) source.cancelled();
            return;
        }
        if (source != null) source.heldBy(devices.selection());
        devices.selection().set(source, serial);
    }

    @Override
    public void destroy(ZwpPrimarySelectionDeviceV1 self) {
        // destructor: FocusedClientDevices forgets the device when it is destroyed
    }
}
