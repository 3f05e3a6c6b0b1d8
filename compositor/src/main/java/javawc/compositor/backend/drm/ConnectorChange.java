package javawc.compositor.backend.drm;

import java.util.Arrays;

/** What changed about a connector between two reads, in words for the log. */
final class ConnectorChange {
    private ConnectorChange() {}

    /** null when nothing we care about changed; {@code before} null: a connector we had not seen. */
    static String describe(DrmDevice.Connector before, DrmDevice.Connector now) {
        if (now == null) return before == null ? null : "removed";
        boolean wasConnected = before != null && before.connected();
        if (now.connected() && !wasConnected) return "connected, modes " + DrmModes.describe(now.modes());
        if (!now.connected()) return wasConnected ? "disconnected" : null;
        if (!Arrays.deepEquals(before.modes(), now.modes())) return "modes changed, now " + DrmModes.describe(now.modes());
        return null;
    }

    /** Whether {@code mode} (a drm_mode_modeinfo block) is still among the connector's modes. */
    static boolean offers(DrmDevice.Connector c, byte[] mode) {
        for (byte[] m : c.modes()) if (Arrays.equals(m, mode)) return true;
        return false;
    }
}
