package javawc.compositor.backend.drm;

import javawc.compositor.session.DeviceAccess;
import javawc.os.Descriptors;
import javawc.os.Drm;
import javawc.os.LibC;
import javawc.os.NativeBuffer;
import javawc.os.OsException;
import javawc.os.OwnedFd;

import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DRM/KMS device opened as master, spoken to with raw ioctls (struct layouts of the
 * kernel's drm.h / drm_mode.h on x86_64). One scratch buffer per call keeps it simple; none
 * of this is on a per-message path.
 */
final class DrmDevice implements AutoCloseable {
    static final long SET_MASTER = 0x641e, DROP_MASTER = 0x641f, GET_CAP = 0xc010640cL, SET_CLIENT_CAP = 0x4010640dL,
            GET_MAGIC = 0x80046402L, AUTH_MAGIC = 0x40046411L;
    static final long GETRESOURCES = 0xc04064a0L, GETCONNECTOR = 0xc05064a7L, GETENCODER = 0xc01464a6L,
            GETCRTC = 0xc06864a1L, SETCRTC = 0xc06864a2L, ADDFB2 = 0xc06864b8L, RMFB = 0xc00464afL, PAGE_FLIP = 0xc01864b0L;
    static final int CAP_DUMB_BUFFER = 1, CAP_ADDFB2_MODIFIERS = 0x10, FB_MODIFIERS = 2, MODE_INFO_SIZE = 68, PAGE_FLIP_EVENT = 1, EVENT_FLIP_COMPLETE = 2;
    /*
     * Atomic modesetting and the planes and properties it needs: _IOWR('d', nr, size) with the
     * sizes of drm_mode_get_plane_res (16), drm_mode_get_plane (32), drm_mode_obj_get_properties
     * (28, padded to 32), drm_mode_get_property (64), drm_mode_get_blob (16), drm_mode_atomic
     * (56), drm_mode_create_blob (16) and drm_mode_destroy_blob (4) on x86_64.
     */
    static final long GETPLANERESOURCES = 0xc01064b5L, GETPLANE = 0xc02064b6L, OBJ_GETPROPERTIES = 0xc02064b9L,
            GETPROPERTY = 0xc04064aaL, GETPROPBLOB = 0xc01064acL, ATOMIC = 0xc03864bcL,
            CREATEPROPBLOB = 0xc01064bdL, DESTROYPROPBLOB = 0xc00464beL;
    static final int CLIENT_CAP_UNIVERSAL_PLANES = 2, CLIENT_CAP_ATOMIC = 3;
    static final int ATOMIC_TEST_ONLY = 0x100, ATOMIC_NONBLOCK = 0x200, ATOMIC_ALLOW_MODESET = 0x400;
    static final int OBJECT_CRTC = 0xcccccccc, OBJECT_CONNECTOR = 0xc0c0c0c0, OBJECT_PLANE = 0xeeeeeeee;

    final String path;
    final OwnedFd fd;
    final DeviceAccess access; // how fd was opened, and how it is given back

    private DrmDevice(String path, OwnedFd fd, DeviceAccess access) {
        this.path = path;
        this.fd = fd;
        this.access = access;
    }

    /**
     * Opens {@code path} through {@code access} and, unless a seat manager does that for us,
     * becomes DRM master; the exception explains what to do instead.
     */
    static DrmDevice open(String path, DeviceAccess access) throws IOException {
        int n = access.open(path, LibC.O_RDWR | LibC.O_NONBLOCK);
        if (n < 0) {
            throw new IOException(switch (-n) {
                case LibC.ENOENT -> "no DRM device at " + path + " (use --backend headless, or --drm-device PATH)";
                case LibC.EACCES, LibC.EPERM -> "not permitted to open " + path + " (" + access + "): run from a VT as a member of the 'video'"
                        + " group, or through seatd (--session libseat), or use --backend headless";
                default -> "cannot open " + path + " (" + access + "): " + LibC.describe(-n);
            });
        }
        DrmDevice d = new DrmDevice(path, new OwnedFd(n), access);
        try {
            if (!access.managesDrmMaster() && LibC.ioctl(d.fd.get(), SET_MASTER, 0) < 0) {
                int errno = LibC.errno();
                throw new IOException(path + " is busy or not ours (" + LibC.describe(errno) + "): another compositor or X server is DRM master;"
                        + " run from a free VT (Ctrl+Alt+F3), or use --backend headless");
            }
            if (capability(d, CAP_DUMB_BUFFER) == 0) throw new IOException(path + " has no dumb buffers: it cannot be driven by the software renderer");
        } catch (IOException e) {
            d.close();
            throw e;
        }
        return d;
    }

    private static long capability(DrmDevice d, long cap) throws OsException {
        NativeBuffer b = new NativeBuffer(16);
        b.buffer().putLong(0, cap);
        d.ioctl(GET_CAP, b, "DRM_IOCTL_GET_CAP");
        return b.buffer().getLong(8);
    }

    /**
     * The same device opened again, authenticated by us (the master), for a user-space driver
     * that keeps its own GEM handles (Mesa's GBM and EGL): handles are per open file, so its
     * imports and releases never touch the handles we hold on {@link #fd} for KMS.
     */
    OwnedFd openAuthenticated() throws OsException {
        OwnedFd other = Descriptors.open(path, LibC.O_RDWR, 0);
        try {
            NativeBuffer auth = new NativeBuffer(4);
            Drm.ioctl(other, GET_MAGIC, auth, "DRM_IOCTL_GET_MAGIC");
            ioctl(AUTH_MAGIC, auth, "DRM_IOCTL_AUTH_MAGIC");
            return other;
        } catch (OsException e) {
            other.close();
            throw e;
        }
    }

    /** SET_CLIENT_CAP; false when the kernel or driver refuses it. */
    boolean setClientCap(long cap, long value) {
        NativeBuffer b = new NativeBuffer(16);
        b.buffer().putLong(0, cap).putLong(8, value);
        return LibC.ioctl(fd.get(), SET_CLIENT_CAP, b.address()) == 0;
    }

    void ioctl(long request, NativeBuffer arg, String what) throws OsException {
        Drm.ioctl(fd, request, arg, what);
    }

    /** Connector, CRTC and encoder ids of the card. */
    record Resources(int[] crtcs, int[] connectors, int[] encoders) {}

    Resources resources() throws OsException {
        NativeBuffer res = new NativeBuffer(64);
        ioctl(GETRESOURCES, res, "GETRESOURCES"); // first call: counts
        ByteBuffer r = res.buffer();
        int nCrtcs = r.getInt(36), nConnectors = r.getInt(40), nEncoders = r.getInt(44);
        NativeBuffer crtcs = new NativeBuffer(Math.max(4, nCrtcs * 4)), conns = new NativeBuffer(Math.max(4, nConnectors * 4)), encs = new NativeBuffer(Math.max(4, nEncoders * 4));
        for (int i = 0; i < 64; i++) r.put(i, (byte) 0);
        r.putLong(8, crtcs.address()).putLong(16, conns.address()).putLong(24, encs.address());
        r.putInt(36, nCrtcs).putInt(40, nConnectors).putInt(44, nEncoders);
        ioctl(GETRESOURCES, res, "GETRESOURCES");
        return new Resources(ints(crtcs, Math.min(nCrtcs, r.getInt(36))), ints(conns, Math.min(nConnectors, r.getInt(40))), ints(encs, Math.min(nEncoders, r.getInt(44))));
    }

    private static int[] ints(NativeBuffer b, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = b.buffer().getInt(i * 4);
        return out;
    }

    /** A connector as GETCONNECTOR describes it; modes as raw drm_mode_modeinfo blocks. */
    record Connector(int id, int type, int typeId, boolean connected, int encoderId, int mmWidth, int mmHeight, int[] encoders, byte[][] modes) {
        String name() {
            String[] names = {"Unknown", "VGA", "DVI-I", "DVI-D", "DVI-A", "Composite", "SVIDEO", "LVDS", "Component", "DIN",
                    "DP", "HDMI-A", "HDMI-B", "TV", "eDP", "Virtual", "DSI", "DPI", "Writeback", "SPI", "USB"};
            return (type < names.length ? names[type] : "Type" + type) + "-" + typeId;
        }
    }

    Connector connector(int id) throws OsException {
        NativeBuffer c = new NativeBuffer(80);
        ByteBuffer b = c.buffer();
        b.putInt(48, id);
        ioctl(GETCONNECTOR, c, "GETCONNECTOR");
        int nModes = b.getInt(32), nEncoders = b.getInt(40);
        NativeBuffer modes = new NativeBuffer(Math.max(MODE_INFO_SIZE, nModes * MODE_INFO_SIZE)), encs = new NativeBuffer(Math.max(4, nEncoders * 4));
        for (int i = 0; i < 80; i++) b.put(i, (byte) 0);
        b.putLong(0, encs.address()).putLong(8, modes.address());
        b.putInt(32, nModes).putInt(40, nEncoders).putInt(48, id);
        ioctl(GETCONNECTOR, c, "GETCONNECTOR"); // props left at 0: not asked for
        int got = Math.min(nModes, b.getInt(32));
        byte[][] modeBlocks = new byte[got][MODE_INFO_SIZE];
        for (int i = 0; i < got; i++) modes.buffer().get(i * MODE_INFO_SIZE, modeBlocks[i]);
        return new Connector(id, b.getInt(52), b.getInt(56), b.getInt(60) == 1, b.getInt(44), b.getInt(64), b.getInt(68),
                ints(encs, Math.min(nEncoders, b.getInt(40))), modeBlocks);
    }

    /** An encoder: the CRTC it drives now (0 = none) and the bitmask of CRTC indices it can use. */
    record Encoder(int crtc, int possibleCrtcs) {}

    Encoder encoder(int id) throws OsException {
        NativeBuffer e = new NativeBuffer(20);
        e.buffer().putInt(0, id);
        ioctl(GETENCODER, e, "GETENCODER");
        return new Encoder(e.buffer().getInt(8), e.buffer().getInt(12));
    }

    /** The raw drm_mode_crtc of a CRTC (to restore it at exit). */
    NativeBuffer crtc(int id) throws OsException {
        NativeBuffer c = new NativeBuffer(104);
        c.buffer().putInt(12, id);
        ioctl(GETCRTC, c, "GETCRTC");
        return c;
    }

    /** Legacy modeset: scan out {@code fb} on {@code crtc} for {@code connector} with {@code mode}. */
    void setCrtc(int crtc, int fb, int connector, byte[] mode) throws OsException {
        NativeBuffer conns = new NativeBuffer(4);
        conns.buffer().putInt(0, connector);
        NativeBuffer c = new NativeBuffer(104);
        ByteBuffer b = c.buffer();
        b.putLong(0, conns.address()).putInt(8, 1).putInt(12, crtc).putInt(16, fb).putInt(32, 1).put(36, mode);
        ioctl(SETCRTC, c, "SETCRTC");
        Reference.reachabilityFence(conns);
    }

    /** Puts back a CRTC configuration saved with {@link #crtc}, for the one connector we used. */
    void restoreCrtc(NativeBuffer saved, int connector) throws OsException {
        NativeBuffer conns = new NativeBuffer(4);
        conns.buffer().putInt(0, connector);
        ByteBuffer b = saved.buffer();
        boolean valid = b.getInt(32) != 0;
        b.putLong(0, conns.address()).putInt(8, valid ? 1 : 0);
        if (!valid) b.putLong(0, 0);
        ioctl(SETCRTC, saved, "SETCRTC (restore)");
        Reference.reachabilityFence(conns);
    }

    /** drm_mode_crtc_lut (crtc_id, gamma_size, then red, green, blue pointers): _IOWR('d', 0xA4/0xA5, 32). */
    static final long GETGAMMA = 0xc02064a4L, SETGAMMA = 0xc02064a5L;

    /** Reads (get) or writes a CRTC's legacy gamma table: {@code size} entries of red, green, blue in turn. */
    void gamma(int crtc, short[] ramps, int size, boolean set) throws OsException {
        NativeBuffer table = new NativeBuffer(ramps.length * 2);
        ByteBuffer t = table.buffer();
        if (set) for (int i = 0; i < ramps.length; i++) t.putShort(i * 2, ramps[i]);
        NativeBuffer lut = new NativeBuffer(32);
        lut.buffer().putInt(0, crtc).putInt(4, size).putLong(8, table.address()).putLong(16, table.address() + size * 2L)
                .putLong(24, table.address() + size * 4L);
        ioctl(set ? SETGAMMA : GETGAMMA, lut, set ? "SETGAMMA" : "GETGAMMA");
        if (!set) for (int i = 0; i < ramps.length; i++) ramps[i] = t.getShort(i * 2);
        Reference.reachabilityFence(table);
    }

    void pageFlip(int crtc, int fb, long userData) throws OsException {
        NativeBuffer f = new NativeBuffer(24);
        f.buffer().putInt(0, crtc).putInt(4, fb).putInt(8, PAGE_FLIP_EVENT).putLong(16, userData);
        ioctl(PAGE_FLIP, f, "PAGE_FLIP");
    }

    /**
     * ADDFB2 (drm_mode_fb_cmd2: fb_id, width, height, pixel_format, flags, then handles,
     * pitches and offsets [4] at 20/36/52 and modifier[4] at 72). The modifier is passed when
     * it is explicit and the driver takes modifiers; INVALID means the buffer's implicit layout.
     */
    int addFramebuffer(int width, int height, int format, int[] handles, int[] pitches, int[] offsets, long modifier) throws OsException {
        NativeBuffer f = new NativeBuffer(104);
        ByteBuffer b = f.buffer();
        boolean withModifier = modifier != Drm.MOD_INVALID && modifiersSupported();
        b.putInt(4, width).putInt(8, height).putInt(12, format).putInt(16, withModifier ? FB_MODIFIERS : 0);
        for (int i = 0; i < handles.length; i++) {
            b.putInt(20 + 4 * i, handles[i]).putInt(36 + 4 * i, pitches[i]).putInt(52 + 4 * i, offsets[i]);
            if (withModifier) b.putLong(72 + 8 * i, modifier);
        }
        ioctl(ADDFB2, f, "ADDFB2");
        return b.getInt(0);
    }

    private Boolean modifiers;

    /** Whether ADDFB2 takes explicit modifiers here (DRM_CAP_ADDFB2_MODIFIERS). */
    boolean modifiersSupported() {
        if (modifiers == null) {
            try {
                modifiers = capability(this, CAP_ADDFB2_MODIFIERS) != 0;
            } catch (OsException e) {
                modifiers = false; // kernels older than the capability
            }
        }
        return modifiers;
    }

    /** Plane ids; primary and cursor planes are listed only with the universal-planes client cap. */
    int[] planes() throws OsException {
        NativeBuffer res = new NativeBuffer(16);
        ioctl(GETPLANERESOURCES, res, "GETPLANERESOURCES"); // first call: the count
        int n = res.buffer().getInt(8);
        NativeBuffer ids = new NativeBuffer(Math.max(4, n * 4));
        res.buffer().putLong(0, ids.address()).putInt(8, n);
        ioctl(GETPLANERESOURCES, res, "GETPLANERESOURCES");
        return ints(ids, Math.min(n, res.buffer().getInt(8)));
    }

    /** A plane: the CRTC and framebuffer it shows now (0 = none), the bitmask of CRTC indices it can serve, its formats. */
    record Plane(int id, int crtc, int fb, int possibleCrtcs, int[] formats) {}

    Plane plane(int id) throws OsException {
        NativeBuffer p = new NativeBuffer(32);
        ByteBuffer b = p.buffer();
        b.putInt(0, id);
        ioctl(GETPLANE, p, "GETPLANE"); // first call: count_format_types (offset 20)
        int n = b.getInt(20);
        NativeBuffer formats = new NativeBuffer(Math.max(4, n * 4));
        b.putInt(0, id).putInt(20, n).putLong(24, formats.address());
        ioctl(GETPLANE, p, "GETPLANE");
        Reference.reachabilityFence(formats);
        return new Plane(id, b.getInt(4), b.getInt(8), b.getInt(12), ints(formats, Math.min(n, b.getInt(20))));
    }

    /** One property of a KMS object: its id, its name and the object's current value. */
    record Property(int id, String name, long value) {}

    /** The properties of a KMS object ({@code type} one of OBJECT_*), by name. */
    Map<String, Property> properties(int objectId, int type) throws OsException {
        NativeBuffer q = new NativeBuffer(32);
        ByteBuffer b = q.buffer();
        b.putInt(20, objectId).putInt(24, type);
        ioctl(OBJ_GETPROPERTIES, q, "OBJ_GETPROPERTIES"); // first call: the count
        int n = b.getInt(16);
        NativeBuffer ids = new NativeBuffer(Math.max(4, n * 4)), values = new NativeBuffer(Math.max(8, n * 8));
        b.putLong(0, ids.address()).putLong(8, values.address()).putInt(16, n);
        ioctl(OBJ_GETPROPERTIES, q, "OBJ_GETPROPERTIES");
        Map<String, Property> out = new LinkedHashMap<>();
        NativeBuffer info = new NativeBuffer(64);
        for (int i = 0; i < Math.min(n, b.getInt(16)); i++) {
            int id = ids.buffer().getInt(i * 4);
            for (int k = 0; k < 64; k++) info.buffer().put(k, (byte) 0); // counts 0: no enum values or blobs copied
            info.buffer().putInt(16, id);
            ioctl(GETPROPERTY, info, "GETPROPERTY");
            byte[] name = new byte[32];
            info.buffer().get(24, name);
            int len = 0;
            while (len < name.length && name[len] != 0) len++;
            String s = new String(name, 0, len, StandardCharsets.US_ASCII);
            out.put(s, new Property(id, s, values.buffer().getLong(i * 8)));
        }
        return out;
    }

    /** The contents of a blob property (for example a MODE_ID's drm_mode_modeinfo). */
    byte[] blob(int id) throws OsException {
        NativeBuffer g = new NativeBuffer(16);
        g.buffer().putInt(0, id);
        ioctl(GETPROPBLOB, g, "GETPROPBLOB"); // first call: the length
        int length = g.buffer().getInt(4);
        NativeBuffer data = new NativeBuffer(Math.max(1, length));
        g.buffer().putLong(8, data.address());
        ioctl(GETPROPBLOB, g, "GETPROPBLOB");
        byte[] out = new byte[Math.min(length, g.buffer().getInt(4))];
        data.buffer().get(0, out);
        return out;
    }

    int createBlob(byte[] data) throws OsException {
        NativeBuffer d = new NativeBuffer(Math.max(1, data.length));
        d.buffer().put(0, data);
        NativeBuffer c = new NativeBuffer(16);
        c.buffer().putLong(0, d.address()).putInt(8, data.length);
        ioctl(CREATEPROPBLOB, c, "CREATEPROPBLOB");
        Reference.reachabilityFence(d); // only its address is in c: keep it from being freed before the call
        return c.buffer().getInt(12);
    }

    void destroyBlob(int id) {
        NativeBuffer b = new NativeBuffer(4);
        b.buffer().putInt(0, id);
        LibC.ioctl(fd.get(), DESTROYPROPBLOB, b.address());
    }

    void removeFramebuffer(int fb) {
        NativeBuffer b = new NativeBuffer(4);
        b.buffer().putInt(0, fb);
        LibC.ioctl(fd.get(), RMFB, b.address());
    }

    @Override
    public void close() {
        if (!fd.isOpen()) return;
        if (!access.managesDrmMaster()) LibC.ioctl(fd.get(), DROP_MASTER, 0);
        access.close(fd.release());
    }
}
