package javawc.wire;

/**
 * A message the peer sent breaks the wire format or the protocol's object rules. Carries the
 * wl_display error code the offending client is sent (invalid_object or invalid_method).
 */
public final class WireFormatException extends RuntimeException {
    public static final int INVALID_OBJECT = 0, INVALID_METHOD = 1;
    private final int displayError;

    public WireFormatException(int displayError, String message) {
        super(message, null, false, false);
        this.displayError = displayError;
    }

    public static WireFormatException malformed(String message) {
        return new WireFormatException(INVALID_METHOD, message);
    }

    public int displayError() {
        return displayError;
    }
}
