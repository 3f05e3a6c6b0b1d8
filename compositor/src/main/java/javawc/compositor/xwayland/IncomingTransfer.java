package javawc.compositor.xwayland;

import javawc.compositor.xwayland.x11.Atoms;
import javawc.compositor.xwayland.x11.Requests;
import javawc.compositor.xwayland.x11.X11Connection;
import javawc.compositor.xwayland.x11.X11Message;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.server.EventLoop;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A Wayland client pastes what an X client owns: on a window of our own we ask the owner to
 * convert the selection to the target, read the property it fills (deleting it, as ICCCM
 * says), or, for an INCR transfer, each chunk as the owner puts it there, and write it all
 * into the receiver's pipe. The next chunk is read only once the pipe took the last one, so a
 * slow reader holds up the X owner, never the event loop.
 */
final class IncomingTransfer {
    private static final Logger LOG = LogManager.getLogger(IncomingTransfer.class);
    /** The most of a property read at once, in 4-byte units (8 MiB); the rest follows with the next reads. */
    private static final int READ_LONGS = 2 << 20;

    private final SelectionBridge bridge;
    private final Xwm xwm;
    final int window;
    private final int property;
    private final FdWriter writer;
    private boolean incremental, chunkWaiting, done;
    private int offset; // 4-byte units read so far of a property too big for one read

    IncomingTransfer(SelectionBridge bridge, Xwm xwm, EventLoop loop, int selection, int target, OwnedFd fd) throws OsException {
        this.bridge = bridge;
        this.xwm = xwm;
        this.property = xwm.atoms().get(Atoms.Name._JAVAWC_SELECTION);
        this.writer = new FdWriter(fd, loop, this::drained);
        Requests r = xwm.requests();
        window = r.newId();
        r.createWindow(0, window, xwm.setup().root(), -10, -10, 1, 1, Requests.WINDOW_CLASS_INPUT_ONLY,
                Requests.CW_OVERRIDE_REDIRECT | Requests.CW_EVENT_MASK, 1, Requests.EVENT_PROPERTY_CHANGE);
        r.convertSelection(window, selection, target, property, xwm.timestamp());
    }

    /** The owner answered: the data is in the property, or (property None) it refused. */
    void selectionNotify(int notifiedProperty) {
        if (notifiedProperty == Requests.NONE) {
            LOG.debug("the X selection owner refused the conversion");
            end();
            return;
        }
        read(true);
    }

    /** A PropertyNotify on our window: during INCR, a new chunk is there. */
    void propertyNotify(int atom, int state) {
        if (atom != property || state != 0 || !incremental || done) return; // 0: NewValue
        if (writer.queued() > 0) chunkWaiting = true; // read it once the pipe took the last one
        else read(false);
    }

    private void drained() {
        if (chunkWaiting) {
            chunkWaiting = false;
            read(false);
        }
    }

    private void read(boolean first) {
        xwm.requests().getProperty(true, window, property, Requests.ANY_PROPERTY_TYPE, offset, READ_LONGS, new X11Connection.ReplyHandler() {
            @Override
            public void reply(X11Message r) {
                received(r, first);
            }

            @Override
            public void error(X11Connection.X11Error e) {
                LOG.debug("reading the X selection: {}", e);
                end();
            }
        });
    }

    private void received(X11Message r, boolean first) {
        if (done) return;
        int type = r.u32(8), format = r.u8(1);
        long bytesAfter = r.u32(12) & 0xffffffffL;
        long length = (r.u32(16) & 0xffffffffL) * Math.max(1, format / 8);
        if (length > r.length() - 32) throw new X11Message.MalformedMessageException("property value past the reply's end");
        LOG.debug("X selection data on 0x{}: type {}, {} bytes, {} after, incremental {}", Integer.toHexString(window), type, length, bytesAfter, incremental);
        if (first && type == xwm.atoms().get(Atoms.Name.INCR)) {
            incremental = true; // our delete asked for the first chunk; each comes as a NewValue
            return;
        }
        if (format == 0 && !incremental) {
            end(); // no such property: nothing to paste
            return;
        }
        writer.write(r.bytes(32, (int) length));
        if (bytesAfter > 0) { // more than one read holds: the rest from where this one stopped
            offset += (int) (length / 4);
            read(false);
            return;
        }
        offset = 0;
        if (!incremental || length == 0) end(); // a whole property, or INCR's empty last chunk
    }

    private void end() {
        if (done) return;
        done = true;
        writer.finish();
        xwm.requests().destroyWindow(window);
        bridge.transferEnded(this);
    }

    void abort() {
        done = true;
        writer.close();
    }
}
