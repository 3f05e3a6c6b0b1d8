package javawc.client;

import java.io.IOException;

/** The server sent wl_display.error: the connection is dead. */
public final class ProtocolErrorException extends IOException {
    private final String objectName;
    private final int code;

    public ProtocolErrorException(String objectName, int code, String message) {
        super(objectName + ": error " + code + ": " + message);
        this.objectName = objectName;
        this.code = code;
    }

    /** The object the error is about, as "interface@id". */
    public String objectName() {
        return objectName;
    }

    public int code() {
        return code;
    }
}
