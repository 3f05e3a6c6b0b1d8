package javawc.compositor.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code scripts/ctl [--socket PATH] COMMAND [ARGS...]}: sends one request to a running
 * compositor's IPC socket and prints the reply. Exit status 0 when the compositor did it, 1
 * when it answered with an error (on stderr), 2 when there is no compositor to ask or the
 * command line is wrong.
 */
public final class Ctl {
    static final String USAGE = """
            usage: scripts/ctl [--socket PATH] COMMAND [ARGS...]
              windows                      list the windows (id, app_id, title, geometry, state, output)
              outputs                      list the outputs
              focus ID | close ID          raise and focus, or ask to close, the window with that id
              move-to-output ID NAME       put the window on that output
              spawn PROGRAM [ARGS...]      start a program in the session
              quit                         end the compositor
              output NAME mode WxH[@HZ] | position X Y | scale S | transform T
              reload                       read the configuration file again and apply its bindings,
                                           terminal and outputs (a bad file changes nothing)
            The socket is --socket PATH, else $JAVAWC_SOCK (set for programs the compositor starts),
            else the only javawc-*.sock in $XDG_RUNTIME_DIR.""";

    private Ctl() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv()));
    }

    static int run(List<String> args, Map<String, String> env) {
        Path socket = null;
        int i = 0;
        if (!args.isEmpty() && (args.getFirst().equals("--help") || args.getFirst().equals("-h"))) {
            System.out.println(USAGE);
            return 0;
        }
        if (!args.isEmpty() && args.getFirst().equals("--socket")) {
            if (args.size() < 2) return usage("--socket needs a path");
            socket = Path.of(args.get(1));
            i = 2;
        }
        if (i >= args.size()) return usage("no command given");
        try {
            if (socket == null) socket = findSocket(env);
        } catch (IOException e) {
            System.err.println("ctl: " + e.getMessage());
            return 2;
        }
        ObjectNode request = IpcRequest.JSON.createObjectNode().put("command", args.get(i));
        var argArray = request.putArray("args");
        for (String a : args.subList(i + 1, args.size())) argArray.add(a);
        JsonNode reply;
        try {
            reply = IpcRequest.JSON.readTree(send(socket, request.toString()));
        } catch (IOException e) {
            System.err.println("ctl: cannot talk to the compositor at " + socket + ": " + e.getMessage());
            return 2;
        }
        if (!reply.path("ok").asBoolean(false)) {
            System.err.println("ctl: " + reply.path("error").asText("the compositor answered " + reply));
            return 1;
        }
        JsonNode list = reply.has("windows") ? reply.get("windows") : reply.has("outputs") ? reply.get("outputs") : reply;
        try {
            System.out.println(IpcRequest.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(list));
        } catch (IOException e) {
            System.err.println("ctl: " + e.getMessage());
            return 2;
        }
        return 0;
    }

    private static int usage(String why) {
        System.err.println("ctl: " + why);
        System.err.println(USAGE);
        return 2;
    }

    /** $JAVAWC_SOCK, else the one javawc socket in $XDG_RUNTIME_DIR; several or none is an error that says what to do. */
    static Path findSocket(Map<String, String> env) throws IOException {
        String fromEnv = env.get("JAVAWC_SOCK");
        if (fromEnv != null && !fromEnv.isEmpty()) return Path.of(fromEnv);
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir == null || runtimeDir.isEmpty()) throw new IOException("neither JAVAWC_SOCK nor XDG_RUNTIME_DIR is set: give --socket PATH");
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(runtimeDir))) {
            files.filter(p -> p.getFileName().toString().matches("javawc-.+\\.sock")).sorted().forEach(found::add);
        }
        if (found.isEmpty()) throw new IOException("no javawc compositor socket in " + runtimeDir + " (is the compositor running?)");
        if (found.size() > 1) throw new IOException("several compositors are running (" + found + "): choose one with --socket PATH or JAVAWC_SOCK");
        return found.getFirst();
    }

    /** One request line out, one reply line back. */
    private static String send(Path socket, String request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            OutputStream out = Channels.newOutputStream(channel);
            out.write((request + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String line = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8)).readLine();
            if (line == null) throw new IOException("the connection closed without a reply");
            return line;
        }
    }
}
