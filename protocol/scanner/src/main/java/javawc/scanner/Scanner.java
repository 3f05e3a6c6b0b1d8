package javawc.scanner;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The build-time generator: {@code Scanner OUTPUT_DIR PROTOCOL.xml...} writes a server and a
 * client class per interface. All XML files are read first, so interfaces may refer to
 * interfaces of other files (xdg-output names wl_output). Unchanged files are not rewritten.
 */
public final class Scanner {
    private Scanner() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Scanner OUTPUT_DIR PROTOCOL.xml...");
            System.exit(2);
        }
        List<Path> xmls = new ArrayList<>();
        for (int i = 1; i < args.length; i++) xmls.add(Path.of(args[i]));
        int written = generate(xmls, Path.of(args[0]));
        System.out.println("javawc scanner: " + xmls.size() + " protocols, " + written + " files updated in " + args[0]);
    }

    /** Parses every file, checks names are unique, and writes the sources; returns how many changed. */
    public static int generate(List<Path> xmls, Path outDir) throws Exception {
        List<Protocol> protocols = new ArrayList<>();
        for (Path xml : xmls) {
            if (!Files.isRegularFile(xml)) {
                throw new IllegalArgumentException("protocol XML not found: " + xml
                        + " (on Debian: apt-get install libwayland-dev wayland-protocols)");
            }
            try (InputStream in = Files.newInputStream(xml)) {
                protocols.add(ProtocolParser.parse(in, xml.toString()));
            }
        }
        Map<String, String> sources = render(protocols);
        int written = 0;
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = outDir.resolve(e.getKey());
            byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
            if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) continue;
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            written++;
        }
        return written;
    }

    /** Relative path → source text for every interface of {@code protocols}, both sides. */
    public static Map<String, String> render(List<Protocol> protocols) {
        Map<String, String> owner = new HashMap<>();
        for (Protocol p : protocols) {
            for (Protocol.Interface i : p.interfaces()) {
                String previous = owner.putIfAbsent(i.name(), p.name());
                if (previous != null) throw new IllegalArgumentException("interface " + i.name() + " defined by both " + previous + " and " + p.name());
            }
        }
        Map<String, String> sources = new java.util.TreeMap<>();
        for (Protocol p : protocols) {
            for (Protocol.Interface i : p.interfaces()) {
                String file = Names.type(i.name()) + ".java";
                sources.put(JavaEmitter.SERVER_PACKAGE.replace('.', '/') + "/" + file, JavaEmitter.server(i, p.name(), owner.keySet()));
                sources.put(JavaEmitter.CLIENT_PACKAGE.replace('.', '/') + "/" + file, JavaEmitter.client(i, p.name(), owner.keySet()));
            }
        }
        return sources;
    }
}
