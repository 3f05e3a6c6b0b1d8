package javawc.compositor.conformance;

import javawc.compositor.Compositor;
import javawc.compositor.Options;
import javawc.compositor.ProtocolContext;
import javawc.compositor.config.Config;
import javawc.compositor.core.Surface;
import javawc.compositor.input.ControlCommands;
import javawc.compositor.scene.SceneWindow;
import javawc.os.Epoll;
import javawc.os.FdQueue;
import javawc.os.NativeBuffer;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.os.SocketIo;
import javawc.server.Client;
import javawc.server.EventLoop;
import javawc.server.Global;
import javawc.server.Resource;
import javawc.server.protocol.WlSurface;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compositor process behind the Wayland Conformance Test Suite (wlcs). wlcs loads our shim
 * (compositor/src/wlcs/javawc_wlcs.cpp), which starts this JVM once and drives it over one
 * SOCK_SEQPACKET socket inherited as fd {@code $JAVAWC_WLCS_FD}: one request a packet, one reply
 * a packet ({@code ok ...} or {@code error WHY}), sent only after the request was carried out and
 * every client's events were flushed, so what the shim does next sees its effects.
 *
 * <p>Each test gets a fresh compositor (headless, one square output of {@value #OUTPUT_SIZE}
 * pixels a side, software renderer, its own event loop): the {@code start} request builds one,
 * {@code stop} closes it with all its clients, so no state can leak from one test into the
 * next. Requests:
 * <pre>
 * start                        a fresh compositor; replies "ok"
 * globals                      "ok" then one "INTERFACE VERSION" line per global offered
 * client                       (one fd attached: the server end of a socketpair) serves it;
 *                              replies "ok ID"
 * position ID SURFACE X Y      moves the window whose root surface is object SURFACE of client
 *                              ID so its window geometry's top-left is at global (X, Y)
 * stop                         closes the compositor; replies "ok" once it is gone
 * anything else                a control command (pointer-motion, pointer-button, touch-down...)
 *                              run as the test channel runs it ({@link ControlCommands})
 * </pre>
 * The JVM exits when the shim's end of the socket closes (wlcs finished or died).
 */
public final class WlcsHost {
    private static final Logger LOG = LogManager.getLogger(WlcsHost.class);
    private static final int MAX_PACKET = 4096;
    private static final int[] NO_FDS = {};
    /**
     * The side of the one square output. wlcs puts windows at fixed global positions, with no
     * look at the output (its popup tests move a 400x500 parent to (500, 500) and wait for the
     * frame callback of a popup as low as y = 1020), while wl_surface.frame says a compositor
     * should not signal frame callbacks of a surface that is off-screen, and ours does not: on
     * the 1280x720 default those tests wait forever. 1600x1600 holds every such position, and
     * is the output of Mir's test platform, the compositor wlcs is written against.
     */
    private static final int OUTPUT_SIZE = 1600;

    private final OwnedFd control;
    private final SocketIo io = new SocketIo();
    private final NativeBuffer packet = new NativeBuffer(MAX_PACKET);
    private final FdQueue fds = new FdQueue(4);
    private final Options options;
    /** wlcs before 1.7 commits its xdg windows' first buffer before acking (scripts/conformance sets this). */
    private final boolean bufferBeforeFirstAck = "1".equals(System.getenv("JAVAWC_WLCS_XDG_BUFFER_BEFORE_ACK"));
    private final Map<Integer, Client> clients = new HashMap<>();
    private EventLoop loop;
    private Compositor compositor;
    private ControlCommands commands;
    private int nextClientId;
    private boolean stopRequested, shimGone;

    private WlcsHost(OwnedFd control, Options options) {
        this.control = control;
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        String fd = System.getenv("JAVAWC_WLCS_FD");
        if (fd == null) {
            System.err.println("WlcsHost runs under the wlcs shim, which sets JAVAWC_WLCS_FD (see scripts/conformance)");
            System.exit(2);
        }
        Options options = Options.parse(List.of("--backend", "headless", "--renderer", "software", "--input", "none", "--xwayland", "off",
                "--width", Integer.toString(OUTPUT_SIZE), "--height", Integer.toString(OUTPUT_SIZE)));
        new WlcsHost(new OwnedFd(Integer.parseInt(fd)), options).run();
        System.exit(0);
    }

    /** One event loop per test: it runs from "start" to "stop"; between tests requests are served here. */
    private void run() throws IOException {
        while (!shimGone) {
            loop = new EventLoop();
            try {
                EventLoop.Source source = loop.add(control.get(), Epoll.IN, events -> readRequests());
                stopRequested = false;
                while (!stopRequested && !shimGone) loop.dispatch(-1);
                source.remove();
                closeCompositor();
            } finally {
                loop.close();
            }
            if (stopRequested) reply("ok");
        }
    }

    private void readRequests() {
        while (!stopRequested && !shimGone) {
            long n;
            try {
                n = io.receive(control.get(), packet.address(), MAX_PACKET, fds);
            } catch (IOException e) {
                LOG.error("wlcs control socket: {}", e.getMessage());
                shimGone = true;
                return;
            }
            if (n == SocketIo.WOULD_BLOCK) return;
            if (n == 0) {
                shimGone = true;
                return;
            }
            byte[] bytes = new byte[(int) n];
            packet.buffer().get(0, bytes);
            String request = new String(bytes, StandardCharsets.UTF_8);
            String answer;
            try {
                // the clients' requests sent before this one are carried out first
                if (compositor != null) compositor.server().readPendingInput();
                answer = handle(request);
            } catch (IOException | RuntimeException e) {
                LOG.error("wlcs request '{}' failed", request, e);
                answer = "error " + e;
            } finally {
                while (fds.size() > 0) fds.take().close(); // any fd a request did not take
            }
            if (answer == null) return; // "stop": answered once the compositor is gone
            if (compositor != null) compositor.server().flushClients();
            reply(answer);
        }
    }

    private String handle(String request) throws IOException {
        String[] w = request.strip().split("\\s+");
        switch (w[0]) {
            case "start" -> {
                closeCompositor();
                compositor = new Compositor(loop, options, Config.none(), new ProtocolContext.Policy(bufferBeforeFirstAck, true));
                commands = new ControlCommands(compositor.seat(), compositor.scene());
                return "ok";
            }
            case "stop" -> {
                stopRequested = true;
                return null;
            }
        }
        if (compositor == null) return "error no compositor is running (start first)";
        switch (w[0]) {
            case "globals" -> {
                StringBuilder out = new StringBuilder("ok");
                for (Global g : compositor.server().globals().list()) out.append('\n').append(g.interfaceName()).append(' ').append(g.version());
                return out.toString();
            }
            case "client" -> {
                if (fds.size() != 1) return "error 'client' needs exactly one fd attached";
                Client client = compositor.server().addClient(fds.take());
                clients.put(++nextClientId, client);
                return "ok " + nextClientId;
            }
            case "position" -> {
                if (w.length != 5) return "error usage: position CLIENT SURFACE X Y";
                return position(Integer.parseInt(w[1]), Integer.parseInt(w[2]), Integer.parseInt(w[3]), Integer.parseInt(w[4]));
            }
            default -> {
                String answer = commands.execute(request);
                return answer.endsWith("ok\n") ? "ok" : answer.strip();
            }
        }
    }

    private String position(int clientId, int surfaceId, int x, int y) {
        Client client = clients.get(clientId);
        if (client == null || client.isClosed()) return "error client " + clientId + " is not connected";
        Resource r = client.object(surfaceId);
        if (!(r instanceof WlSurface resource)) return "error object " + surfaceId + " of client " + clientId + " is not a wl_surface";
        Surface surface = Surface.of(resource);
        SceneWindow w = compositor.scene().windowOf(surface); // a toplevel, or a layer surface wlcs stacks over another
        if (w == null) return "error surface " + surfaceId + " of client " + clientId + " is not a shown window";
        // wlcs places windows as the user sees them: by the window geometry's corner
        if (!w.moveTo(x, y)) return "error the window of surface " + surfaceId + " cannot be moved (not shown, maximized or fullscreen)";
        return "ok";
    }

    private void closeCompositor() {
        if (compositor == null) return;
        compositor.close();
        compositor = null;
        commands = null;
        clients.clear();
    }

    private void reply(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        packet.buffer().put(0, bytes);
        try {
            // the shim waits for this reply, so the socket has room: a blocking wait is never needed
            if (io.send(control.get(), packet.address(), bytes.length, NO_FDS, 0) != bytes.length) {
                LOG.error("wlcs control socket: reply not sent");
                shimGone = true;
            }
        } catch (OsException e) {
            LOG.error("wlcs control socket: {}", e.getMessage());
            shimGone = true;
        }
    }
}
