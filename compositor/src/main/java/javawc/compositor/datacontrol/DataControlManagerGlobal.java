package javawc.compositor.datacontrol;

import javawc.compositor.seat.Seat;
import javawc.compositor.security.Privilege;
import javawc.compositor.security.Privileges;
import javawc.compositor.selection.Selection;
import javawc.server.GlobalRegistry;
import javawc.server.protocol.WlSeat;
import javawc.server.protocol.ZwlrDataControlDeviceV1;
import javawc.server.protocol.ZwlrDataControlManagerV1;
import javawc.server.protocol.ZwlrDataControlSourceV1;

import java.util.ArrayList;
import java.util.List;

/**
 * zwlr_data_control_manager_v1 (v2, from our facts-only XML): clipboard tools and managers
 * see and set the clipboard and the primary selection without the keyboard focus. Every
 * device hears every change. It is privileged ({@link Privilege#CLIPBOARD_CONTROL}: offered
 * to the clients the configuration allows); {@code --no-data-control} leaves it out.
 */
public final class DataControlManagerGlobal implements ZwlrDataControlManagerV1.Handler {
    public static final int VERSION = 2;

    private final List<ZwlrDataControlDeviceV1> devices = new ArrayList<>();
    private final Selection clipboard, primary;
    private final DataControlDevice deviceHandler;

    public DataControlManagerGlobal(GlobalRegistry registry, Privileges privileges, Seat seat, Selection clipboard, Selection primary) {
        this.clipboard = clipboard;
        this.primary = primary;
        this.deviceHandler = new DataControlDevice(seat, clipboard, primary);
        clipboard.addListener(source -> {
            for (int i = 0; i < devices.size(); i++) DataControlOffer.announce(devices.get(i), clipboard, false);
        });
        primary.addListener(source -> {
            for (int i = 0; i < devices.size(); i++) DataControlOffer.announce(devices.get(i), primary, true);
        });
        privileges.restrict(registry.add(ZwlrDataControlManagerV1.SPEC, VERSION, ZwlrDataControlManagerV1::new, r -> r.setHandler(this)),
                Privilege.CLIPBOARD_CONTROL);
    }

    @Override
    public void createDataSource(ZwlrDataControlManagerV1 self, ZwlrDataControlSourceV1 id) {
        new DataControlSource(id);
    }

    @Override
    public void getDataDevice(ZwlrDataControlManagerV1 self, ZwlrDataControlDeviceV1 id, WlSeat seat) {
        id.setHandler(deviceHandler); // the one seat: nothing to look up
        devices.add(id);
        id.onDestroy(() -> devices.remove(id));
        DataControlOffer.announce(id, clipboard, false); // a new device hears the current selections at once
        DataControlOffer.announce(id, primary, true);
    }

    @Override
    public void destroy(ZwlrDataControlManagerV1 self) {
        // destructor; sources and devices made through it live on
    }
}
