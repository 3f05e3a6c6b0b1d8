package javawc.clients;

import javawc.client.Display;

import java.io.IOException;

/**
 * Connects to the compositor N times in a row (default 1000), each time reading the registry
 * and making one round trip before disconnecting, as the many short-lived clients of a session
 * start do (a panel's helpers, wl-copy and wl-paste in scripts). The compositor's AOT training
 * run (scripts/lib.sh) runs it so that the cache holds profiles of the code that accepts,
 * serves and drops a client: a fresh compositor then compiles that code sooner.
 * Usage: {@code ConnectionBurst [N]}.
 */
public final class ConnectionBurst {
    private ConnectionBurst() {}

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        for (int i = 0; i < count; i++) {
            try (Display display = Display.connect()) {
                display.wlDisplay().getRegistry();
                display.roundtrip();
            }
        }
    }
}
