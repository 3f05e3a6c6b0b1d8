package javawc.compositor.fuzz;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The short fuzz run of the test suite (the long one is scripts/fuzz): random choice lists,
 * any failing one shrunk to the smallest that still fails and shown whole (so it can be saved
 * to the corpus); every saved corpus input (each a past finding) replayed; and a thousand
 * inputs leave no descriptor behind.
 */
class ProtocolFuzzTest {
    /** A new seed each run finds new things over time; the failure message names it. */
    private static final long SEED = Long.getLong("javawc.fuzz.seed", System.nanoTime());
    private static ProtocolFuzzer fuzzer;

    @BeforeAll
    static void start() throws Exception {
        fuzzer = new ProtocolFuzzer();
    }

    @AfterAll
    static void stop() {
        fuzzer.close();
    }

    @Test
    void noClientInputHurtsTheCompositorOrTheOtherClients() {
        SplittableRandom random = new SplittableRandom(SEED);
        long requests = 0, refused = 0;
        for (int i = 0; i < 3000; i++) {
            Choices choices = Choices.random(random);
            ProtocolFuzzer.Outcome o = fuzzer.run(choices);
            requests += o.messages();
            if (o.errorCode() >= 0) refused++;
            if (o.finding() == null) continue;
            int[] smallest = Shrinker.shrink(choices.recorded(), c -> fuzzer.run(Choices.of(c)).finding() != null, 2000);
            ProtocolFuzzer.Outcome small = fuzzer.run(Choices.of(smallest));
            fail("input " + i + " of seed " + SEED + ": " + o.finding() + "; shrunk to " + smallest.length + " choices ("
                    + small.finding() + "): " + Arrays.toString(smallest));
        }
        // the run did something: several requests per input, and not every input ended in an error
        System.out.printf("fuzz (seed %d): 3000 inputs, %d requests, %d ended by a protocol error%n", SEED, requests, refused);
        assertTrue(requests > 3 * 3000, requests + " requests");
        assertTrue(refused > 0 && refused < 3000, refused + " of 3000 inputs ended by a protocol error");
    }

    @Test
    void everyCorpusInputStillPasses() throws Exception {
        var entries = Corpus.load(Corpus.DEFAULT);
        assertFalse(entries.isEmpty(), "the committed corpus is missing from " + Corpus.DEFAULT.toAbsolutePath());
        for (Corpus.Entry e : entries) {
            ProtocolFuzzer.Outcome o = fuzzer.run(Choices.of(e.choices()));
            assertNull(o.finding(), () -> e.name() + ": " + o.finding());
        }
    }

    @Test
    void aThousandInputsLeaveNoDescriptorsBehind() {
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 200; i++) fuzzer.run(Choices.random(random)); // warm: lazily opened files
        int before = ProtocolFuzzer.openFds();
        int findings = 0;
        for (int i = 0; i < 1000; i++) if (fuzzer.run(Choices.random(random)).finding() != null) findings++;
        assertEquals(0, findings);
        assertEquals(before, ProtocolFuzzer.openFds(), "descriptors open before and after 1000 inputs");
    }

    @Test
    void theShrinkerKeepsAFailureAndMakesItSmaller() {
        int[] failing = {5, 9, 200, 7, 3, 200, 1, 1};
        int[] smallest = Shrinker.shrink(failing, c -> Arrays.stream(c).filter(v -> v >= 100).count() >= 2, 500);
        assertArrayEquals(new int[] {100, 100}, smallest, "the two large values, each lowered to the least that still fails");
    }
}
