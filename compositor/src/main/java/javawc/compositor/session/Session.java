package javawc.compositor.session;

/** The session the compositor runs in on a seat, as far as key bindings see it: VT switches go through it. */
public interface Session {
    /**
     * Ctrl+Alt+F{@code vt}: asks for a switch to that VT (nothing to do for our own). True when
     * the key was taken for it, false when it should go to the focused client instead.
     */
    boolean switchTo(int vt);
}
