package javawc.compositor.backend.drm;

import javawc.os.Drm;
import javawc.os.Epoll;
import javawc.os.LibC;
import javawc.os.NativeBuffer;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.server.EventLoop;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Listens for the kernel's uevents (a NETLINK_KOBJECT_UEVENT socket, group 1: what the kernel
 * itself sends, before udev sees it) and calls back when our DRM card reports HOTPLUG=1, the
 * event a connector being plugged or unplugged (or its mode list changing) produces. A
 * spoofed event (only root can send to the group) would merely make us re-read connectors.
 */
final class HotplugMonitor implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(HotplugMonitor.class);
    private static final int NETLINK_GROUP_KERNEL = 1;

    private final OwnedFd socket;
    private final NativeBuffer message = new NativeBuffer(8192); // a uevent is at most 2 KiB plus the header line
    private final byte[] bytes = new byte[8192];
    private final int major, minor;
    private final String devname;
    private final Runnable onHotplug;
    private EventLoop.Source source;

    private HotplugMonitor(OwnedFd socket, long deviceNumber, String devname, Runnable onHotplug) {
        this.socket = socket;
        this.major = Drm.major(deviceNumber);
        this.minor = Drm.minor(deviceNumber);
        this.devname = devname;
        this.onHotplug = onHotplug;
    }

    /**
     * Watches {@code device} for hotplug events on {@code loop}; null (logged at debug) when
     * uevents cannot be received here, e.g. in a container without a netlink socket.
     */
    static HotplugMonitor start(EventLoop loop, DrmDevice device, Runnable onHotplug) {
        OwnedFd socket = null;
        try {
            socket = OwnedFd.check(LibC.socket(LibC.AF_NETLINK, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC | LibC.SOCK_NONBLOCK,
                    LibC.NETLINK_KOBJECT_UEVENT), "socket(AF_NETLINK, NETLINK_KOBJECT_UEVENT)");
            NativeBuffer address = new NativeBuffer(12); // struct sockaddr_nl: family, pad, pid (0: the kernel picks), groups
            address.buffer().putShort(0, (short) LibC.AF_NETLINK).putInt(4, 0).putInt(8, NETLINK_GROUP_KERNEL);
            if (LibC.bind(socket.get(), address.address(), 12) < 0) throw OsException.last("bind to the kernel's uevent group");
            String name = device.path.startsWith("/dev/") ? device.path.substring(5) : device.path;
            HotplugMonitor m = new HotplugMonitor(socket, Drm.deviceNumber(device.fd), name, onHotplug);
            m.source = loop.add(socket.get(), Epoll.IN, events -> m.readAll());
            LOG.debug("watching uevents for hotplug of {} ({}:{})", device.path, m.major, m.minor);
            return m;
        } catch (OsException e) {
            LOG.debug("no hotplug detection: {}", e.getMessage());
            if (socket != null) socket.close();
            return null;
        }
    }

    /** Drains the socket; one callback for any number of matching events. */
    private void readAll() {
        boolean hotplug = false;
        while (true) {
            long n = LibC.read(socket.get(), message.address(), message.capacity());
            if (n < 0) {
                int errno = LibC.errno();
                if (errno == LibC.EINTR) continue;
                if (errno == LibC.ENOBUFS) { // the socket overflowed: events were lost, ours may be among them
                    hotplug = true;
                    continue;
                }
                if (errno != LibC.EAGAIN) LOG.warn("reading uevents: {}", LibC.describe(errno));
                break;
            }
            int length = (int) n;
            message.buffer().get(0, bytes, 0, length);
            if (isHotplugOf(parse(bytes, length), major, minor, devname)) hotplug = true;
        }
        if (hotplug) onHotplug.run();
    }

    /**
     * The KEY=VALUE fields of a kernel uevent: NUL-separated, after an "ACTION@DEVPATH" header
     * line that has no '='. Empty for udev's own messages (which start "libudev").
     */
    static Map<String, String> parse(byte[] data, int length) {
        Map<String, String> fields = new HashMap<>();
        if (length >= 7 && new String(data, 0, 7, StandardCharsets.US_ASCII).equals("libudev")) return fields;
        for (int start = 0; start < length; ) {
            int end = start;
            while (end < length && data[end] != 0) end++;
            String field = new String(data, start, end - start, StandardCharsets.UTF_8);
            int eq = field.indexOf('=');
            if (eq > 0) fields.put(field.substring(0, eq), field.substring(eq + 1));
            start = end + 1;
        }
        return fields;
    }

    /**
     * Whether a uevent is a DRM hotplug of our card: SUBSYSTEM=drm, HOTPLUG=1, and the device
     * number (MAJOR/MINOR) ours, or when those are missing its DEVNAME (e.g. "dri/card0").
     */
    static boolean isHotplugOf(Map<String, String> event, int major, int minor, String devname) {
        if (!"drm".equals(event.get("SUBSYSTEM")) || !"1".equals(event.get("HOTPLUG"))) return false;
        String ma = event.get("MAJOR"), mi = event.get("MINOR");
        if (ma != null && mi != null) return ma.equals(Integer.toString(major)) && mi.equals(Integer.toString(minor));
        return devname.equals(event.get("DEVNAME"));
    }

    @Override
    public void close() {
        if (source != null) source.remove();
        socket.close();
    }
}
