package javawc.compositor.fuzz;

import javawc.compositor.Compositor;
import javawc.compositor.Options;
import javawc.compositor.ProtocolContext;
import javawc.compositor.config.Config;
import javawc.os.FdQueue;
import javawc.os.NativeBuffer;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.os.SocketIo;
import javawc.os.UnixSockets;
import javawc.server.Client;
import javawc.server.EventLoop;
import javawc.server.Server;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The whole compositor (headless, software renderer) in this JVM, driven by the fuzzing
 * thread itself: that thread runs the event loop turn by turn, so every request takes the real
 * path (recvmsg on a socketpair, framing, the generated dispatcher, the handlers, the frame
 * clock) and nothing is mocked. Each input is one client: it connects, sends what the
 * {@link RequestGenerator} makes of its choices, and hangs up. Afterwards: nothing logged at
 * ERROR (a handler that threw), no {@code implementation} error sent, the client gone, and a
 * bystander client that connected first still answered.
 */
public final class ProtocolFuzzer implements AutoCloseable {
    private static final int MAX_MESSAGES = 48;
    private static final int IMPLEMENTATION_ERROR = 3;
    /** errorCode's answer for an error about another object than wl_display: its codes are that interface's own. */
    static final int ERROR_ON_OTHER_OBJECT = 1000;

    /** What one input did; {@code finding} is null when every check held. */
    public record Outcome(String finding, int messages, int errorCode) {}

    private final ErrorCapture errors = ErrorCapture.install();
    private final EventLoop loop;
    private final Compositor compositor;
    private final Server server;
    private final OwnedFd bystander;
    private final SocketIo io = new SocketIo();
    private final NativeBuffer receiveBuffer = new NativeBuffer(64 * 1024);
    private final FdQueue receivedFds = new FdQueue(SocketIo.MAX_FDS_PER_MESSAGE * 4);
    private final int[] sendFds = new int[SocketIo.MAX_FDS_PER_MESSAGE];
    private NativeBuffer sendBuffer = new NativeBuffer(8 * 4096);

    public ProtocolFuzzer() throws Exception {
        loop = new EventLoop();
        // every privileged global open to every client: the fuzz clients are in this process, not
        // the compositor's children, and the privileged protocols need fuzzing most of all
        compositor = new Compositor(loop, Options.parse(List.of("--backend", "headless", "--renderer", "software", "--width", "320", "--height", "240")),
                Config.none(), new ProtocolContext.Policy(false, true));
        server = compositor.server();
        OwnedFd[] pair = UnixSockets.pair();
        server.addClient(pair[0]);
        bystander = pair[1];
        UnixSockets.setNonBlocking(bystander, true);
        pump(4);
        errors.take();
    }

    public Server server() {
        return server;
    }

    /** Runs one input; never throws for what the input does (a throw is a finding). */
    public Outcome run(Choices choices) {
        OwnedFd mine = null;
        Client client = null;
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        int sent = 0;
        try {
            OwnedFd[] pair = UnixSockets.pair();
            mine = pair[1];
            UnixSockets.setNonBlocking(mine, true);
            client = server.addClient(pair[0]);
            RequestGenerator generator = new RequestGenerator(choices, client, server);
            int count = 1 + choices.below(MAX_MESSAGES);
            while (sent < count && !client.isClosed()) {
                RequestGenerator.Message m = generator.next();
                boolean delivered = send(mine, m);
                sent++;
                pump(1);
                drain(mine, received);
                if (!delivered || choices.exhausted()) break;
            }
            mine.close();
            for (int i = 0; i < 8 && !client.isClosed(); i++) pump(1);
            if (!client.isClosed()) return new Outcome("the client hung up but is still connected after 8 turns", sent, -1);
            int code = errorCode(received.toByteArray());
            List<String> logged = errors.take();
            if (!logged.isEmpty()) return new Outcome("logged at ERROR: " + logged.getFirst(), sent, code);
            if (code == IMPLEMENTATION_ERROR) return new Outcome("sent an implementation (internal) error", sent, code);
            if (server.clientCount() != 1) return new Outcome(server.clientCount() + " clients connected, expected the bystander only", sent, code);
            String bystanderProblem = bystanderAnswers();
            if (bystanderProblem != null) return new Outcome(bystanderProblem, sent, code);
            return new Outcome(null, sent, code);
        } catch (Throwable t) {
            StackTraceElement[] at = t.getStackTrace();
            return new Outcome("threw " + t + (at.length > 0 ? " at " + at[0] : ""), sent, -1);
        } finally {
            if (mine != null) mine.close();
            if (client != null && !client.isClosed()) client.disconnect("fuzz input over");
        }
    }

    private boolean send(OwnedFd socket, RequestGenerator.Message m) throws OsException {
        try {
            if (m.length() == 0 && m.fds().isEmpty()) return true;
            if (sendBuffer.buffer().capacity() < m.length()) sendBuffer = new NativeBuffer(m.length());
            sendBuffer.buffer().put(0, m.bytes(), 0, m.length());
            int n = Math.min(m.fds().size(), sendFds.length);
            for (int i = 0; i < n; i++) sendFds[i] = m.fds().get(i).get();
            if (m.length() == 0) return true; // fds need at least one byte to ride on
            try {
                return io.send(socket.get(), sendBuffer.address(), m.length(), sendFds, n) != SocketIo.WOULD_BLOCK;
            } catch (OsException e) {
                return false; // the compositor hung up on us already
            }
        } finally {
            for (OwnedFd fd : m.fds()) fd.close();
        }
    }

    /** Reads what the compositor sent, closing any fds that came with it. */
    private void drain(OwnedFd socket, ByteArrayOutputStream into) {
        while (true) {
            long n;
            try {
                n = io.receive(socket.get(), receiveBuffer.address(), 64 * 1024, receivedFds);
            } catch (IOException e) {
                n = 0;
            }
            receivedFds.close();
            if (n <= 0) return;
            if (into.size() < 4 << 20) {
                byte[] chunk = new byte[(int) n];
                receiveBuffer.buffer().get(0, chunk);
                into.writeBytes(chunk);
            }
        }
    }

    private void pump(int turns) throws OsException {
        for (int i = 0; i < turns; i++) loop.dispatch(0);
    }

    /** wl_display.sync from the bystander; its wl_callback.done must come back. */
    private String bystanderAnswers() throws OsException {
        ByteBuffer sync = sendBuffer.buffer();
        sync.order(ByteOrder.nativeOrder()).putInt(0, 1).putInt(4, 12 << 16).putInt(8, 2);
        if (io.send(bystander.get(), sendBuffer.address(), 12, sendFds, 0) != 12) return "the bystander's sync did not go out";
        pump(2);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        drain(bystander, got);
        ByteBuffer b = ByteBuffer.wrap(got.toByteArray()).order(ByteOrder.nativeOrder());
        while (b.remaining() >= 8) {
            int object = b.getInt(b.position()), word = b.getInt(b.position() + 4);
            if (object == 2 && (word & 0xffff) == 0) return null;
            if ((word >>> 16) < 8) break;
            b.position(b.position() + (word >>> 16));
        }
        return "the bystander got no answer to wl_display.sync";
    }

    /** The code of a wl_display.error about wl_display in the stream, ERROR_ON_OTHER_OBJECT for another object's, -1 if none. */
    static int errorCode(byte[] stream) {
        ByteBuffer b = ByteBuffer.wrap(stream).order(ByteOrder.nativeOrder());
        while (b.remaining() >= 8) {
            int start = b.position();
            int object = b.getInt(), word = b.getInt();
            int size = word >>> 16;
            if (object == 1 && (word & 0xffff) == 0 && b.remaining() >= 8) {
                int about = b.getInt();
                int code = b.getInt();
                return about == 1 ? code : ERROR_ON_OTHER_OBJECT; // an implementation error is always about wl_display
            }
            if (size < 8 || start + size > stream.length) break;
            b.position(start + size);
        }
        return -1;
    }

    /** The compositor's open descriptors (this process's), for leak checks. */
    public static int openFds() {
        String[] names = new File("/proc/self/fd").list();
        return names == null ? -1 : names.length;
    }

    /** Bytes of heap in use after a full collection. */
    public static long heapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    @Override
    public void close() {
        try {
            compositor.close();
        } catch (Exception e) {
            // closing after a fuzz run: nothing more to learn
        }
        bystander.close();
        loop.close();
        errors.close();
    }
}
