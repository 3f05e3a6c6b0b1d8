package javawc.clients;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SequencedMap;

import static org.junit.jupiter.api.Assertions.*;

class DemoArgsTest {
    private static final SequencedMap<String, String> DEFAULTS = DemoArgs.defaults("frames", "0", "title", "demo");

    @Test
    void valuesOverrideDefaults() {
        DemoArgs a = DemoArgs.parse(new String[] {"--title", "hello world"}, DEFAULTS);
        assertEquals("hello world", a.string("title"));
        assertEquals(0, a.integer("frames", 0));
        assertEquals(30, DemoArgs.parse(new String[] {"--frames", "30"}, DEFAULTS).integer("frames", 0));
    }

    @Test
    void mistakesAreExplained() {
        assertThrows(IllegalArgumentException.class, () -> DemoArgs.parse(new String[] {"--fps", "3"}, DEFAULTS));
        assertThrows(IllegalArgumentException.class, () -> DemoArgs.parse(new String[] {"frames", "3"}, DEFAULTS));
        assertThrows(IllegalArgumentException.class, () -> DemoArgs.parse(new String[] {"--frames"}, DEFAULTS));
        var bad = assertThrows(IllegalArgumentException.class, () -> DemoArgs.parse(new String[] {"--frames", "-1"}, DEFAULTS).integer("frames", 0));
        assertTrue(bad.getMessage().contains("--frames"), bad.getMessage());
        assertEquals("usage: demo [--frames 0] [--title demo]", DemoArgs.usage("demo", DEFAULTS));
    }

    @Test
    void flagsTakeNoValueAndMixWithOptions() {
        List<String> flags = List.of("create");
        DemoArgs a = DemoArgs.parse(new String[] {"--create", "--frames", "5"}, DEFAULTS, flags);
        assertTrue(a.flag("create"));
        assertEquals(5, a.integer("frames", 0));
        DemoArgs b = DemoArgs.parse(new String[] {"--frames", "5", "--create"}, DEFAULTS, flags);
        assertTrue(b.flag("create"));
        assertFalse(DemoArgs.parse(new String[] {"--frames", "5"}, DEFAULTS, flags).flag("create"));
        assertThrows(IllegalArgumentException.class, () -> DemoArgs.parse(new String[] {"--create"}, DEFAULTS));
        assertEquals("usage: demo [--frames 0] [--title demo] [--create]", DemoArgs.usage("demo", DEFAULTS, flags));
    }
}
