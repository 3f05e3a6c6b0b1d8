package javawc.compositor.backend.drm;

import javawc.compositor.backend.GammaTables;
import javawc.compositor.output.Output;
import javawc.os.OsException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The heads' CRTC gamma tables through the legacy GETGAMMA/SETGAMMA ioctls (atomic drivers
 * take them too, as their GAMMA_LUT). The table a CRTC had is read before the first set and
 * written back by reset.
 */
final class DrmGamma implements GammaTables {
    private final DrmDevice device;
    private final List<DrmHead> heads;
    private final Map<Output, short[]> original = new HashMap<>();

    DrmGamma(DrmDevice device, List<DrmHead> heads) {
        this.device = device;
        this.heads = heads;
    }

    private DrmHead head(Output output) {
        for (DrmHead h : heads) if (h.output == output) return h;
        return null;
    }

    @Override
    public int size(Output output) {
        DrmHead h = head(output);
        return h == null ? 0 : h.savedCrtc.buffer().getInt(28); // drm_mode_crtc.gamma_size, as GETCRTC found it at start
    }

    @Override
    public void set(Output output, short[] ramps) throws OsException {
        DrmHead h = head(output);
        int size = size(output);
        if (h == null || size == 0 || ramps.length != 3 * size) throw new IllegalArgumentException(output.name() + " has no gamma table of " + ramps.length / 3);
        if (!original.containsKey(output)) {
            short[] was = new short[3 * size];
            device.gamma(h.crtc, was, size, false);
            original.put(output, was);
        }
        device.gamma(h.crtc, ramps, size, true);
    }

    @Override
    public void reset(Output output) throws OsException {
        short[] was = original.remove(output);
        DrmHead h = head(output);
        if (was != null && h != null) device.gamma(h.crtc, was, was.length / 3, true);
    }
}
