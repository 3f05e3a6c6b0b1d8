package javawc.compositor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A test's connection to the compositor's --control-socket: one command, its reply lines. */
final class ControlClient implements AutoCloseable {
    private final SocketChannel channel;
    private final BufferedReader in;
    private final OutputStream out;

    ControlClient(Path socket) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        out = Channels.newOutputStream(channel);
    }

    /** Sends one command; returns every reply line, the last being "ok" or "error ...". */
    List<String> send(String command) throws IOException {
        out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = in.readLine();
            if (line == null) throw new IOException("control channel closed after " + lines);
            lines.add(line);
            if (line.equals("ok") || line.startsWith("error")) return lines;
        }
    }

    /** Sends commands that must each answer ok. */
    void ok(String... commands) throws IOException {
        for (String c : commands) {
            List<String> reply = send(c);
            if (!reply.getLast().equals("ok")) throw new AssertionError(c + " answered " + reply);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
