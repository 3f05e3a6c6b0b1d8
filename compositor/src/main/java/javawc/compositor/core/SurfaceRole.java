package javawc.compositor.core;

/**
 * What a surface is for (xdg toplevel, popup, subsurface, cursor...). A surface gets one role
 * for life; the role object may go and come back, but never as another role.
 */
public interface SurfaceRole {
    /** The role's name, for the "has another role" errors. */
    String roleName();

    /** Called when a buffer is attached; false rejects it (an error was posted). */
    default boolean attachAllowed(Surface surface) {
        return true;
    }

    /** Called before the pending state is applied; false rejects the commit (an error was posted). */
    default boolean preCommit(Surface surface, boolean attachesBuffer) {
        return true;
    }

    /** Called after a commit was applied. */
    void committed(Surface surface);

    /**
     * Where the surface's top-left corner is in the global space, or null while it is not shown.
     * Written into {@code xy}.
     */
    boolean position(Surface surface, int[] xy);
}
