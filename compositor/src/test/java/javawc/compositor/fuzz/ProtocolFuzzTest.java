package javawc.compositor.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The short fuzz run of the test suite (the long one is scripts/fuzz): jqwik makes choice lists
 * and shrinks any that fails to the smallest; every saved corpus input (each a past finding or
 * a deep path) is replayed; and a thousand inputs leave no descriptor behind.
 */
class ProtocolFuzzTest {
    private static ProtocolFuzzer fuzzer;

    @BeforeContainer
    static void start() throws Exception {
        fuzzer = new ProtocolFuzzer();
    }

    @AfterContainer
    static void stop() {
        fuzzer.close();
    }

    @Property(tries = 2000)
    void noClientInputHurtsTheCompositorOrTheOtherClients(@ForAll("choiceLists") int[] choices) {
        ProtocolFuzzer.Outcome o = fuzzer.run(Choices.of(choices));
        assertNull(o.finding(), () -> o.finding() + " after " + o.messages() + " requests");
    }

    @Provide
    Arbitrary<int[]> choiceLists() {
        return Arbitraries.integers().array(int[].class).ofMinSize(1).ofMaxSize(800);
    }

    @Example
    void everyCorpusInputStillPasses() throws Exception {
        var entries = Corpus.load(Corpus.DEFAULT);
        assertFalse(entries.isEmpty(), "the committed corpus is missing from " + Corpus.DEFAULT.toAbsolutePath());
        for (Corpus.Entry e : entries) {
            ProtocolFuzzer.Outcome o = fuzzer.run(Choices.of(e.choices()));
            assertNull(o.finding(), () -> e.name() + ": " + o.finding());
        }
    }

    @Example
    void aThousandInputsLeaveNoDescriptorsBehind() {
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 200; i++) fuzzer.run(Choices.random(random)); // warm: lazily opened files
        int before = ProtocolFuzzer.openFds();
        int findings = 0;
        for (int i = 0; i < 1000; i++) if (fuzzer.run(Choices.random(random)).finding() != null) findings++;
        assertEquals(0, findings);
        assertEquals(before, ProtocolFuzzer.openFds(), "descriptors open before and after 1000 inputs");
    }
}
