package javawc.compositor.xwayland;

import javawc.compositor.launch.ChildProcesses;
import javawc.compositor.scene.Scene;
import javawc.compositor.seat.Seat;
import javawc.os.Descriptors;
import javawc.os.Epoll;
import javawc.os.NativeBuffer;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.os.Processes;
import javawc.os.UnixSockets;
import javawc.server.Client;
import javawc.server.EventLoop;
import javawc.server.Server;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts Xwayland when it is needed and keeps the display alive across its crashes. The X
 * display's sockets are ours from the start ({@link XDisplaySockets}); in lazy mode the first
 * connection to either wakes us, and Xwayland is started with both sockets (-listenfd) so it
 * accepts that connection itself. Xwayland gets three socket ends: its Wayland connection
 * (WAYLAND_SOCKET; our end is served as a client like any other), its window manager's
 * connection (-wm; our end becomes the {@link Xwm} once Xwayland says it is ready through
 * -displayfd), and the ready pipe. Nothing here waits: spawning is posix_spawn, readiness and
 * the child's end are fds on the event loop. When Xwayland ends, the window manager goes with
 * it and the sockets are watched again: the next X client starts a new Xwayland.
 */
final class XwaylandLauncher implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(XwaylandLauncher.class);
    /** Xwayland ending this soon after its start counts as failing to start; after a few in a row we stop trying. */
    private static final long QUICK_FAILURE_NANOS = 3_000_000_000L;
    private static final int MAX_QUICK_FAILURES = 3;

    private final EventLoop loop;
    private final Server server;
    private final Scene scene;
    private final Seat seat;
    private final SelectionBridge.Factory selections;
    private final XDisplaySockets sockets;
    private final ChildProcesses children;
    private final String executable;
    private EventLoop.Source unixWatch, abstractWatch, readyWatch;
    private OwnedFd readyPipe, wmSocket;
    private final NativeBuffer readyBuffer = new NativeBuffer(64);
    private final StringBuilder readyText = new StringBuilder();
    private ChildProcesses.Child xwayland;
    private Client waylandClient;
    private Xwm xwm;
    private long startedAt;
    private int quickFailures, starts;
    private boolean closed;

    XwaylandLauncher(EventLoop loop, Server server, Scene scene, Seat seat, SelectionBridge.Factory selections, XDisplaySockets sockets, String executable) {
        this.loop = loop;
        this.server = server;
        this.scene = scene;
        this.seat = seat;
        this.selections = selections;
        this.sockets = sockets;
        this.executable = executable;
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("WAYLAND_DISPLAY");
        env.remove("DISPLAY");
        env.put("WAYLAND_SOCKET", "3"); // the first inherited fd (see start)
        this.children = new ChildProcesses(loop, env);
        // one hook each for the life of the compositor, passed on to whichever window manager runs
        seat.addFocusListener((previous, current) -> {
            if (xwm != null && xwm.isReady()) xwm.keyboardFocusChanged(current);
        });
        scene.addSurfaceDestroyingListener(s -> {
            if (xwm != null) xwm.surfaceDestroying(s);
        });
        server.beforeFlush(() -> {
            if (xwm != null) xwm.pairPending();
        });
        loop.beforeSleep(() -> {
            if (xwm != null) xwm.flush();
        });
    }

    String displayName() {
        return sockets.name();
    }

    /** Waits for the first X client (lazy mode). */
    void watchSockets() throws OsException {
        if (unixWatch != null || closed) return;
        unixWatch = loop.add(sockets.unixSocket.get(), Epoll.IN, events -> firstConnection());
        abstractWatch = loop.add(sockets.abstractSocket.get(), Epoll.IN, events -> firstConnection());
    }

    private void unwatchSockets() {
        if (unixWatch != null) unixWatch.remove();
        if (abstractWatch != null) abstractWatch.remove();
        unixWatch = abstractWatch = null;
    }

    private void firstConnection() {
        unwatchSockets(); // Xwayland accepts it (and every later one) on the same sockets
        LOG.info("an X client connected to {}: starting Xwayland", sockets.name());
        try {
            start();
        } catch (IOException e) {
            LOG.error("cannot start Xwayland: {}", e.getMessage());
            failed();
        }
    }

    /** Starts Xwayland now (eager mode, or the first connection). */
    void start() throws IOException {
        if (xwayland != null || closed) return;
        unwatchSockets();
        OwnedFd[] wl = UnixSockets.pair(), wm = null, ready = null;
        try {
            wm = UnixSockets.pair();
            ready = Descriptors.pipeNonBlockingRead();
            List<OwnedFd> inherit = List.of(wl[1], wm[1], ready[1], sockets.unixSocket, sockets.abstractSocket); // fds 3..7
            List<String> argv = List.of(executable, sockets.name(), "-rootless", "-wm", "4", "-displayfd", "5", "-listenfd", "6", "-listenfd", "7");
            waylandClient = server.addClient(wl[0]);
            wl[0] = null;
            xwayland = children.spawn(argv, inherit, this::ended);
            startedAt = System.nanoTime();
            starts++;
            wmSocket = wm[0];
            wm[0] = null;
            readyPipe = ready[0];
            ready[0] = null;
            readyText.setLength(0);
            readyWatch = loop.add(readyPipe.get(), Epoll.IN, events -> readyReadable());
        } catch (IOException | RuntimeException e) {
            if (waylandClient != null && !waylandClient.isClosed()) waylandClient.disconnect("Xwayland did not start");
            waylandClient = null;
            if (wmSocket != null) wmSocket.close();
            wmSocket = null;
            throw e;
        } finally { // the child's ends are its own now (or nobody's); ours that were not handed on go too
            for (OwnedFd[] pair : new OwnedFd[][] {wl, wm, ready}) {
                if (pair == null) continue;
                for (OwnedFd fd : pair) if (fd != null) fd.close();
            }
        }
    }

    /** Xwayland writes the display number and a newline when it accepts clients: then the window manager connects. */
    private void readyReadable() throws OsException {
        int n = Descriptors.readNonBlocking(readyPipe, readyBuffer, readyBuffer.capacity());
        if (n < 0) return;
        if (n == 0) {
            closeReadyPipe();
            if (xwm == null) LOG.warn("Xwayland closed its -displayfd pipe without saying it is ready");
            return;
        }
        for (int i = 0; i < n; i++) readyText.append((char) readyBuffer.buffer().get(i));
        if (readyText.indexOf("\n") < 0 || xwm != null) return;
        closeReadyPipe();
        LOG.info("Xwayland is ready on {}", sockets.name());
        OwnedFd socket = wmSocket;
        wmSocket = null;
        xwm = new Xwm(socket, loop, scene, seat, waylandClient, selections, this::windowManagerLost);
    }

    private void closeReadyPipe() {
        if (readyWatch != null) readyWatch.remove();
        readyWatch = null;
        if (readyPipe != null) readyPipe.close();
        readyPipe = null;
    }

    /**
     * Our end of the -wm connection closed (Xwayland went, or sent what we cannot read): an
     * Xwayland without its window manager shows nothing, so it is ended and, as after a crash,
     * the next X client starts a new one.
     */
    private void windowManagerLost() {
        xwm = null;
        if (xwayland == null || closed) return;
        LOG.warn("the X11 window manager's connection ended: ending Xwayland (pid {})", xwayland.pid());
        try {
            Processes.signalGroup(xwayland.pid(), Processes.SIGTERM);
        } catch (OsException e) {
            LOG.warn("cannot end Xwayland: {}", e.getMessage());
        }
    }

    /** Xwayland's process ended: everything that was its goes, and the display waits for the next client. */
    private void ended(ChildProcesses.Child child, int status) {
        LOG.warn("Xwayland (pid {}) {}; the display {} stays, and the next X client starts it again", child.pid(), Processes.describeStatus(status), sockets.name());
        tearDown();
        boolean quick = System.nanoTime() - startedAt < QUICK_FAILURE_NANOS;
        quickFailures = quick ? quickFailures + 1 : 0;
        if (quickFailures >= MAX_QUICK_FAILURES) {
            LOG.error("Xwayland ended within {} s of starting {} times in a row: not starting it again", QUICK_FAILURE_NANOS / 1_000_000_000L, quickFailures);
            return;
        }
        try {
            watchSockets();
        } catch (OsException e) {
            LOG.error("cannot watch the X display's sockets: {}", e.getMessage());
        }
    }

    private void failed() {
        tearDown();
        if (++quickFailures < MAX_QUICK_FAILURES) {
            try {
                watchSockets();
            } catch (OsException e) {
                LOG.error("cannot watch the X display's sockets: {}", e.getMessage());
            }
        }
    }

    private void tearDown() {
        if (xwm != null) xwm.close();
        xwm = null;
        closeReadyPipe();
        if (wmSocket != null) wmSocket.close();
        wmSocket = null;
        if (waylandClient != null && !waylandClient.isClosed()) waylandClient.disconnect("Xwayland ended");
        waylandClient = null;
        xwayland = null;
    }

    /** Whether an Xwayland process is running (for tests and the log). */
    boolean running() {
        return xwayland != null;
    }

    /** How many times Xwayland was started. */
    int starts() {
        return starts;
    }

    Xwm windowManager() {
        return xwm;
    }

    @Override
    public void close() {
        closed = true;
        unwatchSockets();
        if (xwm != null) xwm.close();
        xwm = null;
        closeReadyPipe();
        if (wmSocket != null) wmSocket.close();
        children.close(); // Xwayland gets SIGTERM, then SIGKILL after the grace period
        sockets.close();
    }
}
