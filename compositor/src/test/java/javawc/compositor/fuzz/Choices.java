package javawc.compositor.fuzz;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The decisions one fuzz input is made of, as a list of ints: every choice the generator makes
 * (which object, which request, which argument value) takes the next one. The long run draws
 * them at random and records them, so a finding is saved as its list and replayed exactly;
 * the shrinker replays smaller lists. Past the end every choice is 0, the simplest.
 */
public final class Choices {
    private final int[] given;
    private final SplittableRandom random;
    private int[] taken = new int[64];
    private int count;

    private Choices(int[] given, SplittableRandom random) {
        this.given = given;
        this.random = random;
    }

    /** Replays a recorded (or shrunk) list. */
    public static Choices of(int[] values) {
        return new Choices(values, null);
    }

    /** Fresh random decisions, recorded as they are made. */
    public static Choices random(SplittableRandom random) {
        return new Choices(null, random);
    }

    /** A value in [0, bound). */
    public int below(int bound) {
        int raw;
        if (random != null) {
            raw = random.nextInt() & Integer.MAX_VALUE;
        } else {
            raw = count < given.length ? given[count] : 0;
        }
        if (count == taken.length) taken = Arrays.copyOf(taken, count * 2);
        taken[count++] = raw;
        return Math.floorMod(raw, bound);
    }

    /** True with {@code percent} % probability (a 0 choice says no). */
    public boolean percent(int percent) {
        return below(100) >= 100 - percent;
    }

    /** Any int (a raw choice). */
    public int anyInt() {
        if (random != null) {
            int v = random.nextInt();
            if (count == taken.length) taken = Arrays.copyOf(taken, count * 2);
            taken[count++] = v;
            return v;
        }
        int v = count < given.length ? given[count] : 0;
        if (count == taken.length) taken = Arrays.copyOf(taken, count * 2);
        taken[count++] = v;
        return v;
    }

    /** Whether a replayed list has run out (the generator then winds the input up). */
    public boolean exhausted() {
        return given != null && count >= given.length;
    }

    /** The decisions made so far: enough to replay this input. */
    public int[] recorded() {
        return Arrays.copyOf(taken, count);
    }
}
