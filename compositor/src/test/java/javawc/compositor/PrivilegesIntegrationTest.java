package javawc.compositor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default policy for privileged globals: offered to what the compositor started (its
 * autostart here), not to a program from elsewhere (this test), which is not told of them,
 * cannot bind them by name, and is logged; the configuration can open them to everyone.
 */
class PrivilegesIntegrationTest {
    private static final String DATA_CONTROL = "zwlr_data_control_manager_v1";

    @Test
    void byDefaultOnlyTheCompositorsOwnProgramsAreOfferedDataControl(@TempDir Path dir) throws Exception {
        Path seen = dir.resolve("globals");
        Path config = dir.resolve("config");
        Files.writeString(config, "autostart = [[\"sh\", \"-c\", \"wayland-info > %s.tmp && mv %s.tmp %s\"]]\n".formatted(seen, seen, seen));
        try (CompositorProcess c = CompositorProcess.start("--backend", "headless", "--config", config.toString())) {
            for (int i = 0; i < 300 && !Files.exists(seen); i++) Thread.sleep(50);
            assertTrue(Files.exists(seen), "the autostarted wayland-info ran: " + c.stderr());
            assertTrue(Files.readString(seen).contains(DATA_CONTROL), "a child is offered it: " + Files.readString(seen));

            assertFalse(WlClipboardIntegrationTest.globals(c).contains(DATA_CONTROL), "a program from elsewhere is not");
            assertTrue(c.stderr().contains("is not offered " + DATA_CONTROL + ": [privileges] clipboard-control = \"children\""), c.stderr());

            // binding it by the name a child saw is an invalid global, as for a name that does not exist
            int name = globalName(Files.readString(seen), DATA_CONTROL);
            try (RawClient raw = new RawClient(c.socket())) {
                raw.send(RawClient.message(1, 1, 2)); // wl_display.get_registry(new_id 2)
                raw.send(bind(name, DATA_CONTROL, 1, 3));
                RawClient.DisplayError error = RawClient.findError(raw.readUntilClosed(10_000));
                assertNotNull(error, "the bind is refused with an error");
                assertEquals(0, error.code(), "wl_display.error invalid_object");
            }
            assertTrue(c.stderr().contains("asked for " + DATA_CONTROL + ", which it is not offered: refused"), c.stderr());
        }
    }

    @Test
    void theConfigurationCanOfferItToEveryone() throws Exception {
        try (CompositorProcess c = CompositorProcess.start("--backend", "headless", "--config", CompositorProcess.everyPrivilegeConfig().toString())) {
            assertTrue(WlClipboardIntegrationTest.globals(c).contains(DATA_CONTROL));
        }
    }

    /** The global's name in wayland-info's output ("interface: 'NAME', version: V, name: N"). */
    private static int globalName(String waylandInfo, String iface) {
        for (String line : waylandInfo.lines().toList()) {
            if (line.contains("'" + iface + "'")) {
                return Integer.parseInt(line.substring(line.lastIndexOf("name:") + 5).strip());
            }
        }
        throw new AssertionError(iface + " not in " + waylandInfo);
    }

    /** wl_registry.bind(name, new_id of interface and version), whose new_id carries its interface as a string. */
    private static byte[] bind(int name, String iface, int version, int id) {
        byte[] s = (iface + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int padded = (s.length + 3) & ~3;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + 4 + 4 + padded + 8).order(java.nio.ByteOrder.nativeOrder());
        b.putInt(2).putInt((b.capacity() << 16) | 0).putInt(name).putInt(s.length).put(s);
        b.position(16 + padded);
        b.putInt(version).putInt(id);
        return b.array();
    }
}
