package javawc.compositor.fuzz;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Makes a failing choice list smaller while it still fails, as property-based testing tools
 * do: first drop runs of choices (halves, quarters, ... single ones), then lower each
 * remaining value towards 0 (the generator's simplest choice). The result is what a person
 * reads to see the finding: usually a handful of requests.
 */
final class Shrinker {
    private Shrinker() {}

    /** The smallest list found for which {@code fails} still holds, trying at most {@code budget} runs. */
    static int[] shrink(int[] failing, Predicate<int[]> fails, int budget) {
        int[] best = failing;
        int runs = 0;
        boolean progress = true;
        while (progress && runs < budget) {
            progress = false;
            for (int chunk = Math.max(1, best.length / 2); chunk >= 1 && runs < budget; chunk /= 2) {
                for (int at = 0; at + chunk <= best.length && runs < budget; ) {
                    int[] candidate = new int[best.length - chunk];
                    System.arraycopy(best, 0, candidate, 0, at);
                    System.arraycopy(best, at + chunk, candidate, at, best.length - at - chunk);
                    runs++;
                    if (fails.test(candidate)) {
                        best = candidate;
                        progress = true;
                    } else {
                        at += chunk;
                    }
                }
            }
            for (int i = 0; i < best.length && runs < budget; i++) {
                if (best[i] == 0) continue;
                for (int smaller : new int[] {0, best[i] / 2}) {
                    int[] candidate = Arrays.copyOf(best, best.length);
                    candidate[i] = smaller;
                    runs++;
                    if (fails.test(candidate)) {
                        best = candidate;
                        progress = true;
                        break;
                    }
                }
            }
        }
        return best;
    }
}
