package javawc.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchTableTest {
    private static final List<String> LINES = List.of(
            "javawc roundtrip_us 9.0",
            "javawc full_fps 60.0",
            "javawc full_cpu_ms_per_frame 2.0",
            "javawc huge_ms 30",
            "javawc launch_ms 250",
            "weston roundtrip_us 10.0",
            "weston full_fps 37.5",
            "weston full_cpu_ms_per_frame 1.0",
            "weston huge_ms 24",
            "",
            "sway roundtrip_us 12.0",
            "sway full_fps 58.0",
            "sway full_cpu_ms_per_frame 1.6",
            "sway huge_ms 0.5");

    private static BenchTable.Figure figure(String key) {
        return BenchTable.FIGURES.stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void ratiosAreToTheBestPeerWhicheverWayIsBetter() {
        var r = BenchTable.parse(LINES);
        assertEquals(List.of("javawc", "weston", "sway"), List.copyOf(r.keySet()));
        assertEquals(0.9, BenchTable.ratio(r, figure("roundtrip_us")), 1e-9);      // 9 / min(10, 12)
        assertEquals(2.0, BenchTable.ratio(r, figure("full_cpu_ms_per_frame")), 1e-9);
        assertEquals(58.0 / 60.0, BenchTable.ratio(r, figure("full_fps")), 1e-9); // higher is better: best / ours
        assertEquals(30.0 / 24.0, BenchTable.ratio(r, figure("huge_ms")), 1e-9);  // against weston only, not sway's 0.5
        assertEquals("yes", BenchTable.met(r, figure("roundtrip_us")));
        assertEquals("no", BenchTable.met(r, figure("full_cpu_ms_per_frame")));
        assertEquals("yes", BenchTable.met(r, figure("launch_ms")));
        assertEquals("", BenchTable.met(r, figure("clients_ms")));                  // nobody measured it
    }

    @Test
    void tableHasAColumnPerCompositorAndJsonTheRawNumbers() {
        var r = BenchTable.parse(LINES);
        String table = BenchTable.table(r, "2 CPUs");
        assertTrue(table.startsWith("| figure | javawc | weston | sway | ours / best peer | target | met |"), table);
        assertTrue(table.contains("| wl_display.sync round trip, median (µs) | 9.00 | 10.0 | 12.0 | 0.90× | ≤ 1.00× best peer | yes |"), table);
        String json = BenchTable.json(r, "2 CPUs");
        assertTrue(json.contains("\"weston\": {\"roundtrip_us\": 10.0, \"full_fps\": 37.5"), json);
        assertTrue(json.contains("\"roundtrip_us\": 0.900"), json);
    }

    @Test
    void aBrokenValueIsReportedNotSkipped() {
        assertThrows(IllegalArgumentException.class, () -> BenchTable.parse(List.of("javawc full_fps fast")));
    }
}
