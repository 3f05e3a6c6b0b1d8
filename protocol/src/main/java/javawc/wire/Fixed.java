package javawc.wire;

/** wl_fixed_t: a signed 24.8 fixed-point number carried in an int. */
public final class Fixed {
    private Fixed() {}

    public static int fromDouble(double value) {
        return (int) Math.round(value * 256.0);
    }

    public static double toDouble(int fixed) {
        return fixed / 256.0;
    }

    public static int fromInt(int value) {
        return value << 8;
    }

    /** Integer part, rounded towards negative infinity (as pixel coordinates want). */
    public static int floor(int fixed) {
        return fixed >> 8;
    }
}
