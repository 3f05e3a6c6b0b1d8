package javawc.compositor;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Debian's foot terminal, the way a new user meets it: it maps with the keyboard focus, and
 * when it is told to quit (SIGTERM) it unmaps its toplevel (attach null + commit), the focus
 * leaves it, and it acks the configures it has seen. That once ended in xdg_surface error 4
 * ("serial ... was not sent or is already acked"): the unmapped surface was configured on the
 * focus change and the serial forgotten at once. Now an unmapped xdg_surface is unconfigured
 * until its next initial commit, and configures sent before stay ackable.
 */
class FootIntegrationTest {
    @Test
    void footMapsWithTheFocusAndQuitsWithoutAProtocolError() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/foot")), "foot is not installed (scripts/test installs it)");
        Path trace = Files.createTempFile("javawc-foot", ".log");
        try (CompositorProcess compositor = CompositorProcess.startWithControl("--backend", "headless")) {
            ProcessBuilder pb = new ProcessBuilder("foot", "--app-id", "javawc.foot", "sh", "-c", "sleep 600")
                    .redirectErrorStream(true).redirectOutput(trace.toFile());
            pb.environment().put("XDG_RUNTIME_DIR", compositor.runtimeDir.toString());
            pb.environment().put("WAYLAND_DISPLAY", compositor.display);
            pb.environment().put("WAYLAND_DEBUG", "1");
            Process foot = pb.start();
            try {
                WestonTerminalIntegrationTest.awaitInTrace(trace, "wl_keyboard@\\d+\\.enter\\(\\d+, wl_surface@\\d+, array\\[0\\]\\)");
                WestonTerminalIntegrationTest.awaitInTrace(trace, "-> xdg_surface@\\d+\\.ack_configure\\(\\d+\\)");
                foot.destroy(); // SIGTERM: foot closes its window and exits
                assertTrue(foot.waitFor(10, TimeUnit.SECONDS), "foot exits on SIGTERM:\n" + Files.readString(trace));
                String log = Files.readString(trace);
                assertTrue(Pattern.compile("-> wl_surface@\\d+\\.attach\\(nil, 0, 0\\)").matcher(log).find(), "foot unmapped its window:\n" + log);
                assertFalse(log.contains("wl_display@1.error"), "no protocol error reached foot:\n" + log);
                assertFalse(compositor.stderr().contains("protocol error"), compositor.stderr());
            } finally {
                if (foot.isAlive()) foot.destroyForcibly().waitFor();
            }
        } finally {
            Files.deleteIfExists(trace);
        }
    }
}
