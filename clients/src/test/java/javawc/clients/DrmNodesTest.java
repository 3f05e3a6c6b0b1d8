package javawc.clients;

import javawc.os.Drm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** dev_t to device node, on folders made for the test (this machine may have no /dev/dri). */
class DrmNodesTest {
    private static final long CARD0 = 226 << 8, RENDER_D128 = 226 << 8 | 128;

    @Test
    void noMatchingNodeIsAClearError(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("card0")); // regular files: device number 0
        Files.createFile(dir.resolve("renderD128"));
        IOException e = assertThrows(IOException.class, () -> DrmNodes.find(CARD0, dir));
        assertEquals("no device node in " + dir + " is the compositor's main device 226:0 (give one with --device PATH)", e.getMessage());
        IOException missing = assertThrows(IOException.class, () -> DrmNodes.find(CARD0, dir.resolve("absent")));
        assertTrue(missing.getMessage().contains("226:0"), missing.getMessage());
    }

    @Test
    void theNodeWithTheDeviceNumberIsFound(@TempDir Path dir) throws Exception {
        long devNull = Drm.deviceNumber("/dev/null"); // a character device every Linux has (1:3)
        assertTrue(devNull > 0);
        Files.createFile(dir.resolve("card0"));
        Files.createSymbolicLink(dir.resolve("card1"), Path.of("/dev/null")); // followed, as in /dev/dri/by-path
        assertEquals(dir.resolve("card1"), DrmNodes.find(devNull, dir));
        Files.delete(dir.resolve("card1")); // JUnit warns about links out of its folder
    }

    @Test
    void aRenderNodeLeadsToThePrimaryNodeOfItsDevice(@TempDir Path tmp) throws Exception {
        Path dri = Files.createDirectories(tmp.resolve("dri")), sys = tmp.resolve("sys");
        Files.createFile(dri.resolve("card0"));
        Files.createFile(dri.resolve("renderD128"));
        Path drm = Files.createDirectories(sys.resolve("226:128/device/drm"));
        Files.createDirectories(drm.resolve("card0"));
        Files.createDirectories(drm.resolve("renderD128"));
        assertEquals(dri.resolve("card0"), DrmNodes.primary(dri.resolve("renderD128"), RENDER_D128, sys));
        assertEquals(dri.resolve("card0"), DrmNodes.primary(dri.resolve("card0"), CARD0, sys)); // already primary
        Files.delete(drm.resolve("card0")); // a render-only device
        IOException e = assertThrows(IOException.class, () -> DrmNodes.primary(dri.resolve("renderD128"), RENDER_D128, sys));
        assertTrue(e.getMessage().contains("render node") && e.getMessage().contains("--device"), e.getMessage());
    }

    @Test
    void nodesOfOneDeviceAreTheSameDevice(@TempDir Path sys) throws Exception {
        Path gpu = Files.createDirectories(sys.resolve("devices/pci0000:00/0000:00:01.0"));
        Path other = Files.createDirectories(sys.resolve("devices/platform/vgem"));
        for (String node : new String[] {"226:0", "226:128", "226:1"}) Files.createDirectories(sys.resolve(node));
        Files.createSymbolicLink(sys.resolve("226:0/device"), gpu);
        Files.createSymbolicLink(sys.resolve("226:128/device"), gpu);
        Files.createSymbolicLink(sys.resolve("226:1/device"), other);
        assertTrue(DrmNodes.sameDevice(CARD0, CARD0, sys));
        assertTrue(DrmNodes.sameDevice(RENDER_D128, CARD0, sys));
        assertFalse(DrmNodes.sameDevice(226 << 8 | 1, CARD0, sys));
        assertFalse(DrmNodes.sameDevice(226 << 8 | 2, CARD0, sys)); // unknown to sysfs
        assertFalse(DrmNodes.sameDevice(0, 0, sys));
    }
}
