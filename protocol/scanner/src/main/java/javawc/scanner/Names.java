package javawc.scanner;

import java.util.Locale;
import java.util.Set;

/** Protocol names to Java names. */
final class Names {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch", "char",
            "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for",
            "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this", "throw",
            "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "var", "record", "yield", "self");

    private Names() {}

    /** wl_surface → WlSurface, zxdg_output_manager_v1 → ZxdgOutputManagerV1. */
    static String type(String protocolName) {
        StringBuilder sb = new StringBuilder();
        for (String part : protocolName.split("_")) {
            if (part.isEmpty()) continue;
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    /** get_registry → getRegistry; Java keywords get a trailing underscore. */
    static String member(String protocolName) {
        String t = type(protocolName);
        String m = Character.toLowerCase(t.charAt(0)) + t.substring(1);
        return KEYWORDS.contains(m) || Character.isDigit(m.charAt(0)) ? m + "_" : m;
    }

    /** get_registry → GET_REGISTRY; a leading digit gets an underscore ("90" → _90). */
    static String constant(String protocolName) {
        String c = protocolName.toUpperCase(Locale.ROOT);
        return Character.isDigit(c.charAt(0)) ? "_" + c : c;
    }

    /** Escapes text for a Javadoc comment. */
    static String doc(String text) {
        return text.replace("*/", "*&#47;").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;");
    }
}
