package javawc.compositor.ipc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javawc.compositor.output.Output;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs IPC requests ({@link IpcRequest}) and makes their replies: {@code {"ok":true, ...}} or
 * {@code {"ok":false,"error":"..."}}. A request either does what it says or changes nothing.
 */
public final class IpcCommands {
    /** Starts a program as one of the compositor's children; returns its pid. */
    public interface Spawner {
        int spawn(List<String> argv) throws IOException;
    }

    private final WindowControl windows;
    private final Supplier<List<Output>> outputs;
    private final Spawner spawner;
    private final Runnable quit;

    public IpcCommands(WindowControl windows, Supplier<List<Output>> outputs, Spawner spawner, Runnable quit) {
        this.windows = windows;
        this.outputs = outputs;
        this.spawner = spawner;
        this.quit = quit;
    }

    /** Runs one request line; returns the reply line (without its newline). */
    public String execute(String line) {
        try {
            return run(IpcRequest.parse(line)).toString();
        } catch (IpcRequest.ParseException e) {
            return error(e.getMessage()).toString();
        }
    }

    static ObjectNode error(String why) {
        return IpcRequest.JSON.createObjectNode().put("ok", false).put("error", why);
    }

    private static ObjectNode ok() {
        return IpcRequest.JSON.createObjectNode().put("ok", true);
    }

    private ObjectNode run(IpcRequest request) {
        return switch (request) {
            case IpcRequest.Windows w -> {
                ObjectNode reply = ok();
                ArrayNode list = reply.putArray("windows");
                for (WindowControl.WindowInfo i : windows.windows()) {
                    list.addObject().put("id", i.id()).put("app_id", i.appId()).put("title", i.title())
                            .put("x", i.x()).put("y", i.y()).put("width", i.width()).put("height", i.height())
                            .put("focused", i.focused()).put("maximized", i.maximized()).put("fullscreen", i.fullscreen())
                            .put("output", i.output());
                }
                yield reply;
            }
            case IpcRequest.Outputs o -> {
                ObjectNode reply = ok();
                ArrayNode list = reply.putArray("outputs");
                for (Output out : outputs.get()) {
                    ObjectNode node = list.addObject().put("name", out.name()).put("make", out.make()).put("model", out.model())
                            .put("mode", modeText(out.mode()));
                    node.putArray("modes").add(modeText(out.mode())); // the only mode an Output knows of today
                    node.put("x", out.x()).put("y", out.y()).put("scale", out.scale()).put("transform", "normal").put("enabled", true);
                }
                yield reply;
            }
            case IpcRequest.Focus f -> windows.focus(f.id()) ? ok() : noWindow(f.id());
            case IpcRequest.Close c -> windows.close(c.id()) ? ok() : noWindow(c.id());
            case IpcRequest.Spawn s -> {
                try {
                    yield ok().put("pid", spawner.spawn(s.argv()));
                } catch (IOException e) {
                    yield error(e.getMessage());
                }
            }
            case IpcRequest.Quit q -> {
                quit.run(); // the loop stops after this turn: the reply still goes out
                yield ok();
            }
            case IpcRequest.Reload r -> error("there is no configuration file yet: nothing to reload");
            case IpcRequest.OutputMode m -> {
                Output out = output(m.output());
                if (out == null) yield noOutput(m.output());
                Output.Mode now = out.mode();
                boolean same = now.width() == m.width() && now.height() == m.height() && (m.refreshMilliHz() == 0 || Math.abs(now.refreshMilliHz() - m.refreshMilliHz()) < 500);
                yield same ? ok().put("changed", false) : notYet("changing an output's mode");
            }
            case IpcRequest.OutputPosition p -> {
                Output out = output(p.output());
                if (out == null) yield noOutput(p.output());
                yield out.x() == p.x() && out.y() == p.y() ? ok().put("changed", false) : notYet("moving an output");
            }
            case IpcRequest.OutputScale s -> {
                Output out = output(s.output());
                if (out == null) yield noOutput(s.output());
                yield out.scale() == s.scale() ? ok().put("changed", false) : notYet("changing an output's scale");
            }
        };
    }

    /** WxH@HZ, the rate with up to three decimals and no trailing zeros (60, 59.951). */
    static String modeText(Output.Mode m) {
        String hz = java.math.BigDecimal.valueOf(m.refreshMilliHz(), 3).stripTrailingZeros().toPlainString();
        return m.width() + "x" + m.height() + "@" + hz;
    }

    private Output output(String name) {
        for (Output o : outputs.get()) if (o.name().equals(name)) return o;
        return null;
    }

    private static ObjectNode noWindow(int id) {
        return error("no shown window has id " + id + " (see 'windows')");
    }

    private ObjectNode noOutput(String name) {
        return error("no output is named '" + name + "' (outputs: " + String.join(", ", outputs.get().stream().map(Output::name).toList()) + ")");
    }

    /** What Output cannot do at runtime yet; said plainly rather than pretended. */
    private static ObjectNode notYet(String what) {
        return error(what + " is not supported yet (outputs keep the mode, position and scale they started with)");
    }
}
