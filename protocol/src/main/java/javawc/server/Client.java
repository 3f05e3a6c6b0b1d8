package javawc.server;

import javawc.os.OsException;
import javawc.os.Processes;
import javawc.os.OwnedFd;
import javawc.os.SocketIo;
import javawc.server.protocol.WlDisplay;
import javawc.wire.Connection;
import javawc.wire.MessageSpec;
import javawc.wire.ObjectMap;
import javawc.wire.WireFormatException;
import javawc.wire.WireTrace;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;

/**
 * One connected client: its connection, its objects, and the request loop. Requests are
 * dispatched to generated resources as soon as whole messages are here. Any protocol
 * violation goes through {@link #postError}: wl_display.error is sent, the client is no
 * longer dispatched, and it is disconnected once that error is flushed. Nobody else is touched.
 */
public final class Client {
    private static final Logger LOG = LogManager.getLogger(Client.class);
    /** The ordinary ends of a connection, logged at debug level; any other reason is worth an info line. */
    static final String CLOSED_BY_CLIENT = "client closed the connection", SERVER_SHUTTING_DOWN = "server shutting down";

    /** Characters of an error message kept: at most 3 UTF-8 bytes each, well inside a 4096-byte message. */
    private static final int MAX_ERROR_CHARS = 1000;

    private final Server server;
    private final ObjectMap<Resource> objects = new ObjectMap<>();
    private final Connection connection;
    private final WlDisplay display;
    private final int serial;
    private final int outputLimit;
    private final int pid;
    private String command; // null until asked for
    private Object policyNote; // see policyNote()
    private boolean errored, closed;
    boolean flushScheduled, pollingOut; // Server's bookkeeping

    Client(Server server, OwnedFd socket, int serial, int outputLimit, int pid, String command) {
        this.server = server;
        this.pid = pid;
        this.command = command;
        this.serial = serial;
        this.outputLimit = outputLimit;
        this.connection = new Connection(socket, objects, outputLimit, Connection.DEFAULT_FD_LIMIT, server.connectionBuffers());
        this.display = new WlDisplay(this, 1);
        objects.insertAt(1, display);
        assign(display, 1);
        display.setHandler(server.displayHandler());
    }

    public Server server() {
        return server;
    }

    public WlDisplay display() {
        return display;
    }

    Connection connection() {
        return connection;
    }

    public boolean isClosed() {
        return closed;
    }

    /** How many objects this client has; for leak checks and logs. */
    public int objectCount() {
        return objects.size();
    }

    public Resource object(int id) {
        return objects.get(id);
    }

    // ---- object table ----

    void insertClientObject(Resource created, int id) {
        if (Integer.compareUnsigned(id, ObjectMap.CLIENT_ID_MAX) > 0 || !objects.insertAt(id, created)) {
            throw new WireFormatException(WireFormatException.INVALID_OBJECT, "invalid new id " + Integer.toUnsignedString(id));
        }
        assign(created, id);
        if (objects.size() > ClientLimits.MAX_OBJECTS) throw ClientLimits.tooManyObjects();
    }

    void insertServerObject(Resource created) {
        assign(created, objects.allocate(true, created));
        if (objects.size() > ClientLimits.MAX_OBJECTS) postError(display, WlDisplay.Error.NO_MEMORY, ClientLimits.tooManyObjects().getMessage());
    }

    private static void assign(Resource r, int id) {
        r.assignIdFromClient(id);
    }

    void removeResource(Resource r) {
        if (objects.get(r.id()) != r) return;
        objects.remove(r.id());
        // ids the client allocated come back to it only through delete_id
        if (Integer.compareUnsigned(r.id(), ObjectMap.SERVER_ID_START) < 0 && !closed) display.sendDeleteId(r.id());
    }

    // ---- input ----

    /** The socket is readable: one read, then every complete message. */
    void readable() {
        readOnce();
    }

    /** One read and its complete messages; true if bytes came and the client is still served. */
    boolean readOnce() {
        if (closed) return false;
        long n;
        try {
            n = connection.fill();
        } catch (SocketIo.FdOverflowException e) {
            postError(display, WlDisplay.Error.INVALID_METHOD, e.getMessage());
            return false;
        } catch (IOException e) {
            disconnect("read failed: " + e.getMessage());
            return false;
        }
        if (n < 0) return false;
        dispatchAll();
        if (n == 0 && !errored) {
            if (connection.pendingInput() > 0) {
                postError(display, WlDisplay.Error.INVALID_METHOD, "connection closed inside a message (" + connection.pendingInput() + " bytes of a truncated message)");
            } else {
                disconnect(CLOSED_BY_CLIENT);
            }
        } else if (n == 0 && !closed) {
            disconnect("client closed the connection after a protocol error"); // its hang-up would otherwise wake epoll every turn
        }
        return n > 0 && !errored && !closed;
    }

    private void dispatchAll() {
        while (!errored && !closed) {
            Resource target = null;
            int opcode = -1;
            try {
                if (!connection.nextMessage()) return;
                int id = connection.messageObject();
                opcode = connection.messageOpcode();
                target = objects.get(id);
                if (target == null) {
                    throw new WireFormatException(WireFormatException.INVALID_OBJECT, "invalid object " + Integer.toUnsignedString(id));
                }
                MessageSpec[] requests = target.spec().requests();
                if (opcode >= requests.length) {
                    throw WireFormatException.malformed("invalid method " + opcode + ", object " + target);
                }
                MessageSpec request = requests[opcode];
                if (request.since() > target.version()) {
                    throw WireFormatException.malformed("invalid method " + opcode + " (since " + request.since() + " > " + target.version() + "), object " + target);
                }
                if (WireTrace.serverEnabled()) traceReceived(target, request);
                target.dispatch(opcode, connection.reader());
                connection.consumeMessage();
            } catch (WireFormatException e) {
                String where = target != null && opcode >= 0 && opcode < target.spec().requests().length
                        ? target + "." + target.spec().requests()[opcode].name() + ": " : "";
                postError(display, e.displayError(), where + e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("internal error while handling a request of client {} on {}", serial, target, e);
                postError(display, WlDisplay.Error.IMPLEMENTATION, "internal compositor error");
            }
        }
    }

    private void traceReceived(Resource target, MessageSpec request) {
        WireTrace.log(false, target, request, connection.inputBuffer(), connection.messageArgsStart(), connection.messageArgsEnd(),
                this::objectName, i -> connection.receivedFds().peek(i));
    }

    void eventWritten(Resource target, int opcode, int messageStart) {
        if (WireTrace.serverEnabled() && !connection.overflowed()) {
            MessageSpec event = target.spec().events()[opcode];
            var out = connection.outputBuffer();
            int size = out.getInt(messageStart + 4) >>> 16;
            WireTrace.log(true, target, event, out, messageStart + 8, messageStart + size, this::objectName,
                    i -> connection.outputFdAt(messageStart, i));
        }
        server.scheduleFlush(this);
    }

    private String objectName(int id) {
        Resource r = objects.get(id);
        return r == null ? null : r.toString();
    }

    // ---- errors and lifetime ----

    /** Sends wl_display.error about {@code object}, stops dispatching, and drops the client after the flush. */
    public void postError(Resource object, int code, String message) {
        if (errored || closed) return;
        errored = true;
        message = fitErrorMessage(message);
        LOG.warn("client {}: protocol error on {} (code {}): {}", serial, object, code, message);
        display.sendError(object, code, message);
        server.scheduleFlush(this);
    }

    /**
     * The message as a wire string can carry it: our messages quote what the client sent (an
     * interface name, a mime type), which may hold a NUL or be near the 4096-byte limit of a
     * whole message; unfitted, encoding the error itself would throw.
     */
    static String fitErrorMessage(String message) {
        String text = message.indexOf('\0') >= 0 ? message.replace('\0', '?') : message;
        if (text.length() <= MAX_ERROR_CHARS) return text;
        return text.substring(0, MAX_ERROR_CHARS) + "...";
    }

    boolean errored() {
        return errored;
    }

    /** Sends what is buffered; true when all of it went. */
    boolean flush() {
        if (closed) return true;
        if (connection.overflowed()) {
            LOG.warn("{}: dropped, more than {} KiB of events waiting: the client is not reading", this, outputLimit / 1024);
            disconnect("output overflow");
            return true;
        }
        try {
            return connection.flush();
        } catch (OsException e) {
            disconnect("write failed: " + e.getMessage());
            return true;
        }
    }

    /** Destroys every object and closes the connection, and every fd queued on it. */
    public void disconnect(String why) {
        if (closed) return;
        closed = true;
        if (why.equals(CLOSED_BY_CLIENT) || why.equals(SERVER_SHUTTING_DOWN)) {
            if (LOG.isDebugEnabled()) LOG.debug("client {} disconnected (pid {}, {}): {}", serial, pid, command(), why);
        } else {
            LOG.info("client {} disconnected (pid {}, {}): {}", serial, pid, command(), why);
        }
        objects.forEach(Resource::destroyWithClient);
        server.clientClosed(this);
        connection.close();
    }

    int serial() {
        return serial;
    }

    /** The pid of the process that connected (SO_PEERCRED), 0 if unknown. */
    public int pid() {
        return pid;
    }

    /** Its command name (/proc/PID/comm), read the first time it is asked for ("?" if the process is gone by then). */
    public String command() {
        if (command == null) command = Processes.commandName(pid);
        return command;
    }

    /**
     * What the compositor's policy decided about this client, kept with it (the privilege check's
     * verdict on its process): asked once per client rather than once per privileged global, and
     * gone with the client, where a map beside it would need a weak reference per client.
     * Loop thread only.
     */
    public Object policyNote() {
        return policyNote;
    }

    public void setPolicyNote(Object note) {
        this.policyNote = note;
    }

    @Override
    public String toString() {
        return "client " + serial;
    }
}
