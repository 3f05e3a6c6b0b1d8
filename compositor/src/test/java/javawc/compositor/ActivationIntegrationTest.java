package javawc.compositor;

import javawc.client.protocol.XdgActivationV1;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A program the compositor starts finds an activation token of the compositor's own in
 * XDG_ACTIVATION_TOKEN, and a window activated with it takes the focus although another
 * client's window has it (the user started the program: that is no focus stealing).
 */
class ActivationIntegrationTest {
    @Test
    void anAutostartedProgramGetsATokenThatActivatesAWindow() throws Exception {
        Path dir = CompositorProcess.privateRuntimeDir();
        Path tokenFile = dir.resolve("token"), config = dir.resolve("config.toml");
        Files.writeString(config, "autostart = [[\"sh\", \"-c\", \"printf %s \\\"$XDG_ACTIVATION_TOKEN\\\" > " + tokenFile + "\"]]\n");
        try (CompositorProcess compositor = CompositorProcess.startWithControl("--backend", "headless", "--config", config.toString());
             ControlClient control = compositor.control();
             TestClient launched = new TestClient(compositor);
             TestClient other = new TestClient(compositor)) {
            long end = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < end && !(Files.exists(tokenFile) && Files.size(tokenFile) > 0)) Thread.sleep(50);
            String token = Files.readString(tokenFile);
            assertTrue(token.matches("[0-9a-f]{32}"), "a token in the environment: '" + token + "'");

            TestClient.Window window = launched.window(launched.new ShmBuffer(100, 100, 0xff0000ff), "launched", "javawc.launched");
            other.window(other.new ShmBuffer(100, 100, 0xff00ff00), "other", "javawc.other"); // newest: it has the focus
            other.display.roundtrip();
            assertTrue(focused(control).startsWith("window javawc.other "), focused(control));

            new Binder(launched.display).bind("xdg_activation_v1", XdgActivationV1.TYPE, 1).activate(token, window.surface());
            launched.display.roundtrip();
            assertTrue(focused(control).startsWith("window javawc.launched "), "the compositor's token is honoured: " + focused(control));
            assertTrue(compositor.stderr().contains("activated (issued by the compositor for sh)"), compositor.stderr());
        } finally {
            Files.deleteIfExists(tokenFile);
            Files.deleteIfExists(config);
            Files.deleteIfExists(dir);
        }
    }

    private static String focused(ControlClient control) throws Exception {
        List<String> windows = control.send("list-windows");
        return windows.stream().filter(l -> l.contains(" focused ")).findFirst().orElse("(none focused) " + windows);
    }
}
