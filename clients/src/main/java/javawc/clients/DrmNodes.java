package javawc.clients;

import javawc.os.Drm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the DRM device node a compositor means by a dev_t (linux-dmabuf's main_device).
 * The protocol leaves the node type open (primary {@code cardN} or render {@code renderDN});
 * dumb buffers can only be made on a primary node, so a render node leads to the primary node
 * of the same device, which sysfs lists next to it. The folders are parameters for the tests.
 */
final class DrmNodes {
    static final Path DEV_DRI = Path.of("/dev/dri"), SYS_DEV_CHAR = Path.of("/sys/dev/char");

    private DrmNodes() {}

    /** The node for {@code dev} in the real {@code /dev/dri}, as a primary node. */
    static Path primaryNodeFor(long dev) throws IOException {
        return primary(find(dev, DEV_DRI), dev, SYS_DEV_CHAR);
    }

    /** The entry of {@code dir} whose device number is {@code dev}; an IOException that says what to do if none. */
    static Path find(long dev, Path dir) throws IOException {
        for (Path p : entries(dir)) {
            long rdev = Drm.deviceNumber(p.toString());
            if (rdev > 0 && rdev == dev) return p; // 0 is what regular files and folders have
        }
        throw new IOException("no device node in " + dir + " is the compositor's main device "
                + DmabufFeedback.describeDevice(dev) + " (give one with --device PATH)");
    }

    /**
     * {@code node} itself unless it is a render node; then the primary node of the same
     * device, from sysfs ({@code sysDevChar/MAJOR:MINOR/device/drm/cardN}), in node's folder.
     */
    static Path primary(Path node, long dev, Path sysDevChar) throws IOException {
        if (!node.getFileName().toString().startsWith("renderD")) return node;
        Path drm = sysDevChar.resolve(DmabufFeedback.describeDevice(dev)).resolve("device").resolve("drm");
        for (Path p : entries(drm)) {
            String name = p.getFileName().toString();
            if (name.matches("card[0-9]+") && Files.exists(node.resolveSibling(name))) return node.resolveSibling(name);
        }
        throw new IOException(node + " is a render node and its device has no primary node to make dumb buffers on (give one with --device PATH)");
    }

    /**
     * Whether two dev_ts are nodes of one device: equal, or two nodes (primary and render) whose
     * {@code sysDevChar/MAJOR:MINOR/device} is the same device. The protocol warns that comparing
     * dev_t values is not enough.
     */
    static boolean sameDevice(long a, long b, Path sysDevChar) {
        if (a == b) return a > 0;
        if (a <= 0 || b <= 0) return false;
        try {
            Path da = sysDevChar.resolve(DmabufFeedback.describeDevice(a)).resolve("device").toRealPath();
            Path db = sysDevChar.resolve(DmabufFeedback.describeDevice(b)).resolve("device").toRealPath();
            return da.equals(db);
        } catch (IOException e) {
            return false; // not a device sysfs knows
        }
    }

    /** The entries of a folder in name order; none if it does not exist. */
    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }
}
