package javawc.compositor.datadevice;

import javawc.compositor.ProtocolContext;

/** wl_data_device_manager: the clipboard, and drag and drop. */
public final class DataDeviceProtocol {
    private DataDeviceProtocol() {}

    public static AutoCloseable install(ProtocolContext c) {
        new DataDeviceManagerGlobal(c.globals(), c.seat(), c.scene(), c.clipboard());
        return null;
    }
}
