package javawc.compositor.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Saved fuzz inputs: one file per input, its choice list as decimal ints on one line, a
 * comment line (#) saying what it found. Findings are saved here and replayed by the tests
 * forever after, as regression tests; so are a few inputs kept for the code they reach.
 */
final class Corpus {
    static final Path DEFAULT = Path.of("src/test/resources/fuzz-corpus");

    private Corpus() {}

    record Entry(String name, int[] choices) {}

    static List<Entry> load(Path dir) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(dir)) return entries;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".choices")).sorted().toList()) {
                String data = Files.readAllLines(f).stream().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + " " + b).trim();
                int[] choices = data.isEmpty() ? new int[0] : Arrays.stream(data.split("\\s+")).mapToInt(Integer::parseInt).toArray();
                entries.add(new Entry(f.getFileName().toString(), choices));
            }
        }
        return entries;
    }

    static Path save(Path dir, String name, String comment, int[] choices) throws IOException {
        Files.createDirectories(dir);
        StringBuilder sb = new StringBuilder("# ").append(comment.replace('\n', ' ')).append('\n');
        for (int i = 0; i < choices.length; i++) sb.append(i == 0 ? "" : " ").append(choices[i]);
        Path f = dir.resolve(name + ".choices");
        Files.writeString(f, sb.append('\n').toString());
        return f;
    }
}
