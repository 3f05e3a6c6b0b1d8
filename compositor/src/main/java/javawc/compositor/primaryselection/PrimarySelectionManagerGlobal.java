package javawc.compositor.primaryselection;

import javawc.compositor.seat.Seat;
import javawc.compositor.selection.FocusedClientDevices;
import javawc.compositor.selection.Selection;
import javawc.server.GlobalRegistry;
import javawc.server.protocol.WlSeat;
import javawc.server.protocol.ZwpPrimarySelectionDeviceManagerV1;
import javawc.server.protocol.ZwpPrimarySelectionDeviceV1;
import javawc.server.protocol.ZwpPrimarySelectionSourceV1;

/**
 * zwp_primary_selection_device_manager_v1 (v1): the primary selection (what is selected,
 * pasted with the middle button), set for a recent input event and seen by the client with
 * the keyboard focus, like the clipboard.
 */
public final class PrimarySelectionManagerGlobal implements ZwpPrimarySelectionDeviceManagerV1.Handler {
    public static final int VERSION = 1;

    private final FocusedClientDevices<ZwpPrimarySelectionDeviceV1> devices;
    private final PrimarySelectionDevice deviceHandler;

    public PrimarySelectionManagerGlobal(GlobalRegistry registry, Seat seat, Selection primary) {
        devices = new FocusedClientDevices<>(seat, primary, PrimarySelectionOffer::announce);
        deviceHandler = new PrimarySelectionDevice(devices);
        registry.add(ZwpPrimarySelectionDeviceManagerV1.SPEC, VERSION, ZwpPrimarySelectionDeviceManagerV1::new, r -> r.setHandler(this));
    }

    @Override
    public void createSource(ZwpPrimarySelectionDeviceManagerV1 self, ZwpPrimarySelectionSourceV1 id) {
        new PrimarySelectionSource(id);
    }

    @Override
    public void getDevice(ZwpPrimarySelectionDeviceManagerV1 self, ZwpPrimarySelectionDeviceV1 id, WlSeat seat) {
        id.setHandler(deviceHandler); // the one seat: nothing to look up
        devices.add(id);
    }

    @Override
    public void destroy(ZwpPrimarySelectionDeviceManagerV1 self) {
        // destructor; sources and devices made through it live on
    }
}
