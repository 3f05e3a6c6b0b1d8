package javawc.scanner;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads a Wayland protocol XML (wayland.dtd) into a {@link Protocol}. */
public final class ProtocolParser {
    private ProtocolParser() {}

    public static Protocol parse(InputStream xml, String source) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        Document doc = f.newDocumentBuilder().parse(xml, source);
        Element root = doc.getDocumentElement();
        if (!root.getTagName().equals("protocol")) throw new IllegalArgumentException(source + ": root element is not <protocol>");
        List<Protocol.Interface> interfaces = new ArrayList<>();
        for (Element e : children(root, "interface")) interfaces.add(parseInterface(e, source));
        return new Protocol(required(root, "name", source), interfaces);
    }

    private static Protocol.Interface parseInterface(Element e, String source) {
        String name = required(e, "name", source);
        String where = source + ": " + name;
        List<Protocol.Message> requests = new ArrayList<>(), events = new ArrayList<>();
        for (Element m : children(e, "request")) requests.add(parseMessage(m, where));
        for (Element m : children(e, "event")) events.add(parseMessage(m, where));
        List<Protocol.Enum> enums = new ArrayList<>();
        for (Element en : children(e, "enum")) enums.add(parseEnum(en, where));
        return new Protocol.Interface(name, Integer.parseInt(required(e, "version", where)), summary(e), requests, events, enums);
    }

    private static Protocol.Message parseMessage(Element m, String where) {
        String name = required(m, "name", where);
        List<Protocol.Arg> args = new ArrayList<>();
        for (Element a : children(m, "arg")) {
            String iface = a.getAttribute("interface");
            args.add(new Protocol.Arg(required(a, "name", where + "." + name), Protocol.ArgType.of(required(a, "type", where + "." + name)),
                    iface.isEmpty() ? null : iface, "true".equals(a.getAttribute("allow-null")), a.getAttribute("summary")));
        }
        return new Protocol.Message(name, since(m), "destructor".equals(m.getAttribute("type")), summary(m), args);
    }

    private static Protocol.Enum parseEnum(Element en, String where) {
        List<Protocol.Entry> entries = new ArrayList<>();
        for (Element x : children(en, "entry")) {
            String v = required(x, "value", where);
            long value = v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
            entries.add(new Protocol.Entry(required(x, "name", where), value, since(x), x.getAttribute("summary")));
        }
        return new Protocol.Enum(required(en, "name", where), "true".equals(en.getAttribute("bitfield")), summary(en), entries);
    }

    private static int since(Element e) {
        String s = e.getAttribute("since");
        return s.isEmpty() ? 1 : Integer.parseInt(s);
    }

    private static String summary(Element e) {
        for (Element d : children(e, "description")) return d.getAttribute("summary");
        return "";
    }

    private static String required(Element e, String attribute, String where) {
        String v = e.getAttribute(attribute);
        if (v.isEmpty()) throw new IllegalArgumentException(where + ": <" + e.getTagName() + "> has no " + attribute);
        return v;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) out.add(e);
        }
        return out;
    }
}
