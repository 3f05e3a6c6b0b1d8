package javawc.compositor.datadevice;

import javawc.compositor.scene.Scene;
import javawc.compositor.seat.Seat;
import javawc.compositor.selection.FocusedClientDevices;
import javawc.compositor.selection.Selection;
import javawc.server.GlobalRegistry;
import javawc.server.protocol.WlDataDevice;
import javawc.server.protocol.WlDataDeviceManager;
import javawc.server.protocol.WlDataSource;
import javawc.server.protocol.WlSeat;

/**
 * wl_data_device_manager (v3): data sources and data devices, for the clipboard selection
 * and drag and drop. The clipboard's offers reach the client with the keyboard focus.
 */
public final class DataDeviceManagerGlobal implements WlDataDeviceManager.Handler {
    public static final int VERSION = 3;

    private final FocusedClientDevices<WlDataDevice> devices;
    private final DataDevice deviceHandler;

    public DataDeviceManagerGlobal(GlobalRegistry registry, Seat seat, Scene scene, Selection clipboard) {
        devices = new FocusedClientDevices<>(seat, clipboard, DataOffer::announceSelection);
        deviceHandler = new DataDevice(seat, scene, devices);
        registry.add(WlDataDeviceManager.SPEC, VERSION, WlDataDeviceManager::new, r -> r.setHandler(this));
    }

    @Override
    public void createDataSource(WlDataDeviceManager self, WlDataSource id) {
        new DataSource(id);
    }

    @Override
    public void getDataDevice(WlDataDeviceManager self, WlDataDevice id, WlSeat seat) {
        id.setHandler(deviceHandler); // the one seat: nothing to look up
        devices.add(id);
    }
}
