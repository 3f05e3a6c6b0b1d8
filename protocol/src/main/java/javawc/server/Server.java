package javawc.server;

import javawc.os.Epoll;
import javawc.os.NativeBuffer;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.os.Processes;
import javawc.os.UnixSockets;
import javawc.server.protocol.WlCallback;
import javawc.server.protocol.WlDisplay;
import javawc.server.protocol.WlRegistry;
import javawc.wire.Connection;
import javawc.wire.ConnectionBuffers;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Wayland server: accepts connections, owns the clients and the global registry, and
 * flushes client output once per event-loop turn. Implements wl_display's requests.
 */
public final class Server implements WlDisplay.Handler, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(Server.class);

    private final EventLoop loop;
    private final GlobalRegistry globals = new GlobalRegistry();
    private final Map<Client, EventLoop.Source> clients = new IdentityHashMap<>();
    private final List<Client> toFlush = new ArrayList<>();
    private final List<Client> flushing = new ArrayList<>();
    private final List<EventLoop.Source> listeners = new ArrayList<>();
    private final List<Runnable> beforeFlush = new ArrayList<>();
    private final int outputLimit = Connection.DEFAULT_OUTPUT_LIMIT;
    /** The clients' I/O buffers, reused from one client to the next (64 idle ones are 1 MiB). */
    private final ConnectionBuffers connectionBuffers = new ConnectionBuffers(64);
    private final NativeBuffer credentialsScratch = new NativeBuffer(UnixSockets.PEER_CREDENTIALS_SCRATCH);
    private int serial;
    private int clientSerial;

    public Server(EventLoop loop) {
        this.loop = loop;
        loop.beforeSleep(this::flushClients);
    }

    public EventLoop loop() {
        return loop;
    }

    public GlobalRegistry globals() {
        return globals;
    }

    /** The next event serial (input, configure, sync...). */
    public int nextSerial() {
        return ++serial;
    }

    /** Whether {@code eventSerial} was handed out already (serials wrap: compared by difference). */
    public boolean serialIssued(int eventSerial) {
        return eventSerial - serial <= 0;
    }

    ConnectionBuffers connectionBuffers() {
        return connectionBuffers;
    }

    WlDisplay.Handler displayHandler() {
        return this;
    }

    /** Accepts clients from a listening socket (which stays owned by the caller). */
    public void listen(OwnedFd listener) throws OsException {
        listeners.add(loop.add(listener.get(), Epoll.IN, events -> acceptOne(listener)));
    }

    /**
     * One connection per wake-up, as libwayland accepts: the listener is level-triggered, so a
     * backlog wakes us again, and a client that connects alone costs no accept4 that finds
     * nothing (EAGAIN) after it.
     */
    private void acceptOne(OwnedFd listener) {
        OwnedFd fd;
        try {
            fd = UnixSockets.accept(listener); // non-blocking and close-on-exec already
        } catch (OsException e) {
            LOG.warn("accept failed: {}", e.getMessage()); // e.g. EMFILE: try again on the next wakeup
            return;
        }
        if (fd == null) return;
        try {
            serve(fd);
        } catch (OsException e) {
            LOG.warn("cannot serve a new client: {}", e.getMessage());
        }
    }

    /** Serves a client on an already connected socket (ours to close), made non-blocking here. */
    public Client addClient(OwnedFd socket) throws OsException {
        try {
            UnixSockets.setNonBlocking(socket, true);
        } catch (OsException | RuntimeException e) {
            socket.close();
            throw e;
        }
        return serve(socket);
    }

    /** Serves a client on a connected, non-blocking socket (ours to close). */
    private Client serve(OwnedFd socket) throws OsException {
        Client client;
        try {
            int pid = UnixSockets.peerPid(socket, credentialsScratch); // 0 when the peer is in another pid namespace
            // the command name is a /proc read: only now when it is logged now, else when first asked for
            client = new Client(this, socket, ++clientSerial, outputLimit, pid, LOG.isDebugEnabled() ? Processes.commandName(pid) : null);
            clients.put(client, loop.add(socket.get(), Epoll.IN, events -> clientReady(client, events)));
        } catch (OsException | RuntimeException e) {
            socket.close();
            throw e;
        }
        // debug, as libwayland's servers do: a line per client was a good part of a connection's cost
        if (LOG.isDebugEnabled()) LOG.debug("client {} connected: pid {} ({})", client.serial(), client.pid(), client.command());
        return client;
    }

    private void clientReady(Client client, int events) {
        if ((events & Epoll.OUT) != 0) scheduleFlush(client);
        if ((events & (Epoll.IN | Epoll.HUP | Epoll.ERR)) != 0) client.readable();
    }

    /**
     * Reads and dispatches everything the clients have sent so far, without waiting. For a
     * driver outside the clients (the conformance suite's host) whose request must see the
     * requests a client sent before it, whichever the event loop would have read first.
     */
    public void readPendingInput() {
        for (Client c : List.copyOf(clients.keySet())) {
            while (c.readOnce() && !c.isClosed()) {
                // until the socket is drained
            }
        }
    }

    public int clientCount() {
        return clients.size();
    }

    public List<Client> clients() {
        return List.copyOf(clients.keySet());
    }

    void scheduleFlush(Client client) {
        if (client.flushScheduled) return;
        client.flushScheduled = true;
        toFlush.add(client);
    }

    /**
     * Runs {@code hook} once per event-loop turn just before client output is flushed: for work
     * that turns a whole turn's changes into events at once (the pointer's re-pick after the
     * scene changed), so those events leave in the same turn.
     */
    public void beforeFlush(Runnable hook) {
        beforeFlush.add(hook);
    }

    /** Sends every client's pending events; drops clients that erred once their error is out. */
    public void flushClients() {
        for (int i = 0; i < beforeFlush.size(); i++) beforeFlush.get(i).run(); // indexed: no iterator per turn
        if (toFlush.isEmpty()) return;
        for (int i = 0; i < toFlush.size(); i++) flushing.add(toFlush.get(i)); // addAll would copy toFlush into a new array every turn
        toFlush.clear();
        for (int i = 0; i < flushing.size(); i++) { // indexed: no iterator per turn
            Client c = flushing.get(i);
            c.flushScheduled = false;
            boolean done = c.flush();
            if (c.isClosed()) continue;
            if (c.errored()) {
                c.disconnect("protocol error");
                continue;
            }
            if (c.pollingOut == !done) continue;
            try {
                // wait for room in the socket only while something is waiting to go
                clients.get(c).setEvents(done ? Epoll.IN : Epoll.IN | Epoll.OUT);
                c.pollingOut = !done;
            } catch (OsException e) {
                c.disconnect("epoll: " + e.getMessage());
            }
        }
        flushing.clear();
    }

    void clientClosed(Client client) {
        EventLoop.Source s = clients.remove(client);
        if (s != null) s.remove();
        if (client.flushScheduled) toFlush.remove(client);
    }

    // ---- wl_display ----

    @Override
    public void sync(WlDisplay self, WlCallback callback) {
        callback.sendDone(nextSerial());
    }

    @Override
    public void getRegistry(WlDisplay self, WlRegistry registry) {
        globals.attach(registry);
    }

    @Override
    public void close() {
        for (Client c : clients()) c.disconnect(Client.SERVER_SHUTTING_DOWN);
        for (EventLoop.Source s : listeners) s.remove();
        listeners.clear();
    }
}
