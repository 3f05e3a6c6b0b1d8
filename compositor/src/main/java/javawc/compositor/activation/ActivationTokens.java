package javawc.compositor.activation;

import javawc.server.Client;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

/**
 * The activation tokens handed out and not used yet: each remembers whether it may activate
 * (it was asked for with a recent input event of the client that had the keyboard focus, or the
 * compositor issued it for a program it started), which client asked, and when. A token works
 * once, for {@link #LIFETIME_NANOS} at most. Token strings are random, so a client cannot guess
 * another's.
 */
public final class ActivationTokens {
    /** How long a token may wait for its activate: long enough for a program to start. */
    static final long LIFETIME_NANOS = 30_000_000_000L;
    private static final int MAX_TOKENS = 256; // a client asking for tokens in a loop cannot grow this without bound

    /** {@code issuer} null: the compositor's own (for a program it launched). */
    record Token(boolean honoured, Client issuer, String appId, long issuedNanos, String why) {}

    private final Map<String, Token> tokens = new HashMap<>();
    private SecureRandom random; // made at the first token: its set-up (security providers, seeding) cost ~15 ms of every start

    /** A new token's string, remembered with what decides whether it will be honoured. */
    String issue(boolean honoured, Client issuer, String appId, String why) {
        dropExpired();
        if (tokens.size() >= MAX_TOKENS) {
            Iterator<Map.Entry<String, Token>> oldest = tokens.entrySet().iterator();
            oldest.next();
            oldest.remove();
        }
        byte[] bytes = new byte[16];
        if (random == null) random = new SecureRandom();
        random.nextBytes(bytes);
        String name = HexFormat.of().formatHex(bytes);
        tokens.put(name, new Token(honoured, issuer, appId, System.nanoTime(), why));
        return name;
    }

    /** A token the compositor issues itself, for a program it starts (XDG_ACTIVATION_TOKEN). */
    public String issueForLaunch(String program) {
        return issue(true, null, program, "issued by the compositor for " + program);
    }

    /** Takes the token out (a token works once); null if it is unknown or expired. */
    Token take(String name) {
        dropExpired();
        return tokens.remove(name);
    }

    private void dropExpired() {
        long now = System.nanoTime();
        tokens.values().removeIf(t -> now - t.issuedNanos() > LIFETIME_NANOS);
    }
}
