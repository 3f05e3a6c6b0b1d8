package javawc.compositor.input;

import javawc.compositor.ipc.OwnerOnlySocket;
import javawc.compositor.scene.Scene;
import javawc.compositor.seat.Seat;
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
 * The test control channel ({@code --control-socket PATH}, off by default): a Unix stream
 * socket, mode 0600, through which tests inject input and place windows. Injected events go
 * through the same {@link javawc.compositor.seat.Pointer} and
 * {@link javawc.compositor.seat.Keyboard} entry points as real devices. It is the only way to
 * inject input, and only the user who started the compositor can connect.
 *
 * <p>The protocol is text, one command per line (UTF-8, '\n'); each command is answered,
 * in order, with a line {@code ok} or {@code error <why>}, after any data lines it returns.
 * Coordinates are global (output layout) pixels and may be fractional.
 * <pre>
 * pointer-motion X Y                      move the pointer to (X, Y)
 * pointer-motion-relative DX DY           move the pointer by (DX, DY)
 * pointer-button BUTTON press|release     BUTTON: BTN_LEFT, BTN_RIGHT, BTN_MIDDLE, BTN_SIDE,
 *                                         BTN_EXTRA, BTN_FORWARD, BTN_BACK, BTN_TASK or an
 *                                         evdev code (272 is BTN_LEFT; 0x110 works too)
 * axis vertical|horizontal VALUE [SOURCE] scroll by VALUE (positive: down or right); SOURCE is
 *                                         wheel (default; 15 is one wheel click), finger,
 *                                         continuous or wheel-tilt; finger with 0 ends a scroll
 * key CODE press|release                  an evdev key code (30 is KEY_A)
 * touch-device add|remove                 a virtual touch device comes or goes (the seat has
 *                                         the touch capability while one is there)
 * touch-down ID X Y                       touch point ID (0 to 63) down at (X, Y)
 * touch-motion ID X Y                     touch point ID moves to (X, Y)
 * touch-up ID                             touch point ID lifts
 * touch-cancel                            every touch point is cancelled
 *                                         (each touch command is one wl_touch.frame)
 * place APP_ID X Y                        put the topmost window with that app_id at (X, Y)
 *                                         (its window geometry's top-left corner)
 * list-windows                            one line per shown toplevel, bottom to top:
 *                                         window APP_ID X Y WIDTH HEIGHT focused|- TITLE
 *                                         (APP_ID is - when empty; TITLE runs to the line's end)
 * </pre>
 */
public final class ControlChannel implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(ControlChannel.class);
    private static final int MAX_LINE = 4096;

    private final Path path;
    private final OwnedFd listener;
    private final EventLoop loop;
    private final EventLoop.Source source;
    private final ControlCommands commands;
    private final List<Peer> peers = new ArrayList<>();

    private ControlChannel(Path path, OwnedFd listener, EventLoop loop, Seat seat, Scene scene) throws OsException {
        this.path = path;
        this.listener = listener;
        this.loop = loop;
        this.commands = new ControlCommands(seat, scene);
        this.source = loop.add(listener.get(), Epoll.IN, events -> acceptAll());
    }

    /** Listens at {@code path}; refuses a path that exists and is not a stale socket of this user. */
    public static ControlChannel open(Path path, EventLoop loop, Seat seat, Scene scene) throws IOException {
        OwnedFd fd = OwnerOnlySocket.listen(path, "--control-socket");
        try {
            LOG.info("control channel on {}", path);
            return new ControlChannel(path, fd, loop, seat, scene);
        } catch (IOException | RuntimeException e) {
            fd.close();
            LibC.unlink(path.toString());
            throw e;
        }
    }

    private void acceptAll() {
        while (true) {
            try {
                OwnedFd fd = UnixSockets.accept(listener);
                if (fd == null) return;
                Peer p = new Peer(fd);
                peers.add(p);
            } catch (OsException e) {
                LOG.warn("control channel: accept failed: {}", e.getMessage());
                return;
            }
        }
    }

    /** One connected test: bytes in until a newline, one reply per command. */
    private final class Peer {
        private final OwnedFd fd;
        private final EventLoop.Source peerSource;
        private final NativeBuffer in = new NativeBuffer(MAX_LINE);
        private int filled;

        Peer(OwnedFd fd) throws OsException {
            this.fd = fd;
            try {
                peerSource = loop.add(fd.get(), Epoll.IN, events -> readable());
            } catch (OsException e) {
                fd.close();
                throw e;
            }
        }

        private void readable() {
            long n = LibC.read(fd.get(), in.address() + filled, MAX_LINE - filled);
            if (n < 0 && LibC.errno() == LibC.EAGAIN) return;
            if (n <= 0) {
                close();
                return;
            }
            filled += (int) n;
            int start = 0;
            for (int i = 0; i < filled; i++) {
                if (in.buffer().get(i) != '\n') continue;
                byte[] line = new byte[i - start];
                in.buffer().get(start, line);
                start = i + 1;
                if (!reply(execute(new String(line, StandardCharsets.UTF_8)))) return;
            }
            if (start > 0) {
                byte[] rest = new byte[filled - start];
                in.buffer().get(start, rest);
                in.buffer().put(0, rest);
                filled -= start;
            } else if (filled == MAX_LINE) {
                reply("error line longer than " + MAX_LINE + " bytes\n");
                close();
            }
        }

        /** Writes the reply; a test that does not read its replies is dropped rather than waited for. */
        private boolean reply(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            NativeBuffer out = new NativeBuffer(bytes.length);
            out.buffer().put(0, bytes);
            long n = LibC.write(fd.get(), out.address(), bytes.length);
            if (n == bytes.length) return true;
            LOG.warn("control channel: a peer is not reading its replies; dropping it");
            close();
            return false;
        }

        private void close() {
            peerSource.remove();
            fd.close();
            peers.remove(this);
        }
    }

    /** Runs one command line; returns the reply lines. */
    String execute(String line) {
        return commands.execute(line);
    }

    @Override
    public void close() {
        for (Peer p : List.copyOf(peers)) p.close();
        source.remove();
        listener.close();
        LibC.unlink(path.toString());
    }
}
