package javawc.server;

import javawc.server.protocol.WlDisplay;
import javawc.wire.Connection;
import javawc.wire.WireFormatException;

/**
 * What one client may hold of what all clients share, so that one cannot exhaust it for the
 * others. Each limit, when passed, is a protocol error to that client alone (and its
 * disconnect). The per-area limits (shm pools and mapped bytes) live with their areas and
 * are listed in docs/ROBUSTNESS.md with these.
 */
public final class ClientLimits {
    /**
     * Objects one client may have at once (both id ranges). Real clients have hundreds, a web
     * browser a few thousand; each object costs the compositor a few hundred bytes of heap.
     */
    public static final int MAX_OBJECTS = 100_000;
    /** Bytes of events waiting for a client that does not read (then it is dropped). */
    public static final int MAX_QUEUED_OUTPUT = Connection.DEFAULT_OUTPUT_LIMIT;
    /** Received fds waiting for the messages that take them (more is invalid_method). */
    public static final int MAX_PENDING_FDS = Connection.DEFAULT_FD_LIMIT;

    private ClientLimits() {}

    static WireFormatException tooManyObjects() {
        return new WireFormatException(WlDisplay.Error.NO_MEMORY, "too many objects: a client may have " + MAX_OBJECTS + " at once");
    }
}
