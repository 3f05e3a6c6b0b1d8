package javawc.scanner;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Pins the generator's output for a small protocol of our own. After a deliberate change to
 * the generator, regenerate with {@code mvn -pl protocol/scanner test -Dgolden.update=true}
 * and review the diff of src/test/resources/golden.
 */
class GoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private static Protocol testProtocol() throws Exception {
        try (InputStream in = GoldenTest.class.getResourceAsStream("/test-protocol.xml")) {
            return ProtocolParser.parse(in, "test-protocol.xml");
        }
    }

    @Test
    void outputMatchesTheGoldenFiles() throws Exception {
        Map<String, String> sources = Scanner.render(List.of(testProtocol()));
        assertEquals(4, sources.size(), "a server and a client class per interface");
        boolean update = Boolean.getBoolean("golden.update");
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path golden = GOLDEN.resolve(e.getKey().replace('/', '_'));
            if (update) {
                Files.writeString(golden, e.getValue());
                continue;
            }
            assertTrue(Files.exists(golden), "missing golden file " + golden);
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), e.getValue(), "generated " + e.getKey() + " differs from " + golden);
        }
    }

    @Test
    void parserReadsEveryConstruct() throws Exception {
        Protocol p = testProtocol();
        assertEquals("golden_test", p.name());
        Protocol.Interface factory = p.interfaces().get(0);
        assertEquals("gt_factory", factory.name());
        assertEquals(3, factory.version());
        assertEquals(3, factory.requests().size());
        Protocol.Message destroy = factory.requests().get(2);
        assertTrue(destroy.destructor());
        assertEquals(2, destroy.since());
        Protocol.Arg label = factory.requests().get(1).args().get(1);
        assertTrue(label.allowNull());
        assertEquals(Protocol.ArgType.STRING, label.type());
        assertNull(factory.requests().get(0).args().get(1).iface(), "untyped new_id");
        Protocol.Enum flags = factory.enums().get(1);
        assertTrue(flags.bitfield());
        assertEquals(0x80000000L, flags.entries().get(2).value());
        assertEquals(3, flags.entries().get(2).since());
    }

    @Test
    void unknownInterfacesAndDuplicatesFailTheBuild() throws Exception {
        Protocol p = testProtocol();
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> Scanner.render(List.of(p, p)));
        assertTrue(dup.getMessage().contains("defined by both"), dup.getMessage());
        Protocol.Interface widget = p.interfaces().get(1);
        Protocol alone = new Protocol("alone", List.of(p.interfaces().get(0)));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Scanner.render(List.of(alone)));
        assertTrue(unknown.getMessage().contains("unknown interface " + widget.name()), unknown.getMessage());
    }

    @Test
    void missingXmlSaysWhatToInstall() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scanner.generate(List.of(Path.of("/nonexistent/wayland.xml")), Path.of("target/none")));
        assertTrue(e.getMessage().contains("libwayland-dev"), e.getMessage());
    }

    @Test
    void namesBecomeJava() {
        assertEquals("ZxdgOutputManagerV1", Names.type("zxdg_output_manager_v1"));
        assertEquals("getRegistry", Names.member("get_registry"));
        assertEquals("class_", Names.member("class"));
        assertEquals("interface_", Names.member("interface"));
        assertEquals("_90", Names.constant("90"));
        assertEquals("GLOBAL_REMOVE", Names.constant("global_remove"));
    }
}
