package javawc.compositor.backend.drm;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class HotplugMonitorTest {
    /** A kernel uevent as it arrives on the netlink socket: header line, then NUL-terminated fields. */
    private static byte[] uevent(String... lines) {
        return (String.join("\0", lines) + "\0").getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> parse(byte[] b) {
        return HotplugMonitor.parse(b, b.length);
    }

    private final byte[] card0Hotplug = uevent("change@/devices/pci0000:00/0000:00:01.0/virtio0/drm/card0",
            "ACTION=change", "DEVPATH=/devices/pci0000:00/0000:00:01.0/virtio0/drm/card0", "SUBSYSTEM=drm",
            "HOTPLUG=1", "CONNECTOR=35", "DEVNAME=dri/card0", "DEVTYPE=drm_minor", "SEQNUM=2811", "MAJOR=226", "MINOR=0");

    @Test
    void parsesFieldsAndSkipsTheHeaderLine() {
        Map<String, String> e = parse(card0Hotplug);
        assertEquals("change", e.get("ACTION"));
        assertEquals("drm", e.get("SUBSYSTEM"));
        assertEquals("35", e.get("CONNECTOR"));
        assertEquals("0", e.get("MINOR"));
        assertEquals(10, e.size());
        assertFalse(e.containsKey("change@/devices/pci0000:00/0000:00:01.0/virtio0/drm/card0"));
    }

    @Test
    void parsesOnlyTheBytesRead() {
        byte[] buf = new byte[4096];
        System.arraycopy(card0Hotplug, 0, buf, 0, card0Hotplug.length);
        buf[card0Hotplug.length] = 'X'; // stale bytes of an earlier, longer message
        assertEquals(parse(card0Hotplug), HotplugMonitor.parse(buf, card0Hotplug.length));
        assertEquals("change", HotplugMonitor.parse(card0Hotplug, card0Hotplug.length - 1).get("ACTION")); // no final NUL
        assertEquals("", parse(uevent("add@/x", "EMPTY=")).get("EMPTY"));
        assertEquals("a=b", parse(uevent("add@/x", "K=a=b")).get("K"));
    }

    @Test
    void ignoresUdevsOwnMessages() {
        assertTrue(parse(uevent("libudev", "SUBSYSTEM=drm", "HOTPLUG=1")).isEmpty());
    }

    @Test
    void matchesOurCardByDeviceNumber() {
        assertTrue(HotplugMonitor.isHotplugOf(parse(card0Hotplug), 226, 0, "dri/card0"));
        assertFalse(HotplugMonitor.isHotplugOf(parse(card0Hotplug), 226, 1, "dri/card1"));
        assertFalse(HotplugMonitor.isHotplugOf(parse(card0Hotplug), 227, 0, "dri/card0"));
    }

    @Test
    void fallsBackToTheDeviceNameWithoutNumbers() {
        Map<String, String> e = parse(uevent("change@/devices/x/drm/card1", "ACTION=change", "SUBSYSTEM=drm", "HOTPLUG=1", "DEVNAME=dri/card1"));
        assertTrue(HotplugMonitor.isHotplugOf(e, 226, 1, "dri/card1"));
        assertFalse(HotplugMonitor.isHotplugOf(e, 226, 0, "dri/card0"));
    }

    @Test
    void otherEventsAreNotHotplugs() {
        // a connector's own change event (e.g. link status) without HOTPLUG=1, the render node, another subsystem
        assertFalse(HotplugMonitor.isHotplugOf(parse(uevent("change@/d/card0", "ACTION=change", "SUBSYSTEM=drm",
                "DEVNAME=dri/card0", "MAJOR=226", "MINOR=0")), 226, 0, "dri/card0"));
        assertFalse(HotplugMonitor.isHotplugOf(parse(uevent("change@/d/card0", "ACTION=change", "SUBSYSTEM=drm", "HOTPLUG=0",
                "DEVNAME=dri/card0", "MAJOR=226", "MINOR=0")), 226, 0, "dri/card0"));
        assertFalse(HotplugMonitor.isHotplugOf(parse(uevent("add@/d/renderD128", "ACTION=add", "SUBSYSTEM=drm", "HOTPLUG=1",
                "DEVNAME=dri/renderD128", "MAJOR=226", "MINOR=128")), 226, 0, "dri/card0"));
        assertFalse(HotplugMonitor.isHotplugOf(parse(uevent("change@/d/sda", "ACTION=change", "SUBSYSTEM=block",
                "DEVNAME=sda", "MAJOR=8", "MINOR=0", "HOTPLUG=1")), 8, 0, "sda"));
        assertFalse(HotplugMonitor.isHotplugOf(parse(new byte[0]), 226, 0, "dri/card0"));
    }
}
