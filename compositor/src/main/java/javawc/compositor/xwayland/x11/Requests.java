package javawc.compositor.xwayland.x11;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The X11 requests a window manager sends, encoded as the core protocol and the XFIXES
 * extension define them (opcodes, field order and sizes); each returns its sequence number.
 * Requests with a reply take the handler that gets it (or the error instead).
 */
public final class Requests {
    // core opcodes
    private static final int CREATE_WINDOW = 1, CHANGE_WINDOW_ATTRIBUTES = 2, GET_WINDOW_ATTRIBUTES = 3, DESTROY_WINDOW = 4,
            MAP_WINDOW = 8, CONFIGURE_WINDOW = 12, INTERN_ATOM = 16, GET_ATOM_NAME = 17, CHANGE_PROPERTY = 18, DELETE_PROPERTY = 19,
            GET_PROPERTY = 20, SET_SELECTION_OWNER = 22, CONVERT_SELECTION = 24, SEND_EVENT = 25, SET_INPUT_FOCUS = 42,
            QUERY_EXTENSION = 98, KILL_CLIENT = 113;
    // XFIXES minor opcodes
    private static final int XFIXES_QUERY_VERSION = 0, XFIXES_SELECT_SELECTION_INPUT = 2;
    // Composite minor opcodes
    private static final int COMPOSITE_QUERY_VERSION = 0, COMPOSITE_REDIRECT_SUBWINDOWS = 2;
    private static final int COMPOSITE_REDIRECT_MANUAL = 1;

    // window attribute value-mask bits, in the order their values follow
    public static final int CW_BACK_PIXEL = 0x2, CW_OVERRIDE_REDIRECT = 0x200, CW_EVENT_MASK = 0x800;
    // event masks
    public static final int EVENT_KEY_PRESS = 0x1, EVENT_FOCUS_CHANGE = 0x200000, EVENT_PROPERTY_CHANGE = 0x400000,
            EVENT_STRUCTURE_NOTIFY = 0x20000, EVENT_SUBSTRUCTURE_NOTIFY = 0x80000, EVENT_SUBSTRUCTURE_REDIRECT = 0x100000;
    // ConfigureWindow value-mask bits
    public static final int CONFIG_X = 0x1, CONFIG_Y = 0x2, CONFIG_WIDTH = 0x4, CONFIG_HEIGHT = 0x8, CONFIG_BORDER = 0x10,
            CONFIG_SIBLING = 0x20, CONFIG_STACK_MODE = 0x40;
    public static final int STACK_ABOVE = 0;
    public static final int PROP_MODE_REPLACE = 0, PROP_MODE_APPEND = 2;
    public static final int WINDOW_CLASS_INPUT_OUTPUT = 1, WINDOW_CLASS_INPUT_ONLY = 2;
    public static final int REVERT_TO_POINTER_ROOT = 1, NONE = 0, CURRENT_TIME = 0;
    public static final int ANY_PROPERTY_TYPE = 0;
    // ClientMessage, SelectionNotify and ConfigureNotify event codes, for SendEvent
    public static final int CONFIGURE_NOTIFY = 22, SELECTION_NOTIFY = 31, CLIENT_MESSAGE = 33;
    /** XFixes selection event mask: a new owner, the owner's window destroyed, the owner's client gone. */
    public static final int XFIXES_SELECTION_ALL = 0x7;

    private final X11Connection c;
    private int nextId;
    private int xfixesOpcode, compositeOpcode;

    Requests(X11Connection connection) {
        this.c = connection;
    }

    /** A new resource id from the range the server gave us. */
    public int newId() {
        X11Setup s = c.setup();
        int mask = s.resourceIdMask();
        int step = mask & -mask; // the mask's lowest bit
        nextId += step;
        if ((nextId & ~mask) != 0) throw new IllegalStateException("X11 resource ids used up");
        return s.resourceIdBase() | nextId;
    }

    public long internAtom(String name, X11Connection.ReplyHandler handler) {
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        c.begin(INTERN_ATOM, 0); // only-if-exists: false
        int at = c.reserve(4 + n.length);
        ByteBuffer o = c.out(); // after reserve: it may have grown the buffer
        o.putShort(at, (short) n.length);
        o.putShort(at + 2, (short) 0);
        o.put(at + 4, n);
        return c.end(handler);
    }

    /** Reply: the name's length at 8, the name from 32. */
    public long getAtomName(int atom, X11Connection.ReplyHandler handler) {
        return windowRequest(GET_ATOM_NAME, atom, handler);
    }

    public long createWindow(int depth, int window, int parent, int x, int y, int width, int height, int windowClass, int valueMask, int... values) {
        c.begin(CREATE_WINDOW, depth);
        int at = c.reserve(28);
        ByteBuffer o = c.out(); // after reserve: it may have grown the buffer
        o.putInt(at, window);
        o.putInt(at + 4, parent);
        o.putShort(at + 8, (short) x);
        o.putShort(at + 10, (short) y);
        o.putShort(at + 12, (short) width);
        o.putShort(at + 14, (short) height);
        o.putShort(at + 16, (short) 0); // border width
        o.putShort(at + 18, (short) windowClass);
        o.putInt(at + 20, 0);           // visual: CopyFromParent
        o.putInt(at + 24, valueMask);
        putValues(values);
        return c.end(null);
    }

    public long destroyWindow(int window) {
        return windowRequest(DESTROY_WINDOW, window, null);
    }

    public long changeWindowAttributes(int window, int valueMask, int... values) {
        c.begin(CHANGE_WINDOW_ATTRIBUTES, 0);
        int at = c.reserve(8);
        ByteBuffer o = c.out(); // after reserve: it may have grown the buffer
        o.putInt(at, window);
        o.putInt(at + 4, valueMask);
        putValues(values);
        return c.end(null);
    }

    /** Reply: map-state at 26 (0 unmapped, 2 viewable), override-redirect at 27. */
    public long getWindowAttributes(int window, X11Connection.ReplyHandler handler) {
        return windowRequest(GET_WINDOW_ATTRIBUTES, window, handler);
    }

    public long mapWindow(int window) {
        return windowRequest(MAP_WINDOW, window, null);
    }

    /** {@code values} in the order of the mask's bits (x, y, width, height, border, sibling, stack mode). */
    public long configureWindow(int window, int valueMask, int... values) {
        c.begin(CONFIGURE_WINDOW, 0);
        int at = c.reserve(8);
        ByteBuffer o = c.out(); // after reserve: it may have grown the buffer
        o.putInt(at, window);
        o.putShort(at + 4, (short) valueMask);
        o.putShort(at + 6, (short) 0);
        putValues(values);
        return c.end(null);
    }

    /**
     * Reply: format at 1, type at 8, bytes-after at 12, the value's length in format units at 16,
     * the value from 32. {@code longOffset} and {@code longLength} count 4-byte units.
     */
    public long getProperty(boolean delete, int window, int property, int type, int longOffset, int longLength, X11Connection.ReplyHandler handler) {
        c.begin(GET_PROPERTY, delete ? 1 : 0);
        int at = c.reserve(20);
        ByteBuffer o = c.out(); // after reserve: it may have grown the buffer
        o.putInt(at, window);
        o.putInt(at + 4, property);
        o.putInt(at + 8, type);
        o.putInt(at + 12, longOffset);
        o.putInt(at + 16, longLength);
        return c.end(handler);
    }

    public long changeProperty(int mode, int window, int property, int type, int format, byte[] data, int offset, int length) {
        if (format != 8 && format != 16 && format != 32 || length % (format / 8) != 0) throw new IllegalArgumentException("bad property format " + format + " for " + length + " bytes");
        c.begin(CHANGE_PROPERTY, mode);
        int at = c.reserve(20 + length);
        ByteBuffer o = c.out(); // after reserve: it may have grown the buffer
        o.putInt(at, window);
        o.putInt(at + 4, property);
        o.putInt(at + 8, type);
        o.put(at + 12, (byte) format);
        o.putInt(at + 16, length / (format / 8));
        o.put(at + 20, data, offset, length);
        return c.end(null);
    }

    public long changeProperty32(int window, int property, int type, int... values) {
        byte[] b = new byte[values.length * 4];
        ByteBuffer bb = ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int v : values) bb.putInt(v);
        return changeProperty(PROP_MODE_REPLACE, window, property, type, 32, b, 0, b.length);
    }

    public long changePropertyString(int window, int property, int type, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        return changeProperty(PROP_MODE_REPLACE, window, property, type, 8, b, 0, b.length);
    }

    public long deleteProperty(int window, int property) {
        c.begin(DELETE_PROPERTY, 0);
        int at = c.reserve(8);
        ByteBuffer o = c.out(); // after reserve: it may have grown the buffer
        o.putInt(at, window);
        o.putInt(at + 4, property);
        return c.end(null);
    }

    public long setSelectionOwner(int owner, int selection, int time) {
        c.begin(SET_SELECTION_OWNER, 0);
        int at = c.reserve(12);
        ByteBuffer o = c.out(); // after reserve: it may have grown the buffer
        o.putInt(at, owner);
        o.putInt(at + 4, selection);
        o.putInt(at + 8, time);
        return c.end(null);
    }

    public long convertSelection(int requestor, int selection, int target, int property, int time) {
        c.begin(CONVERT_SELECTION, 0);
        int at = c.reserve(20);
        ByteBuffer o = c.out(); // after reserve: it may have grown the buffer
        o.putInt(at, requestor);
        o.putInt(at + 4, selection);
        o.putInt(at + 8, target);
        o.putInt(at + 12, property);
        o.putInt(at + 16, time);
        return c.end(null);
    }

    /** A ClientMessage of format 32 (five values) to {@code destination}, about {@code window}. */
    public long sendClientMessage(int destination, int eventMask, int window, int type, int... data) {
        beginSendEvent(destination, eventMask, CLIENT_MESSAGE, 32);
        int at = c.reserve(28);
        ByteBuffer o = c.out();
        o.putInt(at, window);
        o.putInt(at + 4, type);
        for (int i = 0; i < 5; i++) o.putInt(at + 8 + 4 * i, i < data.length ? data[i] : 0);
        return c.end(null);
    }

    /** The answer to a SelectionRequest: {@code property} holds the data, or is None for a refusal. */
    public long sendSelectionNotify(int requestor, int time, int selection, int target, int property) {
        beginSendEvent(requestor, 0, SELECTION_NOTIFY, 0);
        int at = c.reserve(28);
        ByteBuffer o = c.out();
        o.putInt(at, time);
        o.putInt(at + 4, requestor);
        o.putInt(at + 8, selection);
        o.putInt(at + 12, target);
        o.putInt(at + 16, property);
        for (int i = 20; i < 28; i++) o.put(at + i, (byte) 0);
        return c.end(null);
    }

    /** The synthetic ConfigureNotify ICCCM asks for when a window's request was not granted as asked. */
    public long sendConfigureNotify(int window, int x, int y, int width, int height) {
        beginSendEvent(window, EVENT_STRUCTURE_NOTIFY, CONFIGURE_NOTIFY, 0);
        int at = c.reserve(28);
        ByteBuffer o = c.out();
        o.putInt(at, window);      // event
        o.putInt(at + 4, window);  // window
        o.putInt(at + 8, NONE);    // above sibling
        o.putShort(at + 12, (short) x);
        o.putShort(at + 14, (short) y);
        o.putShort(at + 16, (short) width);
        o.putShort(at + 18, (short) height);
        o.putShort(at + 20, (short) 0); // border
        for (int i = 22; i < 28; i++) o.put(at + i, (byte) 0); // override-redirect false, padding
        return c.end(null);
    }

    /** SendEvent's header and the event's first four bytes (code, detail, sequence left 0). */
    private void beginSendEvent(int destination, int eventMask, int code, int detail) {
        c.begin(SEND_EVENT, 0); // propagate: false
        int at = c.reserve(12);
        ByteBuffer o = c.out(); // after reserve: it may have grown the buffer
        o.putInt(at, destination);
        o.putInt(at + 4, eventMask);
        o.put(at + 8, (byte) code);
        o.put(at + 9, (byte) detail);
        o.putShort(at + 10, (short) 0);
    }

    public long setInputFocus(int revertTo, int window, int time) {
        c.begin(SET_INPUT_FOCUS, revertTo);
        int at = c.reserve(8);
        ByteBuffer o = c.out(); // after reserve: it may have grown the buffer
        o.putInt(at, window);
        o.putInt(at + 4, time);
        return c.end(null);
    }

    public long killClient(int resource) {
        return windowRequest(KILL_CLIENT, resource, null);
    }

    /** Reply: present at 8, major opcode at 9, first event at 10, first error at 11. */
    public long queryExtension(String name, X11Connection.ReplyHandler handler) {
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        c.begin(QUERY_EXTENSION, 0);
        int at = c.reserve(4 + n.length);
        ByteBuffer o = c.out(); // after reserve: it may have grown the buffer
        o.putShort(at, (short) n.length);
        o.putShort(at + 2, (short) 0);
        o.put(at + 4, n);
        return c.end(handler);
    }

    /** Where XFIXES's requests go (from QueryExtension); must be set before they are used. */
    public void useXfixes(int majorOpcode) {
        xfixesOpcode = majorOpcode;
    }

    public long xfixesQueryVersion(int major, int minor, X11Connection.ReplyHandler handler) {
        c.begin(xfixes(), XFIXES_QUERY_VERSION);
        int at = c.reserve(8);
        ByteBuffer o = c.out(); // after reserve: it may have grown the buffer
        o.putInt(at, major);
        o.putInt(at + 4, minor);
        return c.end(handler);
    }

    public long xfixesSelectSelectionInput(int window, int selection, int eventMask) {
        c.begin(xfixes(), XFIXES_SELECT_SELECTION_INPUT);
        int at = c.reserve(12);
        ByteBuffer o = c.out(); // after reserve: it may have grown the buffer
        o.putInt(at, window);
        o.putInt(at + 4, selection);
        o.putInt(at + 8, eventMask);
        return c.end(null);
    }

    /** Where Composite's requests go (from QueryExtension). */
    public void useComposite(int majorOpcode) {
        compositeOpcode = majorOpcode;
    }

    public long compositeQueryVersion(int major, int minor, X11Connection.ReplyHandler handler) {
        if (compositeOpcode == 0) throw new IllegalStateException("Composite is not known yet");
        c.begin(compositeOpcode, COMPOSITE_QUERY_VERSION);
        int at = c.reserve(8);
        ByteBuffer o = c.out();
        o.putInt(at, major);
        o.putInt(at + 4, minor);
        return c.end(handler);
    }

    /** Every child of {@code window} drawn off screen, for us (Xwayland gives a wl_surface only to such windows when rootless). */
    public long compositeRedirectSubwindowsManual(int window) {
        if (compositeOpcode == 0) throw new IllegalStateException("Composite is not known yet");
        c.begin(compositeOpcode, COMPOSITE_REDIRECT_SUBWINDOWS);
        int at = c.reserve(8);
        ByteBuffer o = c.out();
        o.putInt(at, window);
        o.put(at + 4, (byte) COMPOSITE_REDIRECT_MANUAL);
        o.put(at + 5, (byte) 0);
        o.putShort(at + 6, (short) 0);
        return c.end(null);
    }

    private int xfixes() {
        if (xfixesOpcode == 0) throw new IllegalStateException("XFIXES is not known yet");
        return xfixesOpcode;
    }

    private long windowRequest(int opcode, int window, X11Connection.ReplyHandler handler) {
        c.begin(opcode, 0);
        int at = c.reserve(4);
        c.out().putInt(at, window);
        return c.end(handler);
    }

    private void putValues(int... values) {
        for (int v : values) {
            int at = c.reserve(4);
            c.out().putInt(at, v);
        }
    }
}
