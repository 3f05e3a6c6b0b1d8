package javawc.compositor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The configuration file as the compositor process uses it: applied when good, refused whole when bad. */
class ConfigIntegrationTest {
    @Test
    void aGoodFileSetsTheKeyboardAndStartsItsPrograms(@TempDir Path dir) throws Exception {
        Path seen = dir.resolve("seen");
        Path config = dir.resolve("config");
        Files.writeString(config, """
                autostart = [["sh", "-c", "echo \\"$WAYLAND_DISPLAY $XCURSOR_THEME $XCURSOR_SIZE\\" > %s"]]
                [keyboard]
                layout = "de"
                [cursor]
                theme = "javawc-test-theme"
                size = 40
                """.formatted(seen));
        try (CompositorProcess c = CompositorProcess.start("--backend", "headless", "--renderer", "software", "--config", config.toString())) {
            for (int i = 0; i < 200 && !Files.exists(seen); i++) Thread.sleep(50);
            assertTrue(Files.exists(seen), "the autostart command ran: " + c.stderr());
            for (int i = 0; i < 100 && Files.readString(seen).isEmpty(); i++) Thread.sleep(50);
            assertEquals(c.display + " javawc-test-theme 40", Files.readString(seen).strip(), "it sees our display and the configured cursor");
            assertTrue(c.stderr().contains("configuration from " + config), c.stderr());
            assertTrue(c.stderr().contains("layout de"), "the keymap has the configured layout: " + c.stderr());
        }
    }

    @Test
    void aBadFileStopsTheStartWithItsLine(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config");
        Files.writeString(config, "[keyboard]\nlayout = \"us\"\nlayuot = \"de\"\n");
        Path runtime = CompositorProcess.privateRuntimeDir();
        try {
            Process p = CompositorProcess.builder(runtime, "--backend", "headless", "--config", config.toString()).start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String err = new String(p.getErrorStream().readAllBytes());
            assertEquals(1, p.exitValue(), err);
            assertTrue(err.contains(config + ":3: unknown key \"keyboard.layuot\""), err);
            assertEquals("", new String(p.getInputStream().readAllBytes()), "it never listened: no WAYLAND_DISPLAY line");
        } finally {
            try (var files = Files.walk(runtime)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void aMissingExplicitFileIsAnError(@TempDir Path dir) throws Exception {
        Path runtime = CompositorProcess.privateRuntimeDir();
        try {
            Process p = CompositorProcess.builder(runtime, "--backend", "headless", "--config", dir.resolve("none").toString()).start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String err = new String(p.getErrorStream().readAllBytes());
            assertEquals(1, p.exitValue(), err);
            assertTrue(err.contains("none: no such file"), err);
        } finally {
            try (var files = Files.walk(runtime)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static final int KEY_LEFTMETA = 125, KEY_D = 32, KEY_E = 18;

    /** Super+KEY through the control channel: the real keyboard path, bindings included. */
    private static void superKey(ControlClient control, int key) throws Exception {
        control.ok("key " + KEY_LEFTMETA + " press", "key " + key + " press", "key " + key + " release", "key " + KEY_LEFTMETA + " release");
    }

    private static boolean appears(Path file) throws InterruptedException {
        for (int i = 0; i < 100 && !Files.exists(file); i++) Thread.sleep(50);
        return Files.exists(file);
    }

    @Test
    void bindingsComeFromTheFileAndReloadAppliesAChangedOneButNotABrokenOne(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config"), d = dir.resolve("d"), e = dir.resolve("e");
        Files.writeString(config, "[bindings]\n\"Super+D\" = [\"touch\", \"%s\"]\n".formatted(d).replace("[\"touch\"", "[\"spawn\", \"touch\""));
        try (CompositorProcess c = CompositorProcess.startWithControl("--backend", "headless", "--renderer", "software", "--config", config.toString());
             ControlClient control = c.control();
             IpcIntegrationTest.IpcClient ipc = new IpcIntegrationTest.IpcClient(IpcIntegrationTest.ipcSocket(c))) {
            superKey(control, KEY_D);
            assertTrue(appears(d), "Super+D ran the configured command: " + c.stderr());

            Files.writeString(config, "[bindings]\n\"Super+D\" = \"none\"\n\"Super+Hyper+E\" = \"quit\"\n");
            assertEquals(config + ":3: binding \"Super+Hyper+E\": unknown modifier \"Hyper\" (Super, Alt, Ctrl, Shift)", ipc.error("reload"));
            Files.delete(d);
            superKey(control, KEY_D);
            assertTrue(appears(d), "a broken file changed nothing: Super+D still runs the command");

            Files.writeString(config, "[bindings]\n\"Super+D\" = \"none\"\n\"Super+E\" = [\"spawn\", \"touch\", \"%s\"]\n".formatted(e));
            assertTrue(ipc.ok("reload").get("applied").asText().startsWith("bindings, terminal and outputs from " + config));
            Files.delete(d);
            superKey(control, KEY_E);
            assertTrue(appears(e), "the new binding runs: " + c.stderr());
            superKey(control, KEY_D);
            Thread.sleep(300);
            assertFalse(Files.exists(d), "\"none\" took Super+D away");
        }
    }
}
