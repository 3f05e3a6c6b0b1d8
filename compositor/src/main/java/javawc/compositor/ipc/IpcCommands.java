package javawc.compositor.ipc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javawc.compositor.output.ModeText;
import javawc.compositor.output.Output;
import javawc.compositor.output.Outputs;

import java.io.IOException;
import java.util.List;

/**
 * Runs IPC requests ({@link IpcRequest}) and makes their replies: {@code {"ok":true, ...}} or
 * {@code {"ok":false,"error":"..."}}. A request either does what it says or changes nothing.
 */
public final class IpcCommands {
    /** Starts a program as one of the compositor's children; returns its pid. */
    public interface Spawner {
        int spawn(List<String> argv) throws IOException;
    }

    /** Reads the configuration file again and applies it; returns what it did, or throws with why nothing was. */
    public interface Reloader {
        String reload() throws Exception;
    }

    private final WindowControl windows;
    private final OutputControl outputs;
    private final Spawner spawner;
    private final Runnable quit;
    private final Reloader reloader;

    public IpcCommands(WindowControl windows, OutputControl outputs, Spawner spawner, Runnable quit, Reloader reloader) {
        this.windows = windows;
        this.outputs = outputs;
        this.spawner = spawner;
        this.quit = quit;
        this.reloader = reloader;
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
                            .put("minimized", i.minimized()).put("output", i.output());
                }
                yield reply;
            }
            case IpcRequest.Outputs o -> {
                ObjectNode reply = ok();
                ArrayNode list = reply.putArray("outputs");
                for (Output out : outputs.all()) {
                    ObjectNode node = list.addObject().put("name", out.name()).put("make", out.make()).put("model", out.model())
                            .put("mode", ModeText.of(out.mode()));
                    var modes = node.putArray("modes");
                    for (Output.Mode mode : outputs.modes(out)) modes.add(ModeText.of(mode));
                    node.put("x", out.x()).put("y", out.y()).put("scale", out.exactScale())
                            .put("transform", javawc.compositor.output.OutputTransform.name(out.transform()));
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
            case IpcRequest.Reload r -> {
                try {
                    yield ok().put("applied", reloader.reload());
                } catch (Exception e) {
                    yield error(e.getMessage());
                }
            }
            case IpcRequest.MoveToOutput m -> {
                Output out = output(m.output());
                if (out == null) yield noOutput(m.output());
                yield windows.moveToOutput(m.id(), out) ? ok() : noWindow(m.id());
            }
            case IpcRequest.OutputMode m -> change(m.output(), () -> {
                Output out = output(m.output());
                outputs.setMode(m.output(), Outputs.modeAsked(out, outputs.modes(out), m.width(), m.height(), m.refreshMilliHz()));
            });
            case IpcRequest.OutputPosition p -> change(p.output(), () -> outputs.setPosition(p.output(), p.x(), p.y()));
            case IpcRequest.OutputScale s -> change(s.output(), () -> outputs.setScale(s.output(), s.scale()));
            case IpcRequest.OutputTransform t -> change(t.output(), () -> outputs.setTransform(t.output(), t.transform()));
        };
    }

    /** Runs an output change on a known output; a refused one is the error, having changed nothing. */
    private ObjectNode change(String name, Runnable change) {
        if (output(name) == null) return noOutput(name);
        try {
            change.run();
            return ok();
        } catch (IllegalArgumentException e) {
            return error(e.getMessage());
        }
    }

    private Output output(String name) {
        for (Output o : outputs.all()) if (o.name().equals(name)) return o;
        return null;
    }

    private static ObjectNode noWindow(int id) {
        return error("no shown window has id " + id + " (see 'windows')");
    }

    private ObjectNode noOutput(String name) {
        return error("no output is named '" + name + "' (outputs: " + String.join(", ", outputs.all().stream().map(Output::name).toList()) + ")");
    }
}
