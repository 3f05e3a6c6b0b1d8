package javawc.compositor.xwayland;

import javawc.compositor.xwayland.x11.Atoms;
import javawc.compositor.xwayland.x11.Requests;
import javawc.compositor.xwayland.x11.X11Connection;
import javawc.compositor.xwayland.x11.X11Message;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.nio.charset.StandardCharsets;

/**
 * Reads the properties a window manager acts on (ICCCM and EWMH) into an {@link XWindow}:
 * names, class, transient-for, size and input hints, protocols, window type and state, and
 * Motif's decoration hint. A property that is missing, of the wrong type or cut short is
 * logged at debug and left at its default.
 */
final class XProperties {
    private static final Logger LOG = LogManager.getLogger(XProperties.class);
    /** The most of a property read, in 4-byte units: names and lists are far shorter; more is cut. */
    private static final int MAX_LONGS = 4096;
    private static final int US_POSITION = 1, P_MIN_SIZE = 16, P_MAX_SIZE = 32, INPUT_HINT = 1, MOTIF_DECORATIONS = 2;

    private XProperties() {}

    /** The properties read at a MapRequest, before the window is placed. */
    static int[] all(Atoms atoms) {
        return new int[] {Atoms.WM_NAME, atoms.get(Atoms.Name._NET_WM_NAME), Atoms.WM_CLASS, Atoms.WM_TRANSIENT_FOR,
                Atoms.WM_NORMAL_HINTS, Atoms.WM_HINTS, atoms.get(Atoms.Name.WM_PROTOCOLS), atoms.get(Atoms.Name._NET_WM_WINDOW_TYPE),
                atoms.get(Atoms.Name._NET_WM_STATE), atoms.get(Atoms.Name._MOTIF_WM_HINTS)};
    }

    /** Whether {@code atom} is one of those we read (a PropertyNotify for another is ignored). */
    static boolean isWatched(Atoms atoms, int atom) {
        for (int a : all(atoms)) if (a == atom && a != 0) return true;
        return false;
    }

    /** Reads {@code properties} of {@code w}; {@code done} runs after the last reply (or error). */
    static void read(Xwm xwm, XWindow w, int[] properties, Runnable done) {
        int[] left = {properties.length};
        for (int property : properties) {
            xwm.requests().getProperty(false, w.id, property, Requests.ANY_PROPERTY_TYPE, 0, MAX_LONGS, new X11Connection.ReplyHandler() {
                @Override
                public void reply(X11Message r) {
                    try {
                        apply(xwm.atoms(), w, property, r);
                    } finally {
                        if (--left[0] == 0 && done != null) done.run();
                    }
                }

                @Override
                public void error(X11Connection.X11Error error) {
                    LOG.debug("{}: reading property {}: {}", w, property, error); // BadWindow: it is already gone
                    if (--left[0] == 0 && done != null) done.run();
                }
            });
        }
    }

    /** The property's value as bytes, or null when it is unset or not in {@code format}. */
    private static byte[] value(X11Message r, int format) {
        int f = r.u8(1);
        if (f == 0 || f != format) return null; // format 0: the property does not exist
        long bytes = (r.u32(16) & 0xffffffffL) * (f / 8);
        if (bytes > r.length() - 32) throw new X11Message.MalformedMessageException("property value of " + bytes + " bytes in a " + r.length() + "-byte reply");
        return r.bytes(32, (int) bytes);
    }

    private static int[] values32(X11Message r) {
        byte[] b = value(r, 32);
        if (b == null) return new int[0];
        int[] v = new int[b.length / 4];
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < v.length; i++) v[i] = bb.getInt();
        return v;
    }

    static void apply(Atoms atoms, XWindow w, int property, X11Message r) {
        int type = r.u32(8);
        if (property == Atoms.WM_NAME) {
            byte[] b = value(r, 8);
            // STRING is Latin-1; UTF8_STRING (and compound text, close enough for names) read as UTF-8
            w.wmName = b == null ? "" : new String(b, type == Atoms.STRING ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        } else if (property == atoms.get(Atoms.Name._NET_WM_NAME)) {
            byte[] b = value(r, 8);
            w.netWmName = b == null ? null : new String(b, StandardCharsets.UTF_8);
        } else if (property == Atoms.WM_CLASS) {
            byte[] b = value(r, 8);
            if (b != null) {
                String[] parts = new String(b, StandardCharsets.ISO_8859_1).split("\0", -1);
                w.wmInstance = parts.length > 0 ? parts[0] : "";
                w.wmClass = parts.length > 1 ? parts[1] : w.wmInstance;
            }
        } else if (property == Atoms.WM_TRANSIENT_FOR) {
            int[] v = values32(r);
            w.transientFor = v.length > 0 ? v[0] : 0;
        } else if (property == Atoms.WM_NORMAL_HINTS) {
            int[] v = values32(r);
            if (v.length >= 9) {
                int flags = v[0];
                w.minWidth = (flags & P_MIN_SIZE) != 0 ? Math.max(0, v[5]) : 0;
                w.minHeight = (flags & P_MIN_SIZE) != 0 ? Math.max(0, v[6]) : 0;
                w.maxWidth = (flags & P_MAX_SIZE) != 0 ? Math.max(0, v[7]) : 0;
                w.maxHeight = (flags & P_MAX_SIZE) != 0 ? Math.max(0, v[8]) : 0;
                w.userPosition = (flags & US_POSITION) != 0;
            }
        } else if (property == Atoms.WM_HINTS) {
            int[] v = values32(r);
            w.inputHint = v.length < 2 || (v[0] & INPUT_HINT) == 0 || v[1] != 0; // no hint: it takes input
        } else if (property == atoms.get(Atoms.Name.WM_PROTOCOLS)) {
            int[] v = values32(r);
            w.deleteWindowProtocol = w.takeFocusProtocol = false;
            for (int a : v) {
                if (a == atoms.get(Atoms.Name.WM_DELETE_WINDOW)) w.deleteWindowProtocol = true;
                if (a == atoms.get(Atoms.Name.WM_TAKE_FOCUS)) w.takeFocusProtocol = true;
            }
        } else if (property == atoms.get(Atoms.Name._NET_WM_WINDOW_TYPE)) {
            w.windowTypes = values32(r);
        } else if (property == atoms.get(Atoms.Name._NET_WM_STATE)) {
            w.requestedStates = values32(r);
        } else if (property == atoms.get(Atoms.Name._MOTIF_WM_HINTS)) {
            int[] v = values32(r);
            w.undecorated = v.length >= 3 && (v[0] & MOTIF_DECORATIONS) != 0 && v[2] == 0;
        }
    }
}
