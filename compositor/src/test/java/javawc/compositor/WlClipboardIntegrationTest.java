package javawc.compositor;

import javawc.client.Display;
import javawc.client.protocol.WlRegistry;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Debian's wl-copy and wl-paste (wl-clipboard) against the real compositor: with
 * zwlr_data_control_manager_v1, and without it (--no-data-control), where they fall back to a
 * 1x1 window that gets the keyboard focus on map and use wl_data_device and
 * zwp_primary_selection with the keyboard enter serial. Both the clipboard and the primary
 * selection; many pastes leave the compositor's descriptor count where it was.
 */
class WlClipboardIntegrationTest {
    private static final String DATA_CONTROL = "zwlr_data_control_manager_v1";

    @Test
    void wlCopyThenWlPastePrintsHelloThroughDataControl() throws Exception {
        try (CompositorProcess compositor = CompositorProcess.start("--backend", "headless", "--config", CompositorProcess.everyPrivilegeConfig().toString())) {
            assertTrue(globals(compositor).contains(DATA_CONTROL));
            copyThenPaste(compositor, "hello", false);
            copyThenPaste(compositor, "primary hello", true);

            long before = settledFdCount(compositor); // the last wl-paste's connection may still be closing
            for (int i = 0; i < 20; i++) assertEquals("primary hello", paste(compositor, true));
            awaitFdCount(compositor, before);
            assertFalse(compositor.stderr().contains("protocol error"), compositor.stderr());
        }
    }

    @Test
    void withoutDataControlWlCopyAndWlPasteGoThroughAFocusedWindow() throws Exception {
        try (CompositorProcess compositor = CompositorProcess.start("--backend", "headless", "--no-data-control")) {
            List<String> globals = globals(compositor);
            assertFalse(globals.contains(DATA_CONTROL), globals.toString());
            assertTrue(globals.contains("wl_data_device_manager") && globals.contains("zwp_primary_selection_device_manager_v1"), globals.toString());
            copyThenPaste(compositor, "hello", false);
            copyThenPaste(compositor, "primary hello", true);
            assertFalse(compositor.stderr().contains("protocol error"), compositor.stderr());
        }
    }

    /** {@code wl-copy TEXT} (it forks and serves from the background, until the compositor goes), then wl-paste prints it. */
    private static void copyThenPaste(CompositorProcess compositor, String text, boolean primary) throws Exception {
        List<String> copy = new ArrayList<>(List.of("wl-copy"));
        if (primary) copy.add("--primary");
        copy.add(text);
        Path log = Files.createTempFile("javawc-wl-copy", ".log");
        try {
            // output to a file: the background child keeps its copy of stdout open
            ProcessBuilder pb = new ProcessBuilder(copy).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("XDG_RUNTIME_DIR", compositor.runtimeDir.toString());
            pb.environment().put("WAYLAND_DISPLAY", compositor.display);
            Process p = pb.start();
            assertTrue(p.waitFor(15, TimeUnit.SECONDS), "wl-copy did not return");
            assertEquals(0, p.exitValue(), () -> "wl-copy: " + readQuietly(log));
        } finally {
            Files.deleteIfExists(log);
        }
        assertEquals(text, paste(compositor, primary));
    }

    private static String paste(CompositorProcess compositor, boolean primary) throws Exception {
        CompositorProcess.Result r = primary ? compositor.run(15, "wl-paste", "--no-newline", "--primary") : compositor.run(15, "wl-paste", "--no-newline");
        assertEquals(0, r.exitCode(), r.output());
        return r.output();
    }

    /** The descriptor count once it has stopped changing (a client that just left is noticed on a later loop turn). */
    static long settledFdCount(CompositorProcess compositor) throws Exception {
        long count = compositor.fdCount();
        for (int i = 0; i < 50; i++) {
            Thread.sleep(100);
            long now = compositor.fdCount();
            if (now == count) return now;
            count = now;
        }
        return count;
    }

    /** A client that left is noticed on the compositor's next loop turn: wait for its descriptors to go. */
    static void awaitFdCount(CompositorProcess compositor, long expected) throws Exception {
        long deadline = System.currentTimeMillis() + 5000;
        while (compositor.fdCount() != expected && System.currentTimeMillis() < deadline) Thread.sleep(20);
        assertEquals(expected, compositor.fdCount(), "the compositor's open descriptors");
    }

    static List<String> globals(CompositorProcess compositor) throws Exception {
        List<String> names = new ArrayList<>();
        try (Display d = compositor.connect()) {
            d.wlDisplay().getRegistry().setListener(new WlRegistry.Listener() {
                @Override
                public void global(WlRegistry r, int name, String iface, int version) {
                    names.add(iface);
                }
            });
            d.roundtrip();
        }
        return names;
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
