package javawc.wire;

/**
 * One request or event as the protocol XML declares it. {@code signature} uses libwayland's
 * letters: i int, u uint, f fixed, s string, o object, n new_id, a array, h fd, each
 * preceded by '?' when null is allowed. {@code types} names the interface of each o/n
 * argument (null when untyped), one entry per argument.
 */
public record MessageSpec(String name, int since, boolean destructor, String signature, String[] types) {
    /** Argument letters without the '?' markers. */
    public String letters() {
        return signature.replace("?", "");
    }

    public boolean nullable(int arg) {
        int seen = -1;
        for (int i = 0; i < signature.length(); i++) {
            char c = signature.charAt(i);
            if (c == '?') continue;
            if (++seen == arg) return i > 0 && signature.charAt(i - 1) == '?';
        }
        return false;
    }

    public int fdCount() {
        int n = 0;
        for (int i = 0; i < signature.length(); i++) if (signature.charAt(i) == 'h') n++;
        return n;
    }
}
