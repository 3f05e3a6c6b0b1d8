package javawc.compositor.fuzz;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The long fuzz run (scripts/fuzz): random inputs into one in-process compositor until the
 * input count or the time is reached, then one summary line. Each distinct finding is saved to
 * the corpus (replayed by ProtocolFuzzTest from then on). Leaks are measured over the run: the
 * descriptor count and the heap after a full collection, once warmed up and at the end.
 *   ProtocolFuzzMain [--inputs N] [--minutes M] [--seed S] [--corpus DIR] | --replay FILE
 */
public final class ProtocolFuzzMain {
    private ProtocolFuzzMain() {}

    /** Runs one saved input and says what it found (with WAYLAND_DEBUG=server, the requests too). */
    private static void replay(Path file) throws Exception {
        try (ProtocolFuzzer fuzzer = new ProtocolFuzzer()) {
            for (Corpus.Entry e : Corpus.load(file.getParent())) {
                if (!e.name().equals(file.getFileName().toString())) continue;
                ProtocolFuzzer.Outcome o = fuzzer.run(Choices.of(e.choices()));
                System.out.println(e.name() + ": " + (o.finding() == null ? "passes" : o.finding()) + " after " + o.messages() + " requests, error code " + o.errorCode());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        long inputs = 1_000_000;
        double minutes = 0;
        long seed = System.nanoTime();
        Path corpus = Corpus.DEFAULT;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--inputs" -> inputs = Long.parseLong(args[++i]);
                case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--replay" -> {
                    replay(Path.of(args[++i]));
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        long deadline = minutes > 0 ? System.nanoTime() + (long) (minutes * 60e9) : Long.MAX_VALUE;
        long limit = minutes > 0 ? Long.MAX_VALUE : inputs;
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> distinct = new HashSet<>();
        long done = 0, messages = 0, findings = 0, errorsSent = 0;
        long start = System.nanoTime();
        int fdsWarm = -1;
        long heapWarm = -1;
        try (ProtocolFuzzer fuzzer = new ProtocolFuzzer()) {
            for (Corpus.Entry e : Corpus.load(corpus)) {
                ProtocolFuzzer.Outcome o = fuzzer.run(Choices.of(e.choices()));
                if (o.finding() != null) {
                    findings++;
                    System.err.println("corpus " + e.name() + ": " + o.finding());
                }
            }
            while (done < limit && System.nanoTime() < deadline) {
                Choices choices = Choices.random(random);
                ProtocolFuzzer.Outcome o = fuzzer.run(choices);
                done++;
                messages += o.messages();
                if (o.errorCode() >= 0) errorsSent++;
                if (o.finding() != null) {
                    findings++;
                    String key = o.finding().replaceAll("[0-9]+", "N");
                    if (distinct.add(key)) {
                        Path f = Corpus.save(corpus, "finding-" + Long.toHexString(seed) + "-" + done, o.finding(), choices.recorded());
                        System.err.println("finding " + distinct.size() + ": " + o.finding() + " (saved as " + f + ")");
                    }
                }
                if (done == 20_000) {
                    fdsWarm = ProtocolFuzzer.openFds();
                    heapWarm = ProtocolFuzzer.heapAfterGc();
                }
                if (done % 100_000 == 0) System.err.printf("... %d inputs, %d findings, %.0f s%n", done, findings, (System.nanoTime() - start) / 1e9);
            }
            int fdDrift = fdsWarm < 0 ? 0 : ProtocolFuzzer.openFds() - fdsWarm;
            long heapDrift = heapWarm < 0 ? 0 : ProtocolFuzzer.heapAfterGc() - heapWarm;
            double seconds = (System.nanoTime() - start) / 1e9;
            boolean leaked = fdDrift > 4 || heapDrift > 64L << 20;
            System.out.printf("fuzz: %d inputs (%d requests, %d answered by a protocol error) in %.0f s, seed %d: %d crashes (%d distinct), leaks: %s (fd drift %+d, heap drift %+.1f MiB)%n",
                    done, messages, errorsSent, seconds, seed, findings, distinct.size(), leaked ? "yes" : "none", fdDrift, heapDrift / 1048576.0);
            System.exit(findings == 0 && !leaked ? 0 : 1);
        }
    }
}
