package javawc.compositor.xwayland;

import javawc.compositor.selection.Selection;
import javawc.compositor.selection.SelectionSource;
import javawc.compositor.xwayland.x11.Atoms;
import javawc.compositor.xwayland.x11.Requests;
import javawc.os.Descriptors;
import javawc.os.Epoll;
import javawc.os.NativeBuffer;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.server.EventLoop;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.ByteArrayOutputStream;

/**
 * An X client pastes what a Wayland client owns: the Wayland source writes into a pipe whose
 * other end the event loop reads as it fills; at its end the data goes into the requestor's
 * property, whole when it fits one request, else by INCR: the property first says INCR and
 * the size, and each time the requestor deletes it (read the last chunk) the next chunk is
 * put there, an empty one last. A requestor that never reads holds only its own transfer.
 */
final class OutgoingTransfer {
    private static final Logger LOG = LogManager.getLogger(OutgoingTransfer.class);
    /** The most a transfer takes from a Wayland source: beyond it the paste is refused. */
    private static final int MAX_BYTES = 256 << 20;

    private final SelectionBridge bridge;
    private final Xwm xwm;
    final int requestor, property;
    private final int selection, target, time;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private final NativeBuffer readBuffer = new NativeBuffer(64 * 1024);
    private OwnedFd pipe;
    private EventLoop.Source source;
    private byte[] all;
    private int sent, chunkSize;
    private boolean incremental, done;

    OutgoingTransfer(SelectionBridge bridge, Xwm xwm, EventLoop loop, Selection wayland, SelectionSource from, String mimeType,
                     int requestor, int selection, int target, int property, int time) throws OsException {
        this.bridge = bridge;
        this.xwm = xwm;
        this.requestor = requestor;
        this.selection = selection;
        this.target = target;
        this.property = property;
        this.time = time;
        OwnedFd[] ends = Descriptors.pipeNonBlockingRead();
        pipe = ends[0];
        source = loop.add(pipe.get(), Epoll.IN, events -> readable());
        wayland.receive(from, mimeType, ends[1]); // closes our copy of the write end: its end of file is the source's
        // the largest ChangeProperty the server takes, less its header
        chunkSize = Math.min(256 * 1024, xwm.setup().maxRequestWords() * 4 - 64);
    }

    private void readable() throws OsException {
        while (!done) {
            int n = Descriptors.readNonBlocking(pipe, readBuffer, readBuffer.capacity());
            if (n < 0) return;
            if (n == 0) {
                stopReading();
                deliver();
                return;
            }
            byte[] chunk = new byte[n];
            readBuffer.buffer().get(0, chunk);
            data.write(chunk, 0, n);
            if (data.size() > MAX_BYTES) {
                LOG.warn("a Wayland selection of more than {} MiB: the X paste is refused", MAX_BYTES >> 20);
                stopReading();
                refuse();
                return;
            }
        }
    }

    private void deliver() {
        all = data.toByteArray();
        Requests r = xwm.requests();
        if (all.length <= chunkSize) {
            r.changeProperty(Requests.PROP_MODE_REPLACE, requestor, property, target, 8, all, 0, all.length);
            r.sendSelectionNotify(requestor, time, selection, target, property);
            end();
            return;
        }
        incremental = true;
        // we hear the requestor delete the property (keeping the window's other events we asked for, if it is one we manage)
        r.changeWindowAttributes(requestor, Requests.CW_EVENT_MASK, Requests.EVENT_PROPERTY_CHANGE | Requests.EVENT_FOCUS_CHANGE);
        r.changeProperty32(requestor, property, xwm.atoms().get(Atoms.Name.INCR), all.length);
        r.sendSelectionNotify(requestor, time, selection, target, property);
        LOG.debug("INCR transfer of {} bytes to X window 0x{}", all.length, Integer.toHexString(requestor));
    }

    /** The requestor deleted the property: it has read what was there, the next chunk goes (an empty one ends it). */
    void propertyDeleted() {
        if (!incremental || done) return;
        int n = Math.min(chunkSize, all.length - sent);
        xwm.requests().changeProperty(Requests.PROP_MODE_REPLACE, requestor, property, target, 8, all, sent, n);
        sent += n;
        if (n == 0) end();
    }

    private void refuse() {
        xwm.requests().sendSelectionNotify(requestor, time, selection, target, Requests.NONE);
        end();
    }

    private void stopReading() {
        if (source != null) source.remove();
        source = null;
        if (pipe != null) pipe.close();
        pipe = null;
    }

    private void end() {
        done = true;
        all = null;
        bridge.transferEnded(this);
    }

    void abort() {
        done = true;
        stopReading();
    }
}
