package javawc.compositor.datacontrol;

import javawc.compositor.seat.Seat;
import javawc.compositor.selection.Selection;
import javawc.server.protocol.ZwlrDataControlDeviceV1;
import javawc.server.protocol.ZwlrDataControlSourceV1;

/**
 * zwlr_data_control_device_v1: sets the clipboard or the primary selection with no input
 * event to name. Each source may be set once (used_source otherwise). The new selection
 * counts as newer than every input event so far, so a late set_selection of a focused client
 * for an older event does not undo it.
 */
final class DataControlDevice implements ZwlrDataControlDeviceV1.Handler {
    private final Seat seat;
    private final Selection clipboard, primary;

    DataControlDevice(Seat seat, Selection clipboard, Selection primary) {
        this.seat = seat;
        this.clipboard = clipboard;
        this.primary = primary;
    }

    @Override
    public void setSelection(ZwlrDataControlDeviceV1 self, ZwlrDataControlSourceV1 source) {
        set(self, source, clipboard);
    }

    @Override
    public void setPrimarySelection(ZwlrDataControlDeviceV1 self, ZwlrDataControlSourceV1 source) {
        set(self, source, primary);
    }

    private void set(ZwlrDataControlDeviceV1 self, ZwlrDataControlSourceV1 sourceResource, Selection selection) {
        DataControlSource source = sourceResource == null ? null : DataControlSource.of(sourceResource);
        if (source != null && !source.claim(selection)) {
            self.postError(ZwlrDataControlDeviceV1.Error.USED_SOURCE, sourceResource + " was already set as a selection");
            return;
        }
        selection.set(source, seat.nextSerial());
    }

    @Override
    public void destroy(ZwlrDataControlDeviceV1 self) {
        // destructor: the manager forgets the device when it is destroyed
    }
}
