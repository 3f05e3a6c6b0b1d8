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
 * The user's control socket (on by default; {@code scripts/ctl} talks to it): a Unix stream
 * socket, mode 0600, at {@code $XDG_RUNTIME_DIR/javawc-DISPLAY.sock}, one per compositor,
 * its path given to children as JAVAWC_SOCK. One JSON request per line in, one JSON reply per
 * line out, in order ({@link IpcRequest} lists the commands). Everything runs on the event loop
 * without blocking: a request line is bounded, and a peer whose unread replies pile up is
 * dropped rather than waited for.
 */
public final class IpcServer implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(IpcServer.class);
    /** The longest request line; a spawn's command line fits many times over. */
    static final int MAX_REQUEST = 64 * 1024;
    /** Replies a peer may leave unread before it is dropped. */
    static final int MAX_UNREAD = 1024 * 1024;

    private final Path path;
    private final OwnedFd listener;
    private final EventLoop loop;
    private final EventLoop.Source source;
    private final IpcCommands commands;
    private final List<Peer> peers = new ArrayList<>();

    private IpcServer(Path path, OwnedFd listener, EventLoop loop, IpcCommands commands) throws OsException {
        this.path = path;
        this.listener = listener;
        this.loop = loop;
        this.commands = commands;
        this.source = loop.add(listener.get(), Epoll.IN, events -> acceptAll());
    }

    /** Where the socket of the compositor serving Wayland display {@code display} lives. */
    public static Path pathFor(Path runtimeDir, String display) {
        return runtimeDir.resolve("javawc-" + display + ".sock");
    }

    /** Listens at {@code path}; refuses a path that exists and is not a stale socket of this user. */
    public static IpcServer open(Path path, EventLoop loop, IpcCommands commands) throws IOException {
        OwnedFd fd = OwnerOnlySocket.listen(path, "the IPC socket");
        try {
            IpcServer server = new IpcServer(path, fd, loop, commands);
            LOG.info("IPC socket on {}", path);
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
                LOG.warn("IPC socket: accept failed: {}", e.getMessage());
                return;
            }
        }
    }

    /** One connection: request bytes in until a newline, replies out as the peer reads them. */
    private final class Peer {
        private final OwnedFd fd;
        private final EventLoop.Source peerSource;
        private final NativeBuffer in = new NativeBuffer(MAX_REQUEST);
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
            long n = LibC.read(fd.get(), in.address() + filled, MAX_REQUEST - filled);
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
                if (!request.isBlank()) reply(commands.execute(request));
            }
            if (closed) return;
            if (start > 0) {
                byte[] rest = new byte[filled - start];
                in.buffer().get(start, rest);
                in.buffer().put(0, rest);
                filled -= start;
            } else if (filled == MAX_REQUEST) {
                reply(IpcCommands.error("request longer than " + MAX_REQUEST + " bytes").toString());
                flush();
                close();
            }
        }

        /** Queues the reply line and writes what the socket takes now; the rest waits for EPOLLOUT. */
        private void reply(String json) {
            byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
            if (unread + bytes.length > MAX_UNREAD) {
                LOG.warn("IPC socket: a peer left {} bytes of replies unread; dropping it", unread);
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
                LOG.warn("IPC socket: cannot watch a peer: {}", e.getMessage());
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
