package javawc.compositor.xwayland.x11;

import javawc.os.Epoll;
import javawc.os.LibC;
import javawc.os.NativeBuffer;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.os.UnixSockets;
import javawc.server.EventLoop;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;

/**
 * An X11 client connection on the event loop, as our Wayland connections are: a non-blocking
 * socket, requests encoded into an output buffer flushed before the loop sleeps (or when the
 * socket takes more), input read as it comes and cut into messages however the reads split
 * them. Each request gets the next sequence number; replies and errors are matched to the
 * request that asked by it (the wire carries its low 16 bits, widened here against the
 * requests still waiting), events go to the {@link Listener}. A malformed message or a
 * handler's failure is logged and dropped; the connection closes only when the peer does, or
 * sends what cannot be framed.
 */
public final class X11Connection implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(X11Connection.class);
    /** The largest reply taken: GetProperty asks for bounded amounts, so bigger is a broken peer. */
    private static final int MAX_MESSAGE = 32 << 20;
    /** Output beyond this means the server stopped reading: the connection is dropped rather than grow without end. */
    private static final int MAX_OUTPUT = 64 << 20;

    public interface Listener {
        /** The setup was accepted: requests may be sent. */
        void connected(X11Setup setup);

        /** An event (the message is only valid during the call). */
        void event(X11Message event);

        /** An error for a request that had no handler of its own. */
        default void error(X11Error error) {
            LOG.warn("X11 error: {}", error);
        }

        /** The connection ended (the server went away, or sent what cannot be understood). */
        void closed(String why);
    }

    /** What a request that expects a reply is told: the reply, or the error instead. */
    public interface ReplyHandler {
        void reply(X11Message reply);

        default void error(X11Error error) {
            LOG.warn("X11 request failed: {}", error);
        }
    }

    /** An X error: {@code code} (BadWindow 3, BadAtom 5, BadAccess 10...), the request's opcodes and sequence, the bad value. */
    public record X11Error(int code, int majorOpcode, int minorOpcode, int badValue, long sequence) {
        @Override
        public String toString() {
            return "error " + code + " on request " + majorOpcode + (minorOpcode != 0 ? "." + minorOpcode : "") + " (#" + sequence + "), value 0x" + Integer.toHexString(badValue);
        }
    }

    private record Pending(long sequence, ReplyHandler handler) {}

    private final OwnedFd socket;
    private final Listener listener;
    private final EventLoop.Source source;
    private final X11Message message = new X11Message();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final Requests requests = new Requests(this);
    private NativeBuffer in = new NativeBuffer(64 * 1024);
    private int inFill;
    private NativeBuffer out = new NativeBuffer(64 * 1024);
    private ByteBuffer o = out.buffer().order(ByteOrder.LITTLE_ENDIAN);
    private int outFill, requestStart = -1;
    private long sequence;          // of the last request sent
    private long lastSeen;          // the last sequence a message named
    private X11Setup setup;
    private boolean closed, wantsOut;

    /** Takes {@code socket} (connected to the X server, e.g. Xwayland's -wm socket) and sends the setup request. */
    public X11Connection(OwnedFd socket, EventLoop loop, Listener listener) throws OsException {
        this.socket = socket;
        this.listener = listener;
        UnixSockets.setNonBlocking(socket, true);
        o.put(0, (byte) 'l');           // little-endian, as every value here is written and read
        o.putShort(2, (short) 11);       // protocol 11.0
        o.putShort(4, (short) 0);
        o.putShort(6, (short) 0);        // no authorization: the -wm socket is the server's own client
        o.putShort(8, (short) 0);
        outFill = 12;
        source = loop.add(socket.get(), Epoll.IN, this::ready); // the owner flushes before each sleep (one hook for every connection it makes)
    }

    /** The requests this connection can send. */
    public Requests requests() {
        return requests;
    }

    public X11Setup setup() {
        return setup;
    }

    public boolean isClosed() {
        return closed;
    }

    // ---- requests ----

    /** Starts a request: {@code opcode}, the byte after it, and room for the length. Returns the buffer to write the body into. */
    ByteBuffer begin(int opcode, int data) {
        if (requestStart >= 0) throw new IllegalStateException("a request is already being written");
        ensureOut(4);
        requestStart = outFill;
        o.put(outFill, (byte) opcode);
        o.put(outFill + 1, (byte) data);
        outFill += 4;
        return o;
    }

    /** Room for {@code bytes} more of the request being written; its next free offset. */
    int reserve(int bytes) {
        ensureOut(bytes);
        int at = outFill;
        outFill += bytes;
        return at;
    }

    ByteBuffer out() {
        return o;
    }

    /** Ends the request (padded to 4 bytes, its length written); returns its sequence number. */
    long end(ReplyHandler handler) {
        while ((outFill - requestStart) % 4 != 0) o.put(reserve(1), (byte) 0);
        int words = (outFill - requestStart) / 4;
        if (words > 0xffff || setup != null && words > setup.maxRequestWords()) {
            outFill = requestStart; // never sent: a request the server would refuse whole
            requestStart = -1;
            throw new IllegalArgumentException("X11 request of " + words * 4 + " bytes is longer than the server takes");
        }
        o.putShort(requestStart + 2, (short) words);
        requestStart = -1;
        sequence++;
        if (handler != null) pending.add(new Pending(sequence, handler));
        if (outFill > MAX_OUTPUT) fail("the X server is not reading (" + outFill + " bytes waiting)");
        return sequence;
    }

    private void ensureOut(int bytes) {
        if (outFill + bytes <= out.capacity()) return;
        NativeBuffer bigger = new NativeBuffer(Math.max(out.capacity() * 2, outFill + bytes));
        bigger.buffer().put(0, out.buffer(), 0, outFill);
        out = bigger;
        o = out.buffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Sends what is buffered as far as the socket takes it; the rest waits for EPOLLOUT. */
    public void flush() {
        if (closed || outFill == 0 || requestStart >= 0) return;
        int sent = 0;
        while (sent < outFill) {
            long n = LibC.write(socket.get(), out.address() + sent, outFill - sent);
            if (n < 0) {
                int errno = LibC.errno();
                if (errno == LibC.EINTR) continue;
                if (errno == LibC.EAGAIN) break;
                fail("write: " + LibC.describe(errno));
                return;
            }
            sent += (int) n;
        }
        if (sent > 0) {
            o.put(0, o, sent, outFill - sent);
            outFill -= sent;
        }
        setWantsOut(outFill > 0);
    }

    private void setWantsOut(boolean on) {
        if (on == wantsOut || closed) return;
        wantsOut = on;
        try {
            source.setEvents(on ? Epoll.IN | Epoll.OUT : Epoll.IN);
        } catch (OsException e) {
            fail("epoll: " + e.getMessage());
        }
    }

    // ---- input ----

    private void ready(int events) {
        if ((events & Epoll.OUT) != 0) flush();
        if ((events & (Epoll.IN | Epoll.HUP | Epoll.ERR)) == 0) return;
        while (!closed) {
            if (inFill == in.capacity()) {
                fail("a message longer than " + in.capacity() + " bytes did not fit");
                return;
            }
            long n = LibC.read(socket.get(), in.address() + inFill, in.capacity() - inFill);
            if (n < 0) {
                int errno = LibC.errno();
                if (errno == LibC.EINTR) continue;
                if (errno == LibC.EAGAIN) break;
                fail("read: " + LibC.describe(errno));
                return;
            }
            if (n == 0) {
                fail("the X server closed the connection");
                return;
            }
            inFill += (int) n;
            parse();
        }
        flush(); // what the handlers asked for goes out now rather than after the next wakeup
    }

    /** Cuts the input into whole messages and hands each on; a partial one waits for the next read. */
    private void parse() {
        ByteBuffer b = in.buffer().order(ByteOrder.LITTLE_ENDIAN);
        int at = 0;
        while (!closed) {
            int available = inFill - at;
            int length;
            if (setup == null) {
                if (available < 8) break;
                length = 8 + 4 * (b.getShort(at + 6) & 0xffff);
            } else {
                if (available < 32) break;
                long claimed = b.get(at) == X11Message.REPLY ? 32 + 4 * (b.getInt(at + 4) & 0xffffffffL) : 32; // unsigned, and in longs: no overflow
                if (claimed > MAX_MESSAGE) {
                    fail("a reply claims " + claimed + " bytes: not an X server we understand");
                    return;
                }
                length = (int) claimed;
            }
            if (available < length) {
                if (length > in.capacity()) grow(length);
                break;
            }
            message.point(b, at, length);
            at += length;
            try {
                if (setup == null) setupReply();
                else dispatch();
            } catch (X11Message.MalformedMessageException e) {
                LOG.warn("X11: dropped a malformed message: {}", e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("X11: handling a message failed; dropped", e);
            }
        }
        if (closed) return;
        if (at > 0) { // the current buffer: grow() may have replaced the one parsed (it keeps every offset)
            ByteBuffer current = in.buffer();
            current.put(0, current, at, inFill - at);
            inFill -= at;
        }
    }

    private void grow(int length) {
        NativeBuffer bigger = new NativeBuffer(Math.max(length, in.capacity() * 2));
        bigger.buffer().put(0, in.buffer(), 0, inFill);
        in = bigger;
    }

    private void setupReply() {
        int status = message.u8(0);
        if (status != 1) {
            String reason = status == 0 ? message.latin1(8, Math.min(message.u8(1), message.length() - 8)) : "authorization needed";
            fail("the X server refused the connection: " + reason);
            return;
        }
        setup = X11Setup.parse(message);
        LOG.debug("X11 connected: root 0x{}, {}x{}", Integer.toHexString(setup.root()), setup.width(), setup.height());
        listener.connected(setup);
    }

    private void dispatch() {
        int kind = message.kind();
        if (kind == X11Message.REPLY || kind == X11Message.ERROR) {
            long seq = widen(message.u16(2));
            if (kind == X11Message.ERROR) {
                X11Error error = new X11Error(message.u8(1), message.u8(10), message.u16(8), message.u32(4), seq);
                ReplyHandler h = take(seq);
                if (h != null) h.error(error);
                else listener.error(error);
            } else {
                ReplyHandler h = take(seq);
                if (h != null) h.reply(message);
                else LOG.warn("X11: a reply for request #{} that expects none; dropped", seq);
            }
            return;
        }
        if (kind != 11) widen(message.u16(2)); // KeymapNotify carries no sequence number
        listener.event(message);
    }

    /** The full sequence number a message's low 16 bits name: the latest sent with those bits, not after the last request sent. */
    private long widen(int low16) {
        long seq = (sequence & ~0xffffL) | low16;
        if (seq > sequence) seq -= 0x10000;
        if (seq > lastSeen) lastSeen = seq;
        return seq;
    }

    /** The handler waiting for {@code seq}, dropping those before it (they were answered, or failed without a reply). */
    private ReplyHandler take(long seq) {
        while (!pending.isEmpty() && pending.peek().sequence() < seq) {
            Pending lost = pending.poll();
            LOG.warn("X11: request #{} got no reply; dropped", lost.sequence());
        }
        if (!pending.isEmpty() && pending.peek().sequence() == seq) return pending.poll().handler();
        return null;
    }

    /** Requests still waiting for a reply (for tests and leak checks). */
    public int pendingReplies() {
        return pending.size();
    }

    private void fail(String why) {
        if (closed) return;
        LOG.info("X11 connection closed: {}", why);
        close();
        listener.closed(why);
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        source.remove();
        socket.close();
        pending.clear();
    }
}
