package javawc.compositor.selection;

import javawc.os.OwnedFd;

import java.util.ArrayList;
import java.util.List;

/**
 * One of a seat's selections (the clipboard, or the primary selection): which source holds
 * it, and who must hear when that changes. Offers of every protocol ask here to be served,
 * so the data only ever flows from the source's client to the receiver's pipe, never through
 * the compositor.
 */
public final class Selection {
    /** Told after the selection changed; {@code source} is null when there is none. */
    public interface Listener {
        void selectionChanged(SelectionSource source);
    }

    private final String name;
    private final List<Listener> listeners = new ArrayList<>();
    private SelectionSource source;
    private int serial;
    private boolean everSet;

    public Selection(String name) {
        this.name = name;
    }

    public SelectionSource source() {
        return source;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** For a listener that lives shorter than the seat (Xwayland's selection bridge, which goes when Xwayland does). */
    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /**
     * Whether a request naming input event {@code eventSerial} may replace the selection: not if
     * the selection was set for a later event (a late request must not undo a newer copy).
     */
    public boolean acceptsSerial(int eventSerial) {
        return !everSet || eventSerial - serial >= 0; // serials wrap: compare by difference
    }

    /**
     * Makes {@code newSource} (null: nothing) the selection, for the event {@code eventSerial};
     * the previous source is cancelled, then every listener hears of it.
     */
    public void set(SelectionSource newSource, int eventSerial) {
        serial = eventSerial;
        everSet = true;
        if (newSource == source) return;
        SelectionSource previous = source;
        source = newSource;
        if (previous != null) previous.cancelled();
        announce();
    }

    /** A source's object is gone: if it held the selection, nothing does now. */
    public void sourceDestroyed(SelectionSource gone) {
        if (gone != source) return;
        source = null;
        announce();
    }

    /**
     * A receiver asks for the data of {@code offered} as {@code mimeType} through {@code fd}:
     * passed on to the source if it still holds the selection and offers that type. The fd is
     * closed here either way; when it is not passed on, the receiver reads an empty pipe.
     */
    public void receive(SelectionSource offered, String mimeType, OwnedFd fd) {
        try (fd) {
            if (offered == source && offered.mimeTypes().contains(mimeType)) offered.send(mimeType, fd);
        }
    }

    private void announce() {
        for (int i = 0; i < listeners.size(); i++) listeners.get(i).selectionChanged(source);
    }

    @Override
    public String toString() {
        return name;
    }
}
