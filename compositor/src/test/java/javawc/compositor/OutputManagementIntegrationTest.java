package javawc.compositor;

import javawc.client.ProtocolErrorException;
import javawc.client.protocol.WlRegistry;
import javawc.client.protocol.ZwlrOutputConfigurationHeadV1;
import javawc.client.protocol.ZwlrOutputConfigurationV1;
import javawc.client.protocol.ZwlrOutputHeadV1;
import javawc.client.protocol.ZwlrOutputManagerV1;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * zwlr_output_manager_v1 against the real compositor: Debian's wlr-randr lists the outputs and
 * sets a mode (a headless output takes any), position, scale and transform, and turning an output
 * off fails; a client of ours gets cancelled for a stale serial and the protocol's errors.
 */
class OutputManagementIntegrationTest extends ControlledCompositorTest {

    @Test
    void wlrRandrListsTheOutputAndSetsAMode() throws Exception {
        CompositorProcess.Result list = compositor.run(15, "wlr-randr");
        assertEquals(0, list.exitCode(), list.output());
        assertTrue(list.output().contains("HEADLESS-1"), list.output());
        assertTrue(list.output().contains("1280x720 px, 60.000000 Hz (preferred, current)"), list.output());

        CompositorProcess.Result set = compositor.run(15, "wlr-randr", "--output", "HEADLESS-1", "--mode", "1024x768", "--scale", "2", "--transform", "90");
        assertEquals(0, set.exitCode(), set.output());
        list = compositor.run(15, "wlr-randr");
        assertTrue(list.output().contains("1024x768 px, 60.000000 Hz (current)"), list.output());
        assertTrue(list.output().contains("Transform: 90") && list.output().contains("Scale: 2.000000"), list.output());
        try (TestClient c = new TestClient(compositor)) { // what every client sees: the new mode on wl_output
            c.display.roundtrip();
            assertTrue(c.outputEvents.stream().anyMatch(e -> e.contains("mode") && e.contains("1024") && e.contains("768")), c.outputEvents.toString());
        }

        CompositorProcess.Result off = compositor.run(15, "wlr-randr", "--output", "HEADLESS-1", "--off");
        assertNotEquals(0, off.exitCode(), "turning the only output off must fail: " + off.output());
        assertEquals(0, compositor.run(15, "wlr-randr", "--output", "HEADLESS-1", "--mode", "1280x720", "--scale", "1", "--transform", "normal").exitCode());
    }

    /** A bound manager with its heads and the latest serial. */
    private static final class Manager {
        final ZwlrOutputManagerV1 manager;
        final List<ZwlrOutputHeadV1> heads = new ArrayList<>();
        int serial;

        Manager(TestClient c) throws Exception {
            ZwlrOutputManagerV1[] found = {null};
            c.display.wlDisplay().getRegistry().setListener(new WlRegistry.Listener() {
                @Override
                public void global(WlRegistry r, int name, String iface, int version) {
                    if (iface.equals(ZwlrOutputManagerV1.NAME)) found[0] = r.bind(name, ZwlrOutputManagerV1.TYPE, version);
                }
            });
            c.display.roundtrip();
            assertNotNull(found[0], "no zwlr_output_manager_v1 offered");
            manager = found[0].setListener(new ZwlrOutputManagerV1.Listener() {
                @Override
                public void head(ZwlrOutputManagerV1 self, ZwlrOutputHeadV1 head) {
                    heads.add(head);
                }

                @Override
                public void done(ZwlrOutputManagerV1 self, int s) {
                    serial = s;
                }
            });
            c.display.roundtrip();
            assertFalse(heads.isEmpty());
        }
    }

    private static List<String> results(ZwlrOutputConfigurationV1 config) {
        List<String> events = new ArrayList<>();
        config.setListener(new ZwlrOutputConfigurationV1.Listener() {
            @Override
            public void succeeded(ZwlrOutputConfigurationV1 self) {
                events.add("succeeded");
            }

            @Override
            public void failed(ZwlrOutputConfigurationV1 self) {
                events.add("failed");
            }

            @Override
            public void cancelled(ZwlrOutputConfigurationV1 self) {
                events.add("cancelled");
            }
        });
        return events;
    }

    @Test
    void aTestChangesNothingAndAStaleSerialIsCancelled() throws Exception {
        try (TestClient c = new TestClient(compositor)) {
            Manager m = new Manager(c);
            ZwlrOutputConfigurationV1 config = m.manager.createConfiguration(m.serial);
            List<String> events = results(config);
            config.enableHead(m.heads.getFirst()).setCustomMode(800, 600, 0);
            config.test();
            c.display.roundtrip();
            assertEquals(List.of("succeeded"), events);
            String after = compositor.run(15, "wlr-randr").output();
            assertTrue(after.contains("1280x720 px, 60.000000 Hz (preferred, current)"), after);

            ZwlrOutputConfigurationV1 stale = m.manager.createConfiguration(m.serial - 1);
            List<String> staleEvents = results(stale);
            stale.enableHead(m.heads.getFirst());
            stale.apply();
            c.display.roundtrip();
            assertEquals(List.of("cancelled"), staleEvents);
        }
    }

    @Test
    void namingAHeadTwiceOrLeavingOneOutAreErrors() throws Exception {
        try (TestClient c = new TestClient(compositor)) {
            Manager m = new Manager(c);
            ZwlrOutputConfigurationV1 config = m.manager.createConfiguration(m.serial);
            config.enableHead(m.heads.getFirst());
            config.disableHead(m.heads.getFirst());
            ProtocolErrorException e = assertThrows(ProtocolErrorException.class, c.display::roundtrip);
            assertEquals(ZwlrOutputConfigurationV1.Error.ALREADY_CONFIGURED_HEAD, e.code(), e.getMessage());
        }
        try (TestClient c = new TestClient(compositor)) {
            Manager m = new Manager(c);
            m.manager.createConfiguration(m.serial).apply();
            ProtocolErrorException e = assertThrows(ProtocolErrorException.class, c.display::roundtrip);
            assertEquals(ZwlrOutputConfigurationV1.Error.UNCONFIGURED_HEAD, e.code(), e.getMessage());
        }
        try (TestClient c = new TestClient(compositor)) {
            Manager m = new Manager(c);
            ZwlrOutputConfigurationV1 config = m.manager.createConfiguration(m.serial);
            config.enableHead(m.heads.getFirst());
            config.test();
            config.apply();
            ProtocolErrorException e = assertThrows(ProtocolErrorException.class, c.display::roundtrip);
            assertEquals(ZwlrOutputConfigurationV1.Error.ALREADY_USED, e.code(), e.getMessage());
        }
    }

    @Test
    void aHeadsSettingsAreCheckedAndSetOnce() throws Exception {
        record Case(java.util.function.Consumer<ZwlrOutputConfigurationHeadV1> misuse, int error) {}
        List<Case> cases = List.of(
                new Case(h -> { h.setScale(256); h.setScale(512); }, ZwlrOutputConfigurationHeadV1.Error.ALREADY_SET),
                new Case(h -> h.setTransform(8), ZwlrOutputConfigurationHeadV1.Error.INVALID_TRANSFORM),
                new Case(h -> h.setScale(0), ZwlrOutputConfigurationHeadV1.Error.INVALID_SCALE),
                new Case(h -> h.setCustomMode(0, 600, 0), ZwlrOutputConfigurationHeadV1.Error.INVALID_CUSTOM_MODE),
                new Case(h -> h.setAdaptiveSync(2), ZwlrOutputConfigurationHeadV1.Error.INVALID_ADAPTIVE_SYNC_STATE));
        for (Case k : cases) {
            try (TestClient c = new TestClient(compositor)) {
                Manager m = new Manager(c);
                k.misuse().accept(m.manager.createConfiguration(m.serial).enableHead(m.heads.getFirst()));
                ProtocolErrorException e = assertThrows(ProtocolErrorException.class, c.display::roundtrip);
                assertEquals(k.error(), e.code(), e.getMessage());
            }
        }
    }
}
