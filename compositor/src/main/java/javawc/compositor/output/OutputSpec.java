package javawc.compositor.output;

/**
 * One --output option: {@code NAME[:WxH[@HZ]][,scale=S][,transform=T][,x=X,y=Y]}. With the headless
 * backend each makes an output of that name (mode default 1280x720@60); with DRM it names a
 * connector (HDMI-A-1) whose scale or position it sets, and the mode comes from --mode.
 *
 * @param mode   null: the default (headless) or the connector's (DRM)
 * @param scale  0: not given (1)
 * @param transform wl_output.transform, 0 (normal) unless given
 * @param placed whether x and y were given; else the output goes right of the ones before it
 */
public record OutputSpec(String name, Output.Mode mode, double scale, int transform, boolean placed, int x, int y) {

    public static OutputSpec parse(String text) {
        String[] parts = text.split(",", -1);
        String head = parts[0];
        int colon = head.indexOf(':');
        String name = colon < 0 ? head : head.substring(0, colon);
        if (!name.matches("[A-Za-z0-9_.-]+")) throw new IllegalArgumentException("--output needs a name of letters, digits, '-', '_' or '.', not '" + name + "'");
        Output.Mode mode = colon < 0 ? null : mode(name, head.substring(colon + 1));
        double scale = 0;
        int transform = 0;
        Integer x = null, y = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            int eq = p.indexOf('=');
            String key = eq < 0 ? p : p.substring(0, eq), value = eq < 0 ? "" : p.substring(eq + 1);
            switch (key) {
                case "scale" -> {
                    try {
                        scale = Output.checkScale(Double.parseDouble(value));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--output " + name + ": scale needs a number such as 2 or 1.5, not '" + value + "'");
                    }
                }
                case "x" -> x = coordinate(name, key, value);
                case "y" -> y = coordinate(name, key, value);
                case "transform" -> transform = OutputTransform.parse(value);
                default -> throw new IllegalArgumentException("--output " + name + ": unknown setting '" + p + "' (scale=S, transform=T, x=X, y=Y)");
            }
        }
        if ((x == null) != (y == null)) throw new IllegalArgumentException("--output " + name + ": give both x= and y=, or neither");
        return new OutputSpec(name, mode, scale, transform, x != null, x != null ? x : 0, y != null ? y : 0);
    }

    /** A {@link ModeText}; without a rate, 60 Hz. */
    private static Output.Mode mode(String name, String text) {
        try {
            return ModeText.parse(text).toMode(60_000);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--output " + name + ": mode " + e.getMessage(), e);
        }
    }

    private static int coordinate(String name, String key, String value) {
        try {
            int v = Integer.parseInt(value);
            if (Math.abs(v) > 1 << 20) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--output " + name + ": " + key + " needs a whole number, not '" + value + "'");
        }
    }
}
