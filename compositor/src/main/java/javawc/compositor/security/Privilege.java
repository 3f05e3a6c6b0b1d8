package javawc.compositor.security;

import java.util.Locale;

/**
 * What a privileged global lets its client do to the others. Each is offered per client by
 * the configuration's {@code [privileges]} table; the key is the name in lower case with
 * dashes ({@code screen-capture}), and the default is the safe one for that power.
 */
public enum Privilege {
    /** Reading every output's pixels (zwlr_screencopy_manager_v1). */
    SCREEN_CAPTURE(Access.CHILDREN),
    /** Reading and setting the clipboard without focus (zwlr_data_control_manager_v1). */
    CLIPBOARD_CONTROL(Access.CHILDREN),
    /** Seeing and acting on every window (zwlr_foreign_toplevel_manager_v1). */
    WINDOW_LIST(Access.CHILDREN),
    /** Locking the session (ext_session_lock_manager_v1). */
    SESSION_LOCK(Access.CHILDREN),
    /** Typing and pointing into other clients (virtual keyboard and pointer): off unless enabled. */
    VIRTUAL_INPUT(Access.NONE),
    /** Composing text for the focused client and grabbing the keyboard (zwp_input_method_manager_v2). */
    INPUT_METHOD(Access.CHILDREN),
    /** Changing outputs' modes and layout (zwlr_output_manager_v1). */
    OUTPUT_MANAGEMENT(Access.CHILDREN),
    /** Setting outputs' gamma ramps (zwlr_gamma_control_manager_v1). */
    GAMMA(Access.CHILDREN);

    /** Who is offered a privileged global. */
    public enum Access {
        /** Every client. */
        ALL,
        /** Processes the compositor started, directly or not (autostart, bindings, their terminals' shells). */
        CHILDREN,
        /** No client. */
        NONE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Access defaultAccess;

    Privilege(Access defaultAccess) {
        this.defaultAccess = defaultAccess;
    }

    public Access defaultAccess() {
        return defaultAccess;
    }

    /** Its key in the configuration's [privileges] table. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
