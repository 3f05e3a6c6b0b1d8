package javawc.client;

import javawc.client.protocol.WlCallback;
import javawc.client.protocol.WlDisplay;
import javawc.os.LibC;
import javawc.os.NativeBuffer;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.os.UnixSockets;
import javawc.wire.Connection;
import javawc.wire.InterfaceSpec;
import javawc.wire.MessageSpec;
import javawc.wire.ObjectMap;
import javawc.wire.WireFormatException;
import javawc.wire.WireObject;
import javawc.wire.WireTrace;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A client's connection to a compositor (our libwayland-client): object ids, request
 * encoding, event dispatch, roundtrips. Single-threaded: use it from one thread.
 */
public final class Display implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(Display.class);
    private static final int POLLIN = 1, POLLOUT = 4;

    private final ObjectMap<WireObject> objects = new ObjectMap<>();
    private final Connection connection;
    private final WlDisplay display;
    private final NativeBuffer pollFd = new NativeBuffer(8);
    private ProtocolErrorException error;
    private IOException failure;

    /** A destroyed proxy whose id the server has not released yet; its events are dropped. */
    private static final class Zombie extends WireObject {
        Zombie(InterfaceSpec spec, int version, int id) {
            super(spec, version);
            assignId(id);
        }
    }

    private Display(OwnedFd socket) {
        connection = new Connection(socket, objects, Integer.MAX_VALUE, Connection.DEFAULT_FD_LIMIT);
        display = new WlDisplay(this, 1);
        insertClientObject(display);
        display.setListener(new WlDisplay.Listener() {
            @Override
            public void error(WlDisplay self, javawc.client.Proxy objectId, int code, String message) {
                String name = objectId == null ? "[unknown]" : objectId.toString();
                error = new ProtocolErrorException(name, code, message);
                LOG.debug("protocol error: {}", error.getMessage());
            }

            @Override
            public void deleteId(WlDisplay self, int id) {
                objects.remove(id); // a zombie's id, or one the server destroyed: free for reuse
            }
        });
    }

    /** Connects to $WAYLAND_DISPLAY (default wayland-0) in $XDG_RUNTIME_DIR, or an absolute path. */
    public static Display connect() throws IOException {
        String name = System.getenv().getOrDefault("WAYLAND_DISPLAY", "wayland-0");
        return connect(name);
    }

    public static Display connect(String name) throws IOException {
        Path path = Path.of(name);
        if (!path.isAbsolute()) {
            String runtime = System.getenv("XDG_RUNTIME_DIR");
            if (runtime == null) throw new IOException("XDG_RUNTIME_DIR is not set");
            path = Path.of(runtime).resolve(name);
        }
        return new Display(UnixSockets.connect(path));
    }

    /** Uses an already connected socket (ours to close). */
    public static Display fromSocket(OwnedFd socket) {
        return new Display(socket);
    }

    public WlDisplay wlDisplay() {
        return display;
    }

    Connection connection() {
        return connection;
    }

    /** The protocol error the server reported, if any. */
    public ProtocolErrorException protocolError() {
        return error;
    }

    // ---- ids ----

    void insertClientObject(Proxy p) {
        p.setId(objects.allocate(false, p));
    }

    void insertServerObject(Proxy p, int id) {
        if (Integer.compareUnsigned(id, ObjectMap.SERVER_ID_START) < 0 || !objects.insertAt(id, p)) {
            throw new WireFormatException(WireFormatException.INVALID_OBJECT, "server sent bad new id " + Integer.toUnsignedString(id));
        }
        p.setId(id);
    }

    void zombify(Proxy p) {
        if (objects.get(p.id()) != p) return;
        if (Integer.compareUnsigned(p.id(), ObjectMap.SERVER_ID_START) >= 0) objects.remove(p.id());
        else objects.replace(p.id(), new Zombie(p.spec(), p.version(), p.id()));
    }

    void requestWritten(Proxy target, int opcode, int messageStart) {
        if (WireTrace.clientEnabled()) {
            var out = connection.outputBuffer();
            int size = out.getInt(messageStart + 4) >>> 16;
            WireTrace.log(true, target, target.spec().requests()[opcode], out, messageStart + 8, messageStart + size,
                    this::objectName, i -> connection.outputFdAt(messageStart, i));
        }
    }

    private String objectName(int id) {
        WireObject o = objects.get(id);
        return o == null ? null : o.toString();
    }

    // ---- I/O ----

    private void checkAlive() throws IOException {
        if (error != null) throw error;
        if (failure != null) throw failure;
    }

    private boolean await(int events, int timeoutMs) throws OsException {
        pollFd.buffer().putInt(0, connection.socket().get()).putShort(4, (short) events).putShort(6, (short) 0);
        while (true) {
            int n = LibC.poll(pollFd.address(), 1, timeoutMs);
            if (n >= 0) return n > 0;
            if (LibC.errno() != LibC.EINTR) throw OsException.last("poll");
        }
    }

    /** Sends every buffered request, waiting for socket space as needed. */
    public void flush() throws IOException {
        checkAlive();
        try {
            while (!connection.flush()) await(POLLOUT, -1);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    /** Dispatches events already received; returns how many. */
    public int dispatchPending() throws IOException {
        checkAlive();
        int n = 0;
        try {
            while (error == null && connection.nextMessage()) {
                dispatchOne();
                n++;
            }
        } catch (WireFormatException e) {
            failure = new IOException("bad event from the server: " + e.getMessage());
        }
        checkAlive();
        return n;
    }

    private void dispatchOne() {
        int id = connection.messageObject();
        int opcode = connection.messageOpcode();
        WireObject target = objects.get(id);
        if (target == null) throw new WireFormatException(WireFormatException.INVALID_OBJECT, "event for unknown object " + Integer.toUnsignedString(id));
        MessageSpec[] events = target.spec().events();
        if (opcode >= events.length) throw WireFormatException.malformed("unknown event " + opcode + " for " + target);
        if (WireTrace.clientEnabled()) {
            WireTrace.log(false, target, events[opcode], connection.inputBuffer(), connection.messageArgsStart(), connection.messageArgsEnd(),
                    this::objectName, i -> connection.receivedFds().peek(i));
        }
        if (target instanceof Proxy p) {
            p.dispatch(opcode, connection.reader());
        } else {
            // an event for a zombie: drop it, and the fds it carries
            for (int i = 0; i < events[opcode].fdCount(); i++) {
                OwnedFd fd = connection.receivedFds().take();
                if (fd != null) fd.close();
            }
        }
        connection.consumeMessage();
    }

    /**
     * Flushes, waits up to {@code timeoutMs} (-1 forever) for events if none are pending, and
     * dispatches them. Returns the number dispatched (0 on timeout).
     */
    public int dispatch(int timeoutMs) throws IOException {
        flush();
        int n = dispatchPending();
        if (n > 0) return n;
        if (!await(POLLIN, timeoutMs)) return 0;
        try {
            long read = connection.fill();
            if (read == 0) failure = new IOException("the compositor closed the connection");
        } catch (IOException e) {
            failure = e;
        }
        n = dispatchPending();
        checkAlive();
        return n;
    }

    public int dispatch() throws IOException {
        return dispatch(-1);
    }

    /** Sends wl_display.sync and dispatches until its callback is done. */
    public void roundtrip() throws IOException {
        boolean[] done = {false};
        WlCallback cb = display.sync();
        cb.setListener(new WlCallback.Listener() {
            @Override
            public void done(WlCallback self, int data) {
                done[0] = true;
            }
        });
        while (!done[0]) dispatch();
    }

    @Override
    public void close() {
        connection.close();
    }
}
