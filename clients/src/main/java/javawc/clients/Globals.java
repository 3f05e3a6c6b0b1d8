package javawc.clients;

import javawc.client.Display;
import javawc.client.protocol.WlOutput;
import javawc.client.protocol.WlRegistry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small wayland-info of our own, written with our client library: lists the compositor's
 * globals and describes each output. Works against any compositor ($WAYLAND_DISPLAY).
 */
public final class Globals {
    private Globals() {}

    public static void main(String[] args) throws IOException {
        try (Display display = args.length > 0 ? Display.connect(args[0]) : Display.connect()) {
            List<String> lines = new ArrayList<>();
            display.wlDisplay().getRegistry().setListener(new WlRegistry.Listener() {
                @Override
                public void global(WlRegistry registry, int name, String interfaceName, int version) {
                    lines.add(String.format("global %3d: %-40s version %d", name, interfaceName, version));
                    if (interfaceName.equals(WlOutput.NAME)) {
                        registry.bind(name, WlOutput.TYPE, Math.min(version, WlOutput.VERSION)).setListener(describe(lines, name));
                    }
                }
            });
            display.roundtrip(); // the globals
            display.roundtrip(); // the events of what we bound
            lines.forEach(System.out::println);
        }
    }

    private static WlOutput.Listener describe(List<String> lines, int global) {
        return new WlOutput.Listener() {
            @Override
            public void mode(WlOutput self, int flags, int width, int height, int refresh) {
                lines.add(String.format("  output %d mode: %dx%d @ %.3f Hz%s", global, width, height, refresh / 1000.0,
                        (flags & WlOutput.Mode.CURRENT) != 0 ? " (current)" : ""));
            }

            @Override
            public void name(WlOutput self, String name) {
                lines.add("  output " + global + " name: " + name);
            }

            @Override
            public void description(WlOutput self, String description) {
                lines.add("  output " + global + " description: " + description);
            }
        };
    }
}
