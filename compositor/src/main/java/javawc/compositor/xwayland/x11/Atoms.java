package javawc.compositor.xwayland.x11;

/**
 * The atoms the window manager and the selection bridge use: the core protocol's predefined
 * ones as constants, the others interned once per connection ({@link #intern}) and looked up
 * with {@link #get}.
 */
public final class Atoms {
    // predefined by the core protocol
    public static final int PRIMARY = 1, ATOM = 4, CARDINAL = 6, STRING = 31, WINDOW = 33, WM_HINTS = 35, WM_NAME = 39,
            WM_NORMAL_HINTS = 40, WM_SIZE_HINTS = 41, WM_CLASS = 67, WM_TRANSIENT_FOR = 68;

    /** The atoms interned by name. */
    public enum Name {
        WM_S0, WM_PROTOCOLS, WM_DELETE_WINDOW, WM_TAKE_FOCUS, WM_STATE, WM_CHANGE_STATE, WL_SURFACE_ID, UTF8_STRING,
        _NET_WM_NAME, _NET_SUPPORTED, _NET_SUPPORTING_WM_CHECK, _NET_ACTIVE_WINDOW, _NET_WM_STATE,
        _NET_WM_STATE_FULLSCREEN, _NET_WM_STATE_MAXIMIZED_VERT, _NET_WM_STATE_MAXIMIZED_HORZ, _NET_WM_STATE_HIDDEN,
        _NET_WM_STATE_FOCUSED, _NET_WM_WINDOW_TYPE, _NET_WM_WINDOW_TYPE_NORMAL, _NET_WM_WINDOW_TYPE_DIALOG,
        _NET_WM_WINDOW_TYPE_UTILITY, _NET_WM_WINDOW_TYPE_MENU, _NET_WM_WINDOW_TYPE_DROPDOWN_MENU,
        _NET_WM_WINDOW_TYPE_POPUP_MENU, _NET_WM_WINDOW_TYPE_TOOLTIP, _NET_WM_WINDOW_TYPE_NOTIFICATION,
        _NET_WM_WINDOW_TYPE_COMBO, _NET_WM_WINDOW_TYPE_DND, _NET_WM_WINDOW_TYPE_SPLASH, _NET_CLIENT_LIST,
        _MOTIF_WM_HINTS, CLIPBOARD, TARGETS, TIMESTAMP, MULTIPLE, INCR, TEXT, DELETE, _JAVAWC_SELECTION
    }

    private final int[] values = new int[Name.values().length];
    private final String[] names = new String[Name.values().length];

    /** Interns every name (pipelined: one round trip), then runs {@code done}; a failure is logged and leaves that atom 0. */
    public void intern(Requests requests, Runnable done) {
        int[] left = {values.length};
        for (Name n : Name.values()) {
            names[n.ordinal()] = n.name();
            requests.internAtom(n.name(), new X11Connection.ReplyHandler() {
                @Override
                public void reply(X11Message reply) {
                    values[n.ordinal()] = reply.u32(8);
                    if (--left[0] == 0) done.run();
                }

                @Override
                public void error(X11Connection.X11Error error) {
                    org.apache.logging.log4j.LogManager.getLogger(Atoms.class).warn("InternAtom {}: {}", n, error);
                    if (--left[0] == 0) done.run();
                }
            });
        }
    }

    public int get(Name name) {
        return values[name.ordinal()];
    }

    /** The interned name of {@code atom}, or null for one we did not intern. */
    public Name nameOf(int atom) {
        if (atom == 0) return null;
        for (Name n : Name.values()) if (values[n.ordinal()] == atom) return n;
        return null;
    }
}
