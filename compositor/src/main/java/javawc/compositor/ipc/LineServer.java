package javawc.compositor.ipc;

import javawc.os.Epoll;
import javawc.os.LibC;
import javawc.os.NativeBuffer;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.os.UnixSockets;
import javawc.server.EventLoop;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Unix stream socket, mode 0600, that answers text lines: one request line in, its reply out,
 * in order, all on the event loop without blocking. A request line is bounded (a longer one is
 * answered with an error and the connection ends), replies wait for the peer to read them, and
 * a peer that leaves too many unread is dropped rather than waited for. The user's IPC socket
 * and the test control channel are both one of these, with their own commands.
 */
public final class LineServer implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(LineServer.class);
    /** Replies a peer may leave unread before it is dropped. */
    static final int MAX_UNREAD = 1024 * 1024;

    /** Answers one request line (never blank); the reply is one or more lines. */
    public interface Handler {
        String execute(String request);
    }

    private final Path path;
    private final String what;
    private final OwnedFd listener;
    private final EventLoop loop;
    private final EventLoop.Source source;
    private final int maxRequest;
    private final Handler handler;
    private final java.util.function.IntFunction<String> tooLong;
    private final List<Peer> peers = new ArrayList<>();

    private LineServer(Path path, String what, OwnedFd listener, EventLoop loop, int maxRequest, Handler handler,
                       java.util.function.IntFunction<String> tooLong) throws OsException {
        this.path = path;
        this.what = what;
        this.listener = listener;
        this.loop = loop;
        this.maxRequest = maxRequest;
        this.handler = handler;
        this.tooLong = tooLong;
        this.source = loop.add(listener.get(), Epoll.IN, events -> acceptAll());
    }

    /**
     * Listens at {@code path} ({@code what} names it in errors and the log); refuses a path that
     * exists and is not a stale socket of this user. {@code tooLong} is the reply to a request
     * longer than {@code maxRequest} bytes.
     */
    public static LineServer open(Path path, String what, EventLoop loop, int maxRequest, Handler handler,
                                  java.util.function.IntFunction<String> tooLong) throws IOException {
        OwnedFd fd = OwnerOnlySocket.listen(path, what);
        try {
            LineServer server = new LineServer(path, what, fd, loop, maxRequest, handler, tooLong);
            LOG.info("{} on {}", what, path);
            return server;
        } catch (IOException | RuntimeException e) {
            fd.close();
            LibC.unlink(path.toString());
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    private void acceptAll() {
        while (true) {
            try {
                OwnedFd fd = UnixSockets.accept(listener);
                if (fd == null) return;
                peers.add(new Peer(fd));
            } catch (OsException e) {
                LOG.warn("{}: accept failed: {}", what, e.getMessage());
                return;
            }
        }
    }

    /** One connection: request bytes in until a newline, replies out as the peer reads them. */
    private final class Peer {
        private final OwnedFd fd;
        private final EventLoop.Source peerSource;
        private final NativeBuffer in = new NativeBuffer(maxRequest);
        private int filled;
        private NativeBuffer out = new NativeBuffer(4096);
        private int unread; // reply bytes in out not yet written
        private boolean inputEnded, closed;

        Peer(OwnedFd fd) throws OsException {
            this.fd = fd;
            try {
                peerSource = loop.add(fd.get(), Epoll.IN, this::ready);
            } catch (OsException e) {
                fd.close();
                throw e;
            }
        }

        private void ready(int events) {
            if ((events & Epoll.OUT) != 0) flush();
            if (!closed && !inputEnded && (events & (Epoll.IN | Epoll.HUP | Epoll.ERR)) != 0) readable();
            else if (!closed && inputEnded && (events & (Epoll.HUP | Epoll.ERR)) != 0) close(); // nobody left to read the replies
        }

        private void readable() {
            long n = LibC.read(fd.get(), in.address() + filled, maxRequest - filled);
            if (n < 0 && (LibC.errno() == LibC.EAGAIN || LibC.errno() == LibC.EINTR)) return;
            if (n <= 0) {
                inputEnded = true; // a peer may send its request and shut down its side: its replies still go out
                if (unread == 0) close();
                else flush();
                return;
            }
            filled += (int) n;
            int start = 0;
            for (int i = 0; i < filled && !closed; i++) {
                if (in.buffer().get(i) != '\n') continue;
                byte[] line = new byte[i - start];
                in.buffer().get(start, line);
                start = i + 1;
                String request = new String(line, StandardCharsets.UTF_8);
                if (!request.isBlank()) reply(handler.execute(request));
            }
            if (closed) return;
            if (start > 0) {
                byte[] rest = new byte[filled - start];
                in.buffer().get(start, rest);
                in.buffer().put(0, rest);
                filled -= start;
            } else if (filled == maxRequest) {
                reply(tooLong.apply(maxRequest));
                flush();
                close();
            }
        }

        /** Queues the reply (a newline ends it) and writes what the socket takes now; the rest waits for EPOLLOUT. */
        private void reply(String text) {
            byte[] bytes = (text.endsWith("\n") ? text : text + "\n").getBytes(StandardCharsets.UTF_8);
            if (unread + bytes.length > MAX_UNREAD) {
                LOG.warn("{}: a peer left {} bytes of replies unread; dropping it", what, unread);
                close();
                return;
            }
            if (unread + bytes.length > out.capacity()) {
                NativeBuffer bigger = new NativeBuffer(Math.max(out.capacity() * 2, unread + bytes.length));
                byte[] pending = new byte[unread];
                out.buffer().get(0, pending);
                bigger.buffer().put(0, pending);
                out = bigger;
            }
            out.buffer().put(unread, bytes);
            unread += bytes.length;
            flush();
        }

        private void flush() {
            if (closed || unread == 0) return;
            long n = LibC.write(fd.get(), out.address(), unread);
            if (n < 0 && LibC.errno() != LibC.EAGAIN && LibC.errno() != LibC.EINTR) {
                close(); // the peer went away
                return;
            }
            if (n > 0) {
                byte[] rest = new byte[unread - (int) n];
                out.buffer().get((int) n, rest);
                out.buffer().put(0, rest);
                unread = rest.length;
            }
            if (inputEnded && unread == 0) {
                close();
                return;
            }
            try {
                peerSource.setEvents((inputEnded ? 0 : Epoll.IN) | (unread > 0 ? Epoll.OUT : 0));
            } catch (OsException e) {
                LOG.warn("{}: cannot watch a peer: {}", what, e.getMessage());
                close();
            }
        }

        private void close() {
            if (closed) return;
            closed = true;
            peerSource.remove();
            fd.close();
            peers.remove(this);
        }
    }

    @Override
    public void close() {
        for (Peer p : List.copyOf(peers)) p.close();
        source.remove();
        listener.close();
        LibC.unlink(path.toString());
    }
}
