package javawc.compositor;

import javawc.client.Display;
import javawc.client.protocol.WlRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** Debian's wayland-info and our own client library against the real compositor. */
class RealClientsIntegrationTest {
    private static CompositorProcess compositor;

    @BeforeAll
    static void start() throws Exception {
        compositor = CompositorProcess.start("--backend", "headless", "--width", "1024", "--height", "768", "--refresh", "75");
    }

    @AfterAll
    static void stop() throws Exception {
        compositor.close();
    }

    /** interface name → version, as our client library sees the registry. */
    static Map<String, Integer> globals(Display display) throws Exception {
        Map<String, Integer> seen = new TreeMap<>();
        display.wlDisplay().getRegistry().setListener(new WlRegistry.Listener() {
            @Override
            public void global(WlRegistry self, int name, String interfaceName, int version) {
                seen.put(interfaceName, version);
            }
        });
        display.roundtrip();
        return seen;
    }

    @Test
    void waylandInfoListsEveryGlobalWeAdvertise() throws Exception {
        Map<String, Integer> ours;
        try (Display d = compositor.connect()) {
            ours = globals(d);
        }
        assertTrue(ours.containsKey("wl_output") && ours.containsKey("zxdg_output_manager_v1"), ours.toString());

        CompositorProcess.Result info = compositor.run(30, "wayland-info");
        assertEquals(0, info.exitCode(), info.output());
        Map<String, Integer> listed = new TreeMap<>();
        Matcher m = Pattern.compile("interface: '(\\w+)',\\s+version:\\s+(\\d+), name:\\s+\\d+").matcher(info.output());
        while (m.find()) listed.put(m.group(1), Integer.parseInt(m.group(2)));
        assertEquals(ours, listed, info.output());
    }

    @Test
    void waylandInfoSeesTheHeadlessOutputsModeAndName() throws Exception {
        CompositorProcess.Result info = compositor.run(30, "wayland-info");
        assertEquals(0, info.exitCode(), info.output());
        String out = info.output();
        assertTrue(out.contains("width: 1024 px, height: 768 px, refresh: 75.000 Hz"), out);
        assertTrue(out.contains("flags: current preferred"), out);
        assertTrue(out.contains("name: 'HEADLESS-1'"), "xdg_output name: " + out);
        assertTrue(out.contains("logical_width: 1024, logical_height: 768"), out);
    }

    @Test
    void ourClientLibraryBindsAndReceivesEvents() throws Exception {
        try (Display d = compositor.connect()) {
            int[] mode = new int[3];
            String[] name = new String[1];
            boolean[] done = {false};
            var registry = d.wlDisplay().getRegistry();
            registry.setListener(new WlRegistry.Listener() {
                @Override
                public void global(WlRegistry self, int globalName, String interfaceName, int version) {
                    if (!interfaceName.equals("wl_output")) return;
                    self.bind(globalName, javawc.client.protocol.WlOutput.TYPE, 4).setListener(new javawc.client.protocol.WlOutput.Listener() {
                        @Override
                        public void mode(javawc.client.protocol.WlOutput o, int flags, int width, int height, int refresh) {
                            mode[0] = width;
                            mode[1] = height;
                            mode[2] = refresh;
                        }

                        @Override
                        public void name(javawc.client.protocol.WlOutput o, String n) {
                            name[0] = n;
                        }

                        @Override
                        public void done(javawc.client.protocol.WlOutput o) {
                            done[0] = true;
                        }
                    });
                }
            });
            d.roundtrip();
            d.roundtrip();
            assertArrayEquals(new int[] {1024, 768, 75000}, mode);
            assertEquals("HEADLESS-1", name[0]);
            assertTrue(done[0]);
        }
    }
}
