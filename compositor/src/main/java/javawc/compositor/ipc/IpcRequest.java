package javawc.compositor.ipc;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javawc.compositor.output.ModeText;

import java.util.ArrayList;
import java.util.List;

/**
 * One IPC request, parsed and checked before anything runs, so a bad request changes nothing.
 * On the wire a request is one line of JSON: {@code {"command": NAME, "args": [ARG...]}},
 * each ARG a string or a whole number ("args" may be left out when there are none):
 * <pre>
 * windows                         the shown toplevels
 * outputs                         the outputs
 * focus ID                        raise window ID and give it the keyboard focus
 * close ID                        ask window ID to close (xdg_toplevel.close)
 * spawn ARGV...                   start a program, as the session's children are started
 * quit                            end the compositor
 * output NAME mode WxH[@HZ]       change an output's mode
 * output NAME position X Y        move an output in the layout
 * output NAME scale S             change an output's scale
 * reload                          re-read the configuration
 * </pre>
 */
public sealed interface IpcRequest {
    record Windows() implements IpcRequest {}

    record Outputs() implements IpcRequest {}

    record Focus(int id) implements IpcRequest {}

    record Close(int id) implements IpcRequest {}

    record Spawn(List<String> argv) implements IpcRequest {}

    record Quit() implements IpcRequest {}

    record Reload() implements IpcRequest {}

    /** refreshMilliHz is 0 when the request names no rate. */
    record OutputMode(String output, int width, int height, int refreshMilliHz) implements IpcRequest {}

    record OutputPosition(String output, int x, int y) implements IpcRequest {}

    record OutputScale(String output, double scale) implements IpcRequest {}

    /** An output's transform, as wl_output.transform numbers it (see OutputTransform). */
    record OutputTransform(String output, int transform) implements IpcRequest {}

    /** Window {@code id} to the output called {@code output}. */
    record MoveToOutput(int id, String output) implements IpcRequest {}

    /** The request cannot be run; the message says why, for the reply's "error". */
    final class ParseException extends Exception {
        public ParseException(String message) {
            super(message);
        }
    }

    ObjectMapper JSON = new ObjectMapper();
    /** Limits that keep a mistyped number from meaning something absurd. */
    int MAX_POSITION = 1 << 20;
    double MAX_SCALE = 10;

    static IpcRequest parse(String line) throws ParseException {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new ParseException("malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new ParseException("a request is a JSON object such as {\"command\":\"windows\"}");
        JsonNode command = root.get("command");
        if (command == null || !command.isTextual()) throw new ParseException("the request needs \"command\", a string");
        for (var names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("command") && !name.equals("args")) throw new ParseException("unknown field \"" + name + "\" (a request has \"command\" and \"args\")");
        }
        return of(command.textValue(), arguments(root.get("args")));
    }

    private static List<String> arguments(JsonNode args) throws ParseException {
        if (args == null) return List.of();
        if (!args.isArray()) throw new ParseException("\"args\" must be an array");
        List<String> out = new ArrayList<>();
        for (JsonNode a : args) {
            if (a.isTextual()) out.add(a.textValue());
            else if (a.isIntegralNumber()) out.add(a.bigIntegerValue().toString());
            else throw new ParseException("each argument must be a string or a whole number, not " + a);
        }
        return out;
    }

    /** A request from its command and arguments as strings (what scripts/ctl sends). */
    static IpcRequest of(String command, List<String> args) throws ParseException {
        return switch (command) {
            case "windows" -> none(command, args, new Windows());
            case "outputs" -> none(command, args, new Outputs());
            case "quit" -> none(command, args, new Quit());
            case "reload" -> none(command, args, new Reload());
            case "focus" -> new Focus(windowId(command, args));
            case "close" -> new Close(windowId(command, args));
            case "move-to-output" -> {
                if (args.size() != 2) throw new ParseException("usage: move-to-output ID OUTPUT");
                yield new MoveToOutput(windowId(command, args.subList(0, 1)), args.get(1));
            }
            case "spawn" -> {
                if (args.isEmpty() || args.getFirst().isEmpty()) throw new ParseException("usage: spawn PROGRAM [ARGS...]");
                yield new Spawn(List.copyOf(args));
            }
            case "output" -> output(args);
            default -> throw new ParseException("unknown command '" + command + "' (commands: windows, outputs, focus, close, move-to-output, spawn, quit, output, reload)");
        };
    }

    private static IpcRequest none(String command, List<String> args, IpcRequest request) throws ParseException {
        if (!args.isEmpty()) throw new ParseException(command + " takes no arguments");
        return request;
    }

    private static int windowId(String command, List<String> args) throws ParseException {
        if (args.size() != 1) throw new ParseException("usage: " + command + " ID (a window id from 'windows')");
        try {
            int id = Integer.parseInt(args.getFirst());
            if (id > 0) return id;
        } catch (NumberFormatException e) {
            // the message below says what an id is
        }
        throw new ParseException(command + ": '" + args.getFirst() + "' is not a window id (a positive whole number from 'windows')");
    }

    private static IpcRequest output(List<String> args) throws ParseException {
        String usage = "usage: output NAME mode WxH[@HZ] | output NAME position X Y | output NAME scale S | output NAME transform T";
        if (args.size() < 2) throw new ParseException(usage);
        String name = args.get(0), what = args.get(1);
        List<String> values = args.subList(2, args.size());
        switch (what) {
            case "mode" -> {
                if (values.size() != 1) throw new ParseException("usage: output NAME mode WxH[@HZ]");
                try {
                    ModeText mode = ModeText.parse(values.getFirst());
                    return new OutputMode(name, mode.width(), mode.height(), mode.refreshMilliHz());
                } catch (IllegalArgumentException e) {
                    throw new ParseException("output mode: " + e.getMessage());
                }
            }
            case "position" -> {
                if (values.size() != 2) throw new ParseException("usage: output NAME position X Y");
                return new OutputPosition(name, coordinate(values.get(0)), coordinate(values.get(1)));
            }
            case "scale" -> {
                if (values.size() != 1) throw new ParseException("usage: output NAME scale S");
                double scale;
                try {
                    scale = Double.parseDouble(values.getFirst());
                } catch (NumberFormatException e) {
                    scale = Double.NaN;
                }
                if (!(scale > 0 && scale <= MAX_SCALE)) throw new ParseException("output scale: '" + values.getFirst() + "' is not a number above 0 and at most " + MAX_SCALE);
                return new OutputScale(name, scale);
            }
            case "transform" -> {
                if (values.size() != 1) throw new ParseException("usage: output NAME transform normal|90|180|270|flipped|flipped-90|flipped-180|flipped-270");
                try {
                    return new OutputTransform(name, javawc.compositor.output.OutputTransform.parse(values.getFirst()));
                } catch (IllegalArgumentException e) {
                    throw new ParseException("output transform: " + e.getMessage());
                }
            }
            default -> throw new ParseException("output: unknown setting '" + what + "'; " + usage);
        }
    }

    private static int coordinate(String v) throws ParseException {
        try {
            int n = Integer.parseInt(v);
            if (Math.abs(n) <= MAX_POSITION) return n;
        } catch (NumberFormatException e) {
            // the message below says what is allowed
        }
        throw new ParseException("output position: '" + v + "' is not a whole number from -" + MAX_POSITION + " to " + MAX_POSITION);
    }
}
