package javawc.compositor.xwayland;

import javawc.os.Epoll;
import javawc.os.LibC;
import javawc.os.NativeBuffer;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.os.UnixSockets;
import javawc.server.EventLoop;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Writes selection data into a receiver's pipe without ever waiting: what the pipe does not
 * take now waits in a buffer and goes when epoll says the pipe has room. {@link #finish} closes
 * the pipe once all was written; a reader that went away ends the transfer.
 */
final class FdWriter implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(FdWriter.class);

    private final OwnedFd fd;
    private final EventLoop loop;
    private final Runnable drained;
    private EventLoop.Source source;
    private NativeBuffer buffer = new NativeBuffer(64 * 1024);
    private int start, end;
    private boolean finishing, closed;

    /** {@code drained} runs when everything queued so far has been written (the next chunk may be fetched). */
    FdWriter(OwnedFd fd, EventLoop loop, Runnable drained) throws OsException {
        this.fd = fd;
        this.loop = loop;
        this.drained = drained;
        UnixSockets.setNonBlocking(fd, true);
    }

    int queued() {
        return end - start;
    }

    boolean isClosed() {
        return closed;
    }

    void write(byte[] data) {
        if (closed || data.length == 0) return;
        if (end + data.length > buffer.capacity()) {
            NativeBuffer bigger = new NativeBuffer(Math.max(buffer.capacity() * 2, end - start + data.length));
            bigger.buffer().put(0, buffer.buffer(), start, end - start);
            buffer = bigger;
            end -= start;
            start = 0;
        }
        buffer.buffer().put(end, data);
        end += data.length;
        flush();
    }

    /** No more data: the pipe closes once the buffer is written. */
    void finish() {
        finishing = true;
        flush();
    }

    private void flush() {
        while (!closed && start < end) {
            long n = LibC.write(fd.get(), buffer.address() + start, end - start);
            if (n < 0) {
                int errno = LibC.errno();
                if (errno == LibC.EINTR) continue;
                if (errno == LibC.EAGAIN) break;
                LOG.debug("selection receiver's pipe: {}; transfer ended", LibC.describe(errno)); // EPIPE: the reader left
                close();
                return;
            }
            start += (int) n;
        }
        if (closed) return;
        if (start == end) {
            start = end = 0;
            watch(false);
            if (finishing) close();
            else drained.run();
        } else {
            watch(true);
        }
    }

    private void watch(boolean on) {
        try {
            if (on && source == null) source = loop.add(fd.get(), Epoll.OUT, events -> flush());
            else if (!on && source != null) {
                source.remove();
                source = null;
            }
        } catch (OsException e) {
            LOG.warn("selection transfer: {}", e.getMessage());
            close();
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (source != null) source.remove();
        source = null;
        fd.close();
    }
}
