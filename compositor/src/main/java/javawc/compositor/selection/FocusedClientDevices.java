package javawc.compositor.selection;

import javawc.compositor.core.Surface;
import javawc.compositor.seat.Seat;
import javawc.server.Client;
import javawc.server.Resource;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The selection devices of one protocol (wl_data_device, zwp_primary_selection_device_v1)
 * by client, and the rule they share: only the client with the keyboard focus sees the
 * selection. It is announced to that client's devices when it changes, when the focus moves
 * to another client (before that client's wl_keyboard.enter, as the seat's focus listeners
 * run between leave and enter), and to a device made while its client has the focus.
 * Moving the focus between surfaces of one client announces nothing.
 */
public final class FocusedClientDevices<D extends Resource> {
    /** Sends the selection's current source (or none) to {@code device} as that protocol does. */
    public interface Announcer<D> {
        void announce(D device, Selection selection);
    }

    private static final List<?> NONE = List.of();

    private final Seat seat;
    private final Selection selection;
    private final Announcer<D> announcer;
    private final Map<Client, List<D>> devices = new IdentityHashMap<>();

    public FocusedClientDevices(Seat seat, Selection selection, Announcer<D> announcer) {
        this.seat = seat;
        this.selection = selection;
        this.announcer = announcer;
        selection.addListener(source -> announceTo(seat.keyboardFocusClient()));
        seat.addFocusListener(this::focusMoved);
    }

    public Selection selection() {
        return selection;
    }

    /**
     * Whether a set_selection for the input event {@code serial} may replace the selection:
     * unless it is older than the event the selection was last set for (a late request must not
     * undo a newer one), as weston and sway decide, or names a serial never sent. Any client may set it, even one that was
     * never sent an input event (the conformance suite's clients set it with serial 0); asking
     * for a recent event of the client would refuse requests sway takes and protect little,
     * since every new window gets the keyboard focus and with it a serial to name.
     */
    public boolean maySet(Client client, int serial) {
        return seat.serialIssued(serial) && selection.acceptsSerial(serial);
    }

    /** Tracks a new device until it is destroyed; it hears the selection now if its client has the focus. */
    public void add(D device) {
        List<D> list = devices.computeIfAbsent(device.client(), c -> new ArrayList<>(1));
        list.add(device);
        device.onDestroy(() -> {
            list.remove(device);
            if (list.isEmpty()) devices.remove(device.client());
        });
        if (device.client() == seat.keyboardFocusClient()) announcer.announce(device, selection);
    }

    /** The devices {@code client} has (empty if none). */
    @SuppressWarnings("unchecked")
    public List<D> of(Client client) {
        List<D> list = client == null ? null : devices.get(client);
        return list != null ? list : (List<D>) NONE;
    }

    private void focusMoved(Surface previous, Surface current) {
        Client before = previous == null ? null : previous.client(), now = current == null ? null : current.client();
        if (now != before) announceTo(now);
    }

    private void announceTo(Client client) {
        List<D> list = of(client);
        for (int i = 0; i < list.size(); i++) announcer.announce(list.get(i), selection);
    }
}
