package javawc.compositor;

import javawc.client.protocol.WlOutput;
import javawc.client.protocol.ZxdgOutputV1;

import java.util.List;

/**
 * Records wl_output and xdg_output events as lines such as "3 geometry 1280 0 0" (the
 * object's id first), so tests compare what a client heard with plain strings.
 */
final class OutputEvents {
    private OutputEvents() {}

    static WlOutput.Listener wlOutputRecorder(List<String> events) {
        return new WlOutput.Listener() {
            @Override
            public void geometry(WlOutput self, int x, int y, int physicalWidth, int physicalHeight, int subpixel, String make, String model, int transform) {
                events.add(self.id() + " geometry " + x + " " + y + " " + transform);
            }

            @Override
            public void mode(WlOutput self, int flags, int width, int height, int refresh) {
                events.add(self.id() + " mode " + width + " " + height + " " + refresh);
            }

            @Override
            public void scale(WlOutput self, int factor) {
                events.add(self.id() + " scale " + factor);
            }

            @Override
            public void name(WlOutput self, String name) {
                events.add(self.id() + " name " + name);
            }

            @Override
            public void done(WlOutput self) {
                events.add(self.id() + " done");
            }
        };
    }

    /** An xdg_output for {@code output}, its events recorded as "xdg ID ..." lines. */
    static ZxdgOutputV1 xdgOutput(TestClient c, WlOutput output) {
        List<String> events = c.outputEvents;
        return c.xdgOutputManager.getXdgOutput(output).setListener(new ZxdgOutputV1.Listener() {
            @Override
            public void logicalPosition(ZxdgOutputV1 self, int x, int y) {
                events.add("xdg " + output.id() + " position " + x + " " + y);
            }

            @Override
            public void logicalSize(ZxdgOutputV1 self, int width, int height) {
                events.add("xdg " + output.id() + " size " + width + " " + height);
            }
        });
    }

    /** The events of one output (its wl_output and xdg_output) since {@code from}. */
    static List<String> of(TestClient c, WlOutput output, int from) {
        String wl = output.id() + " ", xdg = "xdg " + output.id() + " ";
        return c.outputEvents.subList(from, c.outputEvents.size()).stream().filter(e -> e.startsWith(wl) || e.startsWith(xdg)).map(e -> e.startsWith(wl) ? e.substring(wl.length()) : "xdg " + e.substring(xdg.length())).toList();
    }
}
