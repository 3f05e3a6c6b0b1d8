package javawc.compositor;

import javawc.bench.BenchTable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scripts/bench's pieces work, cheaply (the benchmark itself is never part of the tests): the C
 * benchmark client builds, each of its modes runs against our compositor and prints its figures,
 * and the table parses what it printed. Tiny sizes and counts; no figure is judged.
 */
class BenchClientSmokeIntegrationTest {
    private static final Path SOURCE = Path.of("../clients/bench/src/main/c/wlbench.c").toAbsolutePath().normalize();
    private static final Path XDG_SHELL = Path.of("/usr/share/wayland-protocols/stable/xdg-shell/xdg-shell.xml");

    private static void exec(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    }

    private static Path buildClient() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")) && Files.isExecutable(Path.of("/usr/bin/wayland-scanner"))
                && Files.exists(XDG_SHELL), "gcc, wayland-scanner or wayland-protocols missing (scripts/bench installs them)");
        Path dir = Files.createTempDirectory("wlbench");
        exec(dir, "wayland-scanner", "client-header", XDG_SHELL.toString(), "xdg-shell-client-protocol.h");
        exec(dir, "wayland-scanner", "private-code", XDG_SHELL.toString(), "xdg-shell-protocol.c");
        exec(dir, "gcc", "-O2", "-Wall", "-Werror", "-Wno-format-truncation", "-I.", "-o", "wlbench", SOURCE.toString(),
                "xdg-shell-protocol.c", "-lwayland-client");
        return dir.resolve("wlbench");
    }

    @Test
    void everyModeReportsItsFiguresAndTheTableReadsThem() throws Exception {
        Path client = buildClient();
        List<String> lines = new ArrayList<>();
        try (CompositorProcess c = CompositorProcess.start("--backend", "headless", "--renderer", "software", "--width", "640", "--height", "480")) {
            String bin = client.toString(), pid = Long.toString(c.pid());
            String[][] runs = {
                    {bin, "roundtrip", "--count", "50", "--rounds", "1"},
                    {bin, "frames", "--pid", pid, "--width", "320", "--height", "240", "--seconds", "0.5"},
                    {bin, "frames", "--pid", pid, "--width", "320", "--height", "240", "--seconds", "0.5", "--partial"},
                    {bin, "clients", "--count", "5", "--rounds", "1"},
                    {bin, "huge", "--size", "1024", "--commits", "1"},
                    {bin, "rss", "--pid", pid}};
            for (String[] run : runs) {
                CompositorProcess.Result r = c.run(60, run);
                assertEquals(0, r.exitCode(), String.join(" ", run) + ": " + r.output() + "\n" + c.stderr());
                String prefix = !run[1].equals("frames") ? "" : List.of(run).contains("--partial") ? "partial_" : "full_";
                for (String line : r.output().strip().split("\n")) lines.add("javawc " + prefix + line);
            }
        } finally {
            Files.walk(client.getParent()).sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        Map<String, Double> ours = BenchTable.parse(lines).get("javawc");
        for (String key : List.of("roundtrip_us", "full_fps", "full_latency_ms", "full_cpu_ms_per_frame", "partial_fps",
                "partial_cpu_ms_per_frame", "clients_ms", "huge_ms", "rss_mib")) {
            assertTrue(ours.containsKey(key), key + " missing from " + lines);
        }
        assertTrue(ours.get("roundtrip_us") > 0 && ours.get("full_fps") > 0 && ours.get("rss_mib") > 0, lines.toString());
        assertTrue(ours.get("globals") >= 3, "the many-clients mode saw the registry's globals: " + lines); // at least wl_compositor, wl_shm, xdg_wm_base
        String table = BenchTable.table(BenchTable.parse(lines), "test");
        assertTrue(table.contains("| wl_display.sync round trip, median (µs) | "), table);
    }
}
