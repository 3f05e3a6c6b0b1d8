package javawc.clients;

import javawc.client.Display;

import java.io.IOException;
import java.util.List;
import java.util.SequencedMap;

/**
 * Pastes text: maps a small window and, once it has the keyboard focus (the compositor
 * announces the clipboard just before), asks for the clipboard (or with {@code --primary} the
 * primary selection) as UTF-8 text through a pipe and prints it to stdout. Exit status 1 when
 * there is no selection or no text type in it.
 * <p>
 * {@code DemoPaste [--primary] [--app-id A]}
 */
public final class DemoPaste {
    /** The text types we can read, best first: all of them are UTF-8 or plain ASCII in practice. */
    static final List<String> TEXT_TYPES = List.of("text/plain;charset=utf-8", "text/plain", "UTF8_STRING", "STRING", "TEXT");
    private static final SequencedMap<String, String> DEFAULTS = DemoArgs.defaults("app-id", "javawc.demo-paste");

    private record Options(boolean primary, String appId) {
        static Options read(DemoArgs a) {
            return new Options(a.flag("primary"), a.string("app-id"));
        }
    }

    public static void main(String[] args) {
        Options options = DemoArgs.parseOrExit("demo-paste", args, DEFAULTS, List.of("primary"), Options::read);
        try (Display display = Display.connect();
             ClipboardClient client = new ClipboardClient(display, options.primary(), "demo-paste", options.appId(), 0xffc06030)) {
            client.awaitFocus();
            ClipboardClient.Offer offer = client.selection();
            if (offer == null) {
                System.err.println("demo-paste: nothing is selected");
                System.exit(1);
            }
            String type = TEXT_TYPES.stream().filter(offer.mimeTypes()::contains).findFirst().orElse(null);
            if (type == null) {
                System.err.println("demo-paste: the selection has no text type: " + offer.mimeTypes());
                System.exit(1);
            }
            System.out.write(client.receive(offer, type));
            System.out.flush();
        } catch (IOException e) {
            System.err.println("demo-paste: " + e.getMessage());
            System.exit(1);
        }
    }
}
