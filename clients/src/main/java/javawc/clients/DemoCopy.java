package javawc.clients;

import javawc.client.Display;
import javawc.os.Descriptors;
import javawc.os.OwnedFd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SequencedMap;

/**
 * Copies text: maps a small window, and once it has the keyboard focus makes the clipboard
 * (or with {@code --primary} the primary selection) its own for that focus, offering the text
 * as {@code text/plain;charset=utf-8} and {@code text/plain}. Each paste is written straight
 * into the pasting client's pipe, which the compositor passed on. Exits 0 when another client
 * takes the selection, or after {@code --pastes N} pastes (0: no limit).
 * <p>
 * {@code DemoCopy [--pastes N] [--primary] [--app-id A] TEXT}; stdout gets {@code demo-copy: owned},
 * {@code demo-copy: pasted N (MIME)} and {@code demo-copy: cancelled}.
 */
public final class DemoCopy {
    static final List<String> MIME_TYPES = List.of("text/plain;charset=utf-8", "text/plain");
    private static final SequencedMap<String, String> DEFAULTS = DemoArgs.defaults("pastes", "0", "app-id", "javawc.demo-copy", "text", "");

    private record Options(int pastes, boolean primary, String appId, String text) {
        static Options read(DemoArgs a) {
            if (a.string("text").isEmpty()) throw new IllegalArgumentException("no TEXT to copy");
            return new Options(a.integer("pastes", 0), a.flag("primary"), a.string("app-id"), a.string("text"));
        }
    }

    public static void main(String[] args) {
        Options options = DemoArgs.parseOrExit("demo-copy", textAsOption(args), DEFAULTS, List.of("primary"), Options::read);
        byte[] text = options.text().getBytes(StandardCharsets.UTF_8);
        int[] pasted = {0};
        boolean[] running = {true};
        try (Display display = Display.connect();
             ClipboardClient client = new ClipboardClient(display, options.primary(), "demo-copy", options.appId(), 0xff3060c0)) {
            int serial = client.awaitFocus();
            client.own(MIME_TYPES, serial, new ClipboardClient.Owner() {
                @Override
                public void send(String mimeType, OwnedFd fd) throws IOException {
                    Descriptors.writeFully(fd, text);
                    System.out.println("demo-copy: pasted " + ++pasted[0] + " (" + mimeType + ")");
                    if (options.pastes() > 0 && pasted[0] >= options.pastes()) running[0] = false;
                }

                @Override
                public void cancelled() {
                    System.out.println("demo-copy: cancelled");
                    running[0] = false;
                }
            });
            display.roundtrip();
            System.out.println("demo-copy: owned");
            while (running[0]) display.dispatch();
        } catch (IOException e) {
            System.err.println("demo-copy: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The text is the one argument that is not an option. */
    private static String[] textAsOption(String[] args) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--primary")) out.add(args[i]);
            else if (args[i].startsWith("--")) {
                out.add(args[i]);
                if (i + 1 < args.length) out.add(args[++i]);
            } else {
                out.addAll(List.of("--text", args[i]));
            }
        }
        return out.toArray(String[]::new);
    }
}
