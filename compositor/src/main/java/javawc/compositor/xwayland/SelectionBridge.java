package javawc.compositor.xwayland;

import javawc.compositor.seat.Seat;
import javawc.compositor.selection.Selection;
import javawc.compositor.selection.SelectionSource;
import javawc.compositor.xwayland.x11.Atoms;
import javawc.compositor.xwayland.x11.Requests;
import javawc.compositor.xwayland.x11.X11Connection;
import javawc.compositor.xwayland.x11.X11Message;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.server.Client;
import javawc.server.EventLoop;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clipboard and the primary selection, both ways between X11 and Wayland, through the
 * shared {@link Selection} model. X to Wayland: XFIXES tells us when an X client takes
 * CLIPBOARD or PRIMARY; we ask it for TARGETS and make a {@link SelectionSource} of the MIME
 * types they name (UTF8_STRING as text/plain;charset=utf-8, STRING as text/plain, MIME-named
 * targets as themselves), whose pastes are {@link IncomingTransfer}s. Wayland to X: when a
 * Wayland client's source becomes the selection, a window of ours takes the X selection and
 * answers SelectionRequests (TARGETS, TIMESTAMP, the text targets and the source's MIME
 * types) with {@link OutgoingTransfer}s. No step waits on a peer.
 */
final class SelectionBridge implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(SelectionBridge.class);
    private static final int SELECTION_CLEAR = 29, SELECTION_REQUEST = 30, SELECTION_NOTIFY = 31;
    static final String UTF8_TEXT = "text/plain;charset=utf-8", TEXT = "text/plain";

    interface Factory {
        SelectionBridge create(Xwm xwm);
    }

    /** One X selection (CLIPBOARD or PRIMARY) and the Wayland selection it is bridged with. */
    private final class Bridged implements Selection.Listener {
        final Selection wayland;
        final int atom;
        int window;                                        // ours: owns the X selection, asks for TARGETS
        SelectionSource waylandSource;                     // the Wayland source we stand for in X, or null
        final Map<Integer, String> mimeOfAtom = new HashMap<>();

        Bridged(Selection wayland, int atom) {
            this.wayland = wayland;
            this.atom = atom;
        }

        /** A Wayland source took the selection: X hears we own it; the source's MIME types get atoms for TARGETS. */
        @Override
        public void selectionChanged(SelectionSource source) {
            if (closed || source instanceof XSource x && x.bridged == this) return; // the X owner's own, mirrored
            waylandSource = source;
            mimeOfAtom.clear();
            if (source == null) {
                xwm.requests().setSelectionOwner(Requests.NONE, atom, Requests.CURRENT_TIME);
                return;
            }
            for (String mime : source.mimeTypes()) {
                xwm.requests().internAtom(mime, r -> {
                    if (waylandSource == source) mimeOfAtom.put(r.u32(8), mime);
                });
            }
            xwm.requests().setSelectionOwner(window, atom, Requests.CURRENT_TIME);
        }
    }

    /** What an X owner offers, as a Wayland selection source. */
    private final class XSource implements SelectionSource {
        final Bridged bridged;
        final List<String> mimeTypes;
        final Map<String, Integer> targetOf;

        XSource(Bridged bridged, Map<String, Integer> targetOf) {
            this.bridged = bridged;
            this.targetOf = targetOf;
            this.mimeTypes = List.copyOf(targetOf.keySet());
        }

        @Override
        public Client client() {
            return xwm.waylandClient();
        }

        @Override
        public List<String> mimeTypes() {
            return mimeTypes;
        }

        @Override
        public void send(String mimeType, OwnedFd fd) {
            Integer target = targetOf.get(mimeType);
            if (target == null || closed) return;
            try {
                incoming.add(new IncomingTransfer(SelectionBridge.this, xwm, loop, bridged.atom, target, fd.dup()));
            } catch (OsException e) {
                LOG.warn("cannot paste from X: {}", e.getMessage());
            }
        }

        @Override
        public void cancelled() {
            // a Wayland client took the selection: its own listener makes us the X owner
        }
    }

    private final Xwm xwm;
    private final EventLoop loop;
    private final Seat seat;
    private final Selection clipboard, primary;
    private final List<Bridged> bridged = new ArrayList<>();
    private final List<IncomingTransfer> incoming = new ArrayList<>();
    private final List<OutgoingTransfer> outgoing = new ArrayList<>();
    private int xfixesEvent = -1;
    private boolean closed;

    SelectionBridge(Xwm xwm, EventLoop loop, Selection clipboard, Selection primary, Seat seat) {
        this.xwm = xwm;
        this.loop = loop;
        this.clipboard = clipboard;
        this.primary = primary;
        this.seat = seat;
    }

    /** XFIXES is there (its events start at {@code firstEvent}) and the atoms are known: the bridge starts. */
    void start(int firstEvent) {
        if (closed || xwm.atoms().get(Atoms.Name.CLIPBOARD) == 0) return;
        xfixesEvent = firstEvent;
        Requests r = xwm.requests();
        for (Bridged b : List.of(new Bridged(clipboard, xwm.atoms().get(Atoms.Name.CLIPBOARD)), new Bridged(primary, Atoms.PRIMARY))) {
            b.window = r.newId();
            r.createWindow(0, b.window, xwm.setup().root(), -10, -10, 1, 1, Requests.WINDOW_CLASS_INPUT_ONLY,
                    Requests.CW_OVERRIDE_REDIRECT | Requests.CW_EVENT_MASK, 1, Requests.EVENT_PROPERTY_CHANGE);
            r.xfixesSelectSelectionInput(b.window, b.atom, Requests.XFIXES_SELECTION_ALL);
            bridged.add(b);
            b.wayland.addListener(b);
            if (b.wayland.source() != null) b.selectionChanged(b.wayland.source()); // what Wayland holds now is X's too
        }
        LOG.info("clipboard and primary selection bridged between X11 and Wayland");
    }

    /** Whether {@code window} is one of ours (not a client window to manage). */
    boolean owns(int window) {
        for (Bridged b : bridged) if (b.window == window) return true;
        for (IncomingTransfer t : incoming) if (t.window == window) return true;
        return false;
    }

    /** Selection events; false for anything else. */
    boolean event(X11Message e) {
        int code = e.eventCode();
        if (xfixesEvent >= 0 && code == xfixesEvent) {
            ownerChanged(e.u32(12), e.u32(8), e.u32(16));
            return true;
        }
        switch (code) {
            case SELECTION_REQUEST -> selectionRequest(e.u32(4), e.u32(8), e.u32(12), e.u32(16), e.u32(20), e.u32(24));
            case SELECTION_NOTIFY -> selectionNotify(e.u32(8), e.u32(12), e.u32(16), e.u32(20));
            case SELECTION_CLEAR -> { } // XFIXES tells us the new owner too; that is where it is handled
            default -> {
                return false;
            }
        }
        return true;
    }

    /** PropertyNotify for a transfer; false when it is not one. */
    boolean propertyNotify(int window, int atom, int state) {
        for (IncomingTransfer t : List.copyOf(incoming)) {
            if (t.window == window) {
                t.propertyNotify(atom, state);
                return true;
            }
        }
        boolean any = false;
        for (OutgoingTransfer t : List.copyOf(outgoing)) {
            if (t.requestor == window && t.property == atom) {
                if (state == 1) t.propertyDeleted(); // 1: Deleted
                any = true;
            }
        }
        return any;
    }

    private Bridged bridgedFor(int atom) {
        for (Bridged b : bridged) if (b.atom == atom) return b;
        return null;
    }

    // ---- X to Wayland ----

    private void ownerChanged(int selection, int owner, int time) {
        Bridged b = bridgedFor(selection);
        if (b == null || owner == b.window) return; // ours: we took it for a Wayland source
        if (owner == Requests.NONE) {
            if (b.wayland.source() instanceof XSource x && x.bridged == b) b.wayland.set(null, seat.nextSerial());
            return;
        }
        b.waylandSource = null;
        xwm.requests().convertSelection(b.window, b.atom, xwm.atoms().get(Atoms.Name.TARGETS), xwm.atoms().get(Atoms.Name._JAVAWC_SELECTION), time);
    }

    private void selectionNotify(int requestor, int selection, int target, int property) {
        for (IncomingTransfer t : incoming) {
            if (t.window == requestor) {
                t.selectionNotify(property);
                return;
            }
        }
        Bridged b = bridgedFor(selection);
        if (b == null || requestor != b.window || target != xwm.atoms().get(Atoms.Name.TARGETS) || property == Requests.NONE) return;
        xwm.requests().getProperty(true, b.window, property, Atoms.ATOM, 0, 1024, reply -> {
            int count = reply.u8(1) == 32 ? Math.min(reply.u32(16), (reply.length() - 32) / 4) : 0;
            int[] targets = new int[count];
            for (int i = 0; i < count; i++) targets[i] = reply.u32(32 + 4 * i);
            offerTargets(b, targets);
        });
    }

    /** Names the X owner's targets (one round trip for all), then offers them to Wayland as MIME types. */
    private void offerTargets(Bridged b, int[] targets) {
        Map<String, Integer> targetOf = new LinkedHashMap<>();
        int utf8 = xwm.atoms().get(Atoms.Name.UTF8_STRING);
        for (int t : targets) {
            if (t == utf8) targetOf.putIfAbsent(UTF8_TEXT, t);
            if (t == Atoms.STRING) targetOf.putIfAbsent(TEXT, t);
        }
        int[] left = {targets.length};
        Runnable offer = () -> {
            if (closed || targetOf.isEmpty()) return;
            b.wayland.set(new XSource(b, targetOf), seat.nextSerial());
        };
        if (targets.length == 0) return;
        for (int t : targets) {
            xwm.requests().getAtomName(t, new X11Connection.ReplyHandler() {
                @Override
                public void reply(X11Message r) {
                    String name = r.latin1(32, Math.min(r.u16(8), r.length() - 32));
                    if (name.contains("/")) targetOf.putIfAbsent(name, t); // a MIME type (text/html, image/png...)
                    if (--left[0] == 0) offer.run();
                }

                @Override
                public void error(X11Connection.X11Error e) {
                    if (--left[0] == 0) offer.run();
                }
            });
        }
    }

    // ---- Wayland to X ----

    private void selectionRequest(int time, int owner, int requestor, int selection, int target, int property) {
        Bridged b = bridgedFor(selection);
        if (property == Requests.NONE) property = target; // an obsolete requestor: ICCCM says use the target's name
        Requests r = xwm.requests();
        if (b == null || owner != b.window || b.waylandSource == null || b.wayland.source() != b.waylandSource) {
            r.sendSelectionNotify(requestor, time, selection, target, Requests.NONE);
            return;
        }
        Atoms atoms = xwm.atoms();
        if (target == atoms.get(Atoms.Name.TARGETS)) {
            List<Integer> list = new ArrayList<>(List.of(atoms.get(Atoms.Name.TARGETS), atoms.get(Atoms.Name.TIMESTAMP)));
            if (textMime(b.waylandSource, true) != null) list.addAll(List.of(atoms.get(Atoms.Name.UTF8_STRING), Atoms.STRING, atoms.get(Atoms.Name.TEXT)));
            list.addAll(b.mimeOfAtom.keySet());
            r.changeProperty32(requestor, property, Atoms.ATOM, list.stream().mapToInt(Integer::intValue).toArray());
            r.sendSelectionNotify(requestor, time, selection, target, property);
            return;
        }
        if (target == atoms.get(Atoms.Name.TIMESTAMP)) {
            r.changeProperty32(requestor, property, Atoms.CARDINAL, time);
            r.sendSelectionNotify(requestor, time, selection, target, property);
            return;
        }
        String mime = b.mimeOfAtom.get(target);
        if (target == atoms.get(Atoms.Name.UTF8_STRING)) mime = textMime(b.waylandSource, true);
        else if (target == Atoms.STRING || target == atoms.get(Atoms.Name.TEXT)) mime = textMime(b.waylandSource, false);
        if (mime == null) {
            r.sendSelectionNotify(requestor, time, selection, target, Requests.NONE);
            return;
        }
        int type = target == atoms.get(Atoms.Name.TEXT) ? atoms.get(Atoms.Name.UTF8_STRING) : target;
        try {
            outgoing.add(new OutgoingTransfer(this, xwm, loop, b.wayland, b.waylandSource, mime, requestor, selection, type, property, time));
        } catch (OsException e) {
            LOG.warn("cannot paste into X: {}", e.getMessage());
            r.sendSelectionNotify(requestor, time, selection, target, Requests.NONE);
        }
    }

    /** The source's text type: UTF-8 first when {@code utf8}, else plain text first; null when it offers no text. */
    static String textMime(SelectionSource source, boolean utf8) {
        List<String> order = utf8 ? List.of(UTF8_TEXT, "text/plain;charset=UTF-8", "UTF8_STRING", TEXT, "STRING", "TEXT")
                : List.of(TEXT, "STRING", "TEXT", UTF8_TEXT, "text/plain;charset=UTF-8", "UTF8_STRING");
        for (String m : order) if (source.mimeTypes().contains(m)) return m;
        return null;
    }

    void transferEnded(IncomingTransfer t) {
        incoming.remove(t);
    }

    void transferEnded(OutgoingTransfer t) {
        outgoing.remove(t);
    }

    @Override
    public void close() {
        closed = true;
        for (Bridged b : bridged) {
            if (b.wayland.source() instanceof XSource x && x.bridged == b) b.wayland.set(null, seat.nextSerial()); // its owner is gone with X
        }
        for (Bridged b : bridged) b.wayland.removeListener(b);
        for (IncomingTransfer t : incoming) t.abort();
        for (OutgoingTransfer t : outgoing) t.abort();
        incoming.clear();
        outgoing.clear();
    }
}
