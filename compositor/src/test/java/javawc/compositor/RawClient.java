package javawc.compositor;

import javawc.os.Descriptors;
import javawc.os.LibC;
import javawc.os.NativeBuffer;
import javawc.os.OwnedFd;
import javawc.os.SocketIo;
import javawc.os.UnixSockets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A client that writes whatever bytes a test wants: for malformed input. */
final class RawClient implements AutoCloseable {
    final OwnedFd socket;

    RawClient(Path path) throws IOException {
        socket = UnixSockets.connect(path);
    }

    static byte[] message(int object, int opcode, int... args) {
        ByteBuffer b = ByteBuffer.allocate(8 + args.length * 4).order(ByteOrder.nativeOrder());
        b.putInt(object).putInt((8 + args.length * 4) << 16 | opcode);
        for (int a : args) b.putInt(a);
        return b.array();
    }

    void send(byte[] bytes) throws IOException {
        Descriptors.writeFully(socket, bytes);
    }

    void sendWithFds(byte[] bytes, int... fds) throws IOException {
        NativeBuffer nb = new NativeBuffer(bytes.length);
        nb.buffer().put(0, bytes);
        SocketIo io = new SocketIo();
        long sent;
        // the send does not wait for room: a compositor still busy with earlier messages must not make us drop this one
        while ((sent = io.send(socket.get(), nb.address(), bytes.length, fds, fds.length)) == SocketIo.WOULD_BLOCK) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }
        if (sent != bytes.length) throw new IOException("sent " + sent + " of " + bytes.length + " bytes");
    }

    void shutdownWrite() throws IOException {
        UnixSockets.shutdownWrite(socket);
    }

    /** Everything the compositor sends until it closes the connection (fails after the timeout). */
    byte[] readUntilClosed(int timeoutMs) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        NativeBuffer pfd = new NativeBuffer(8);
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) throw new IOException("connection still open after " + timeoutMs + " ms");
            pfd.buffer().putInt(0, socket.get()).putShort(4, (short) 1).putShort(6, (short) 0);
            if (LibC.poll(pfd.address(), 1, (int) left) <= 0) continue;
            byte[] chunk;
            try {
                chunk = Descriptors.readSome(socket, 65536);
            } catch (javawc.os.OsException e) {
                if (e.errno() != 104) throw e; // ECONNRESET: it hung up on bytes we sent after our error; what came before counts
                return all.toByteArray();
            }
            if (chunk.length == 0) return all.toByteArray();
            all.writeBytes(chunk);
        }
    }

    /** The wl_display.error in a byte stream from the compositor. */
    record DisplayError(int objectId, int code, String message) {}

    static DisplayError findError(byte[] stream) {
        ByteBuffer b = ByteBuffer.wrap(stream).order(ByteOrder.nativeOrder());
        while (b.remaining() >= 8) {
            int start = b.position();
            int object = b.getInt();
            int word = b.getInt();
            int size = word >>> 16;
            if (object == 1 && (word & 0xffff) == 0) {
                int objectId = b.getInt();
                int code = b.getInt();
                int length = b.getInt();
                byte[] text = new byte[length - 1];
                b.get(text);
                return new DisplayError(objectId, code, new String(text, StandardCharsets.UTF_8));
            }
            b.position(start + size);
        }
        return null;
    }

    @Override
    public void close() {
        socket.close();
    }
}
