package javawc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns scripts/bench's raw results ("compositor key value" lines, as wlbench prints them per
 * compositor) into the table: each figure for each compositor, our ratio to the best peer, and
 * the target with whether it is met. Or the same as JSON.
 *   java javawc.bench.BenchTable RESULTS MACHINE table|json
 */
public final class BenchTable {
    static final String OURS = "javawc";
    static final List<String> PEERS = List.of("weston", "sway");

    /** How a figure is judged: against the best peer (a ratio), weston only, or an absolute bound. */
    enum Goal { RATIO_TO_BEST, RATIO_TO_WESTON, AT_MOST, AT_LEAST }

    record Figure(String key, String label, boolean higherIsBetter, Goal goal, double bound) {
        String target() {
            return switch (goal) {
                case RATIO_TO_BEST -> "≤ " + fmt(bound) + "× best peer";
                case RATIO_TO_WESTON -> "≤ " + fmt(bound) + "× weston";
                case AT_MOST -> "≤ " + fmt(bound);
                case AT_LEAST -> "≥ " + fmt(bound);
            };
        }
    }

    static final List<Figure> FIGURES = List.of(
            new Figure("roundtrip_us", "wl_display.sync round trip, median (µs)", false, Goal.RATIO_TO_BEST, 1.0),
            new Figure("full_fps", "1920x1080 full-damage commits: frames/s", true, Goal.AT_LEAST, 59),
            new Figure("full_latency_ms", "  median commit→frame callback (ms)", false, Goal.AT_MOST, 17),
            new Figure("full_cpu_ms_per_frame", "  compositor CPU per frame (ms)", false, Goal.RATIO_TO_BEST, 1.0),
            new Figure("partial_cpu_ms_per_frame", "64x64 damage per frame in 1080p: compositor CPU per frame (ms)", false, Goal.RATIO_TO_BEST, 1.0),
            new Figure("partial_fps", "  frames/s", true, null, 0),
            new Figure("clients_ms", "500 clients connect + get_registry + sync + disconnect (ms)", false, Goal.RATIO_TO_BEST, 1.0),
            new Figure("huge_ms", "one 4096x4096 buffer committed: commit→frame callback (ms)", false, Goal.RATIO_TO_WESTON, 1.0),
            new Figure("launch_ms", "launch → first round trip answered (ms)", false, Goal.AT_MOST, 300),
            new Figure("launch_cpu_ms", "  CPU time the compositor used until then (ms)", false, null, 0),
            new Figure("rss_mib", "resident memory right after these runs (MiB)", false, null, 0),
            new Figure("settled_rss_mib", "  and 20 s later (MiB)", false, Goal.AT_MOST, 80));

    /** compositor → key → value, compositors and keys in the order they came. */
    public static Map<String, Map<String, Double>> parse(List<String> lines) {
        Map<String, Map<String, Double>> results = new LinkedHashMap<>();
        for (String line : lines) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length != 3) continue; // a blank or stray line: not a result
            try {
                results.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).put(parts[1], Double.parseDouble(parts[2]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number in results line: " + line, e);
            }
        }
        return results;
    }

    /** The best peer's value of a figure, or NaN when no peer has it. */
    static double best(Map<String, Map<String, Double>> results, Figure f) {
        double best = Double.NaN;
        for (String peer : PEERS) {
            if (f.goal() == Goal.RATIO_TO_WESTON && !peer.equals("weston")) continue;
            Double v = results.getOrDefault(peer, Map.of()).get(f.key());
            if (v == null) continue;
            if (Double.isNaN(best) || (f.higherIsBetter() ? v > best : v < best)) best = v;
        }
        return best;
    }

    /** Ours over the best peer's (for a higher-is-better figure, best over ours, so below 1 is ahead either way). */
    static double ratio(Map<String, Map<String, Double>> results, Figure f) {
        Double ours = results.getOrDefault(OURS, Map.of()).get(f.key());
        double best = best(results, f);
        if (ours == null || Double.isNaN(best) || best == 0 || ours == 0) return Double.NaN;
        return f.higherIsBetter() ? best / ours : ours / best;
    }

    /** "yes", "no", or "" when it cannot be judged (no peer ran, no goal). */
    static String met(Map<String, Map<String, Double>> results, Figure f) {
        Double ours = results.getOrDefault(OURS, Map.of()).get(f.key());
        if (ours == null || f.goal() == null) return "";
        return switch (f.goal()) {
            case AT_MOST -> ours <= f.bound() ? "yes" : "no";
            case AT_LEAST -> ours >= f.bound() ? "yes" : "no";
            case RATIO_TO_BEST, RATIO_TO_WESTON -> {
                double r = ratio(results, f);
                yield Double.isNaN(r) ? "" : r <= f.bound() ? "yes" : "no";
            }
        };
    }

    public static String table(Map<String, Map<String, Double>> results, String machine) {
        List<String> names = new ArrayList<>(results.keySet());
        StringBuilder sb = new StringBuilder();
        sb.append("| figure |");
        for (String n : names) sb.append(' ').append(n).append(" |");
        sb.append(" ours / best peer | target | met |\n|---|");
        sb.append("---|".repeat(names.size())).append("---|---|---|\n");
        for (Figure f : FIGURES) {
            sb.append("| ").append(f.label()).append(" |");
            for (String n : names) {
                Double v = results.get(n).get(f.key());
                sb.append(' ').append(v == null ? "–" : fmt(v)).append(" |");
            }
            double r = ratio(results, f);
            sb.append(' ').append(Double.isNaN(r) ? "–" : fmt(r) + "×").append(" | ")
                    .append(f.goal() == null ? "" : f.target()).append(" | ").append(met(results, f)).append(" |\n");
        }
        sb.append("\nMachine: ").append(machine).append('\n');
        return sb.toString();
    }

    static String json(Map<String, Map<String, Double>> results, String machine) {
        StringBuilder sb = new StringBuilder("{\"machine\": ").append(quote(machine)).append(", \"results\": {");
        String sep = "";
        for (var e : results.entrySet()) {
            sb.append(sep).append(quote(e.getKey())).append(": {");
            String inner = "";
            for (var v : e.getValue().entrySet()) {
                sb.append(inner).append(quote(v.getKey())).append(": ").append(v.getValue());
                inner = ", ";
            }
            sb.append('}');
            sep = ", ";
        }
        sb.append("}, \"ratios\": {");
        sep = "";
        for (Figure f : FIGURES) {
            double r = ratio(results, f);
            if (Double.isNaN(r)) continue;
            sb.append(sep).append(quote(f.key())).append(": ").append(String.format(Locale.ROOT, "%.3f", r));
            sep = ", ";
        }
        return sb.append("}}\n").toString();
    }

    static String fmt(double v) {
        if (v >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (v >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: BenchTable RESULTS MACHINE table|json");
            System.exit(2);
        }
        var results = parse(Files.readAllLines(Path.of(args[0])));
        System.out.print(args[2].equals("json") ? json(results, args[1]) : table(results, args[1]));
    }
}
