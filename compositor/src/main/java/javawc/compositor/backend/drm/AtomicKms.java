package javawc.compositor.backend.drm;

import javawc.os.LibC;
import javawc.os.OsException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Atomic modesetting: each head's connector, CRTC and primary plane are set by property in
 * one DRM_IOCTL_MODE_ATOMIC call. A modeset is a blocking commit with ALLOW_MODESET; a flip
 * is a nonblocking commit of the plane with PAGE_FLIP_EVENT, whose event is the same
 * DRM_EVENT_FLIP_COMPLETE (type 2, user data = head index) that legacy PAGE_FLIP delivers.
 * <p>
 * Restoring: before a head is first lit, the values of every property we are going to write
 * (connector CRTC_ID, CRTC MODE_ID and ACTIVE, the plane's FB_ID, CRTC_ID and rectangles) are
 * read and kept; restore commits them back with ALLOW_MODESET. The mode is kept as the
 * contents of the MODE_ID blob, not its id: the kernel frees a blob nobody references, which
 * happens to the old mode blob as soon as our modeset replaces the CRTC state, so restore
 * creates a new blob with the same mode. Framebuffer ids need no such care: whoever showed
 * one (fbcon, another compositor) still holds it.
 */
final class AtomicKms implements KmsCommits {
    private static final Logger LOG = LogManager.getLogger(AtomicKms.class);
    private static final String[] PLANE_PROPS = {"FB_ID", "CRTC_ID", "SRC_X", "SRC_Y", "SRC_W", "SRC_H", "CRTC_X", "CRTC_Y", "CRTC_W", "CRTC_H"};
    private static final int PLANE_TYPE_PRIMARY = 1;

    private final DrmDevice device;
    private final int[] crtcs;                    // in resource order: plane possible_crtcs bits index this
    private final List<DrmDevice.Plane> primaries;
    private final Map<Integer, HeadState> heads = new HashMap<>(); // by DrmHead.index

    /** What one head commits through, and what it found before it was first lit. */
    private static final class HeadState {
        DrmDevice.Plane plane;
        int connectorCrtcProp, modeProp, activeProp;
        final int[] planeProps = new int[PLANE_PROPS.length];
        AtomicRequest scanout;                     // the plane showing a framebuffer: flips and tests
        int fbSlot;
        long savedConnectorCrtc, savedActive;
        byte[] savedMode;                          // null: the CRTC had no mode
        final long[] savedPlane = new long[PLANE_PROPS.length];
    }

    private AtomicKms(DrmDevice device, int[] crtcs, List<DrmDevice.Plane> primaries) {
        this.device = device;
        this.crtcs = crtcs;
        this.primaries = primaries;
    }

    /**
     * Atomic KMS if the driver offers it (the universal-planes and atomic client caps) and every
     * CRTC and primary plane has the properties we write; else null, with the caps turned off
     * again so the legacy ioctls see the device as they expect.
     */
    static AtomicKms create(DrmDevice device) {
        if (!device.setClientCap(DrmDevice.CLIENT_CAP_UNIVERSAL_PLANES, 1) || !device.setClientCap(DrmDevice.CLIENT_CAP_ATOMIC, 1)) {
            LOG.info("{}: the driver does not offer atomic modesetting", device.path);
            device.setClientCap(DrmDevice.CLIENT_CAP_UNIVERSAL_PLANES, 0);
            return null;
        }
        String problem;
        try {
            int[] crtcs = device.resources().crtcs();
            List<DrmDevice.Plane> primaries = new ArrayList<>();
            problem = crtcs.length == 0 ? "no CRTCs" : null;
            for (int crtc : crtcs) {
                var props = device.properties(crtc, DrmDevice.OBJECT_CRTC);
                if (!props.containsKey("MODE_ID") || !props.containsKey("ACTIVE")) problem = "CRTC " + crtc + " lacks MODE_ID or ACTIVE";
            }
            for (int id : device.planes()) {
                var props = device.properties(id, DrmDevice.OBJECT_PLANE);
                DrmDevice.Property type = props.get("type");
                if (type == null || type.value() != PLANE_TYPE_PRIMARY) continue;
                for (String name : PLANE_PROPS) if (!props.containsKey(name)) problem = "primary plane " + id + " lacks " + name;
                primaries.add(device.plane(id));
            }
            if (primaries.isEmpty()) problem = "no primary planes";
            if (problem == null) return new AtomicKms(device, crtcs, primaries);
        } catch (OsException e) {
            problem = e.getMessage();
        }
        LOG.info("{}: atomic modesetting unusable ({})", device.path, problem);
        device.setClientCap(DrmDevice.CLIENT_CAP_ATOMIC, 0);
        device.setClientCap(DrmDevice.CLIENT_CAP_UNIVERSAL_PLANES, 0);
        return null;
    }

    @Override
    public String name() {
        return "atomic modesetting";
    }

    /** A refused atomic commit changes nothing: the old mode is still lit. */
    @Override
    public boolean failedModesetChangesNothing() {
        return true;
    }

    @Override
    public void modeset(DrmHead head, int fb) throws OsException {
        HeadState s = state(head);
        int blob = device.createBlob(head.mode);
        try {
            AtomicRequest r = new AtomicRequest(4 + PLANE_PROPS.length);
            r.object(head.connector).with(s.connectorCrtcProp, head.crtc);
            r.object(head.crtc).with(s.modeProp, blob).with(s.activeProp, 1);
            addScanout(r, s, head, fb);
            check(r.commit(device, DrmDevice.ATOMIC_ALLOW_MODESET, 0), "atomic modeset");
        } finally {
            device.destroyBlob(blob); // the CRTC state holds its own reference now
        }
        // flips and tests from now on cover the plane at this mode's size (a mode switch changes it)
        s.scanout = new AtomicRequest(PLANE_PROPS.length);
        s.fbSlot = addScanout(s.scanout, s, head, fb);
        // the framebuffer on screen must pass a TEST_ONLY commit; if not, test() is useless on this driver
        LOG.info("{}: primary plane {} on CRTC {}; TEST_ONLY commit of the framebuffer shown: {}",
                head.output.name(), s.plane.id(), head.crtc, test(head, fb) ? "passes" : "fails");
    }

    @Override
    public void flip(DrmHead head, int fb) throws OsException {
        HeadState s = state(head);
        s.scanout.set(s.fbSlot, fb);
        check(s.scanout.commit(device, DrmDevice.ATOMIC_NONBLOCK | DrmDevice.PAGE_FLIP_EVENT, head.index), "atomic page flip");
    }

    /** A TEST_ONLY commit of exactly what {@link #flip} would commit: nothing allocated, nothing thrown. */
    @Override
    public boolean test(DrmHead head, int fb) {
        HeadState s = heads.get(head.index);
        if (s == null) return false; // not lit yet: nothing to flip on
        s.scanout.set(s.fbSlot, fb);
        return s.scanout.commit(device, DrmDevice.ATOMIC_TEST_ONLY, 0) == 0;
    }

    @Override
    public void restore(DrmHead head) throws OsException {
        HeadState s = heads.get(head.index);
        if (s == null) return; // never lit: nothing changed
        int blob = s.savedMode == null ? 0 : device.createBlob(s.savedMode);
        try {
            AtomicRequest r = new AtomicRequest(4 + PLANE_PROPS.length);
            r.object(head.connector).with(s.connectorCrtcProp, s.savedConnectorCrtc);
            r.object(head.crtc).with(s.modeProp, blob).with(s.activeProp, s.savedActive);
            r.object(s.plane.id());
            for (int i = 0; i < PLANE_PROPS.length; i++) r.property(s.planeProps[i], s.savedPlane[i]);
            check(r.commit(device, DrmDevice.ATOMIC_ALLOW_MODESET, 0), "atomic restore");
        } finally {
            if (blob != 0) device.destroyBlob(blob);
        }
    }

    /** The plane showing {@code fb} unscaled over the whole mode; returns the FB_ID slot. */
    private static int addScanout(AtomicRequest r, HeadState s, DrmHead head, int fb) {
        long w = DrmModes.width(head.mode), h = DrmModes.height(head.mode); // the mode lit, which a switch sets before the output's
        long[] values = {fb, head.crtc, 0, 0, w << 16, h << 16, 0, 0, w, h}; // SRC_* are 16.16 fixed point
        r.object(s.plane.id());
        int fbSlot = -1;
        for (int i = 0; i < PLANE_PROPS.length; i++) {
            int slot = r.property(s.planeProps[i], values[i]);
            if (i == 0) fbSlot = slot;
        }
        return fbSlot;
    }

    private static void check(int errno, String what) throws OsException {
        if (errno != 0) throw new OsException(what, errno);
    }

    /** The head's plane and property ids, and the values it found, read on first use. */
    private HeadState state(DrmHead head) throws OsException {
        HeadState s = heads.get(head.index);
        if (s != null) return s;
        s = new HeadState();
        s.plane = pickPlane(head.crtc);
        var connector = device.properties(head.connector, DrmDevice.OBJECT_CONNECTOR);
        var crtc = device.properties(head.crtc, DrmDevice.OBJECT_CRTC);
        var plane = device.properties(s.plane.id(), DrmDevice.OBJECT_PLANE);
        DrmDevice.Property connectorCrtc = connector.get("CRTC_ID");
        if (connectorCrtc == null) throw new OsException("connector " + head.connector + " has no CRTC_ID property", LibC.EINVAL);
        s.connectorCrtcProp = connectorCrtc.id();
        s.savedConnectorCrtc = connectorCrtc.value();
        s.modeProp = crtc.get("MODE_ID").id();
        s.activeProp = crtc.get("ACTIVE").id();
        s.savedActive = crtc.get("ACTIVE").value();
        int modeBlob = (int) crtc.get("MODE_ID").value();
        s.savedMode = modeBlob == 0 ? null : device.blob(modeBlob);
        for (int i = 0; i < PLANE_PROPS.length; i++) {
            s.planeProps[i] = plane.get(PLANE_PROPS[i]).id();
            s.savedPlane[i] = plane.get(PLANE_PROPS[i]).value();
        }
        s.scanout = new AtomicRequest(PLANE_PROPS.length);
        s.fbSlot = addScanout(s.scanout, s, head, 0);
        heads.put(head.index, s);
        return s;
    }

    /** The formats all primary planes share. */
    @Override
    public int[] scanoutFormats() {
        int[] common = primaries.getFirst().formats();
        for (DrmDevice.Plane p : primaries) common = java.util.Arrays.stream(common).filter(f -> contains(p.formats(), f)).toArray();
        return common;
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) if (x == v) return true;
        return false;
    }

    /** A primary plane that can serve {@code crtc} and no other head uses; the one already on it if any. */
    private DrmDevice.Plane pickPlane(int crtc) throws OsException {
        int index = -1;
        for (int i = 0; i < crtcs.length; i++) if (crtcs[i] == crtc) index = i;
        DrmDevice.Plane best = null;
        for (DrmDevice.Plane p : primaries) {
            if (index < 0 || (p.possibleCrtcs() & 1 << index) == 0) continue;
            if (heads.values().stream().anyMatch(s -> s.plane.id() == p.id())) continue;
            if (best == null || p.crtc() == crtc) best = p;
        }
        if (best == null) throw new OsException("no free primary plane for CRTC " + crtc, LibC.ENOSPC);
        return best;
    }
}
