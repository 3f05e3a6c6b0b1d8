package javawc.wire;

import javawc.os.FdQueue;
import javawc.os.NativeBuffer;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.os.SocketIo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The buffered byte-and-fd stream of one Wayland connection, either side. Input: one recvmsg
 * per {@link #fill()} into a reused buffer, fds into a bounded {@link FdQueue}, messages
 * framed by their headers and decoded in place by {@link #reader()}. Output: messages encoded
 * by {@link #writer()} into a growable buffer with a hard limit; {@link #flush()} sends with
 * each fd travelling no later than the first byte of the message that carries it.
 */
public final class Connection implements AutoCloseable {
    public static final int DEFAULT_OUTPUT_LIMIT = 1 << 20;
    public static final int DEFAULT_FD_LIMIT = 256;
    private static final int INPUT_CAPACITY = ConnectionBuffers.SIZE;

    private final OwnedFd socket;
    private final ConnectionBuffers buffers; // null: this connection's own, freed by the collector
    private final SocketIo io;
    private final NativeBuffer input;
    private final ByteBuffer in;
    private final FdQueue inFds;
    private final MessageReader reader;
    private final MessageWriter writer = new MessageWriter(this);
    private final int outputLimit;
    private int inStart, inEnd;

    private NativeBuffer output;
    private ByteBuffer out;
    private int outStart;
    private boolean overflowed, closed;
    private ByteBuffer discard;

    private OwnedFd[] outFds = new OwnedFd[8];
    private int[] outFdOffsets = new int[8];
    private int outFdCount;
    private final int[] sendFds = new int[SocketIo.MAX_FDS_PER_MESSAGE];

    private int msgObject, msgOpcode, msgSize;

    public Connection(OwnedFd socket, ObjectMap<? extends WireObject> objects, int outputLimit, int fdLimit) {
        this(socket, objects, outputLimit, fdLimit, null);
    }

    /** A connection whose native buffers come from {@code buffers} (null: its own) and go back there on {@link #close}. */
    public Connection(OwnedFd socket, ObjectMap<? extends WireObject> objects, int outputLimit, int fdLimit, ConnectionBuffers buffers) {
        this.socket = socket;
        this.buffers = buffers;
        this.io = buffers != null ? buffers.io() : new SocketIo();
        this.input = buffers != null ? buffers.take() : new NativeBuffer(INPUT_CAPACITY);
        this.in = input.buffer();
        this.output = buffers != null ? buffers.take() : new NativeBuffer(ConnectionBuffers.SIZE);
        this.out = output.buffer();
        this.outputLimit = outputLimit;
        this.inFds = new FdQueue(fdLimit);
        this.reader = new MessageReader(in, inFds, objects);
    }

    public OwnedFd socket() {
        return socket;
    }

    public MessageReader reader() {
        return reader;
    }

    public MessageWriter writer() {
        return writer;
    }

    public FdQueue receivedFds() {
        return inFds;
    }

    // ---- input ----

    /**
     * One recvmsg into the free end of the input buffer. Returns bytes read, 0 at end of
     * stream, or -1 if nothing was waiting. Throws when the peer sent too many fds.
     */
    public long fill() throws IOException {
        if (closed) throw new IllegalStateException("connection closed"); // its buffers may serve another one now
        if (inStart == inEnd) {
            inStart = inEnd = 0;
        } else if (INPUT_CAPACITY - inEnd < MessageWriter.MAX_MESSAGE_SIZE) {
            in.put(0, in, inStart, inEnd - inStart);
            inEnd -= inStart;
            inStart = 0;
        }
        long n = io.receive(socket.get(), input.address() + inEnd, INPUT_CAPACITY - inEnd, inFds);
        if (n > 0) inEnd += (int) n;
        return n;
    }

    /** Bytes received but not yet consumed (a partial message, at rest). */
    public int pendingInput() {
        return inEnd - inStart;
    }

    /**
     * Frames the next message. Returns false until all its bytes are here; throws
     * {@link WireFormatException} for a header no valid message has.
     */
    public boolean nextMessage() {
        if (inEnd - inStart < 8) return false;
        int object = in.getInt(inStart);
        int word = in.getInt(inStart + 4);
        int size = word >>> 16;
        if (size < 8) throw WireFormatException.malformed("message size " + size + " is less than its 8-byte header");
        if ((size & 3) != 0) throw WireFormatException.malformed("message size " + size + " is not a multiple of 4");
        if (size > MessageWriter.MAX_MESSAGE_SIZE) throw WireFormatException.malformed("message size " + size + " is more than " + MessageWriter.MAX_MESSAGE_SIZE + " bytes");
        if (inEnd - inStart < size) return false;
        msgObject = object;
        msgOpcode = word & 0xffff;
        msgSize = size;
        reader.reset(inStart + 8, inStart + size);
        return true;
    }

    public int messageObject() {
        return msgObject;
    }

    public int messageOpcode() {
        return msgOpcode;
    }

    /** The framed message's arguments, for tracing: [argsStart, argsEnd) of {@link #inputBuffer()}. */
    public int messageArgsStart() {
        return inStart + 8;
    }

    public int messageArgsEnd() {
        return inStart + msgSize;
    }

    public ByteBuffer inputBuffer() {
        return in;
    }

    /** Done with the framed message; moves to the next. */
    public void consumeMessage() {
        inStart += msgSize;
    }

    // ---- output ----

    /** Room for {@code bytes} more at the output's position; a throwaway buffer once over the limit. */
    ByteBuffer reserveOutput(int bytes) {
        if (overflowed) return resetDiscard();
        if (out.capacity() - out.position() >= bytes) return out;
        if (outStart > 0) compactOutput();
        if (out.capacity() - out.position() >= bytes) return out;
        int needed = out.position() + bytes;
        if (needed > outputLimit) {
            overflowed = true;
            return resetDiscard();
        }
        int capacity = Math.min(outputLimit, Math.max(needed, out.capacity() * 2));
        NativeBuffer bigger = new NativeBuffer(capacity);
        bigger.buffer().put(0, out, 0, out.position()).position(out.position());
        output = bigger;
        out = bigger.buffer();
        return out;
    }

    private ByteBuffer resetDiscard() {
        if (discard == null) discard = ByteBuffer.allocate(MessageWriter.MAX_MESSAGE_SIZE).order(out.order());
        return discard.clear();
    }

    private void compactOutput() {
        int length = out.position() - outStart;
        out.put(0, out, outStart, length).position(length);
        for (int i = 0; i < outFdCount; i++) outFdOffsets[i] = Math.max(0, outFdOffsets[i] - outStart);
        outStart = 0;
    }

    void queueOutputFd(OwnedFd fd, int messageStart) {
        if (overflowed) return;
        if (outFdCount == outFds.length) {
            if (outFdCount >= DEFAULT_FD_LIMIT) {
                overflowed = true;
                return;
            }
            outFds = Arrays.copyOf(outFds, outFdCount * 2);
            outFdOffsets = Arrays.copyOf(outFdOffsets, outFdCount * 2);
        }
        try {
            outFds[outFdCount] = fd.dup();
        } catch (OsException e) {
            overflowed = true; // out of descriptors: this connection cannot be served correctly
            return;
        }
        outFdOffsets[outFdCount++] = messageStart;
    }

    /** Whether the output went past its limit: the connection must be dropped. */
    public boolean overflowed() {
        return overflowed;
    }

    public boolean hasPendingOutput() {
        return out.position() > outStart;
    }

    /** The output buffer and the start of the last message written, for tracing. */
    public ByteBuffer outputBuffer() {
        return overflowed ? discard : out;
    }

    /** The number of the {@code index}-th queued outgoing fd at or after message {@code start}; -1 if none. */
    public int outputFdAt(int messageStart, int index) {
        int seen = 0;
        for (int i = 0; i < outFdCount; i++) {
            if (outFdOffsets[i] == messageStart && seen++ == index) return outFds[i].get();
        }
        return -1;
    }

    /**
     * Sends as much as the socket takes. Returns true when everything is out, false when the
     * socket is full (wait for EPOLLOUT and call again).
     */
    public boolean flush() throws OsException {
        if (closed) throw new IllegalStateException("connection closed");
        while (out.position() > outStart) {
            int fdCount = Math.min(outFdCount, SocketIo.MAX_FDS_PER_MESSAGE);
            int limit = out.position();
            if (outFdCount > fdCount) limit = outFdOffsets[fdCount]; // later fds go with later bytes
            if (limit <= outStart) throw new IllegalStateException("a message with more than " + SocketIo.MAX_FDS_PER_MESSAGE + " fds");
            for (int i = 0; i < fdCount; i++) sendFds[i] = outFds[i].get();
            long n = io.send(socket.get(), output.address() + outStart, limit - outStart, sendFds, fdCount);
            if (n == SocketIo.WOULD_BLOCK) return false;
            if (fdCount > 0) dropSentFds(fdCount);
            outStart += (int) n;
        }
        out.position(0);
        outStart = 0;
        return true;
    }

    private void dropSentFds(int count) {
        for (int i = 0; i < count; i++) outFds[i].close();
        System.arraycopy(outFds, count, outFds, 0, outFdCount - count);
        System.arraycopy(outFdOffsets, count, outFdOffsets, 0, outFdCount - count);
        for (int i = outFdCount - count; i < outFdCount; i++) outFds[i] = null;
        outFdCount -= count;
    }

    /** Closes the socket and every fd still queued either way. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        inFds.close();
        for (int i = 0; i < outFdCount; i++) outFds[i].close();
        outFdCount = 0;
        socket.close();
        if (buffers != null) {
            buffers.give(input);
            buffers.give(output);
        }
    }
}
