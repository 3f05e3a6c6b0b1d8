package javawc.compositor.datadevice;

import javawc.compositor.selection.Selection;
import javawc.compositor.selection.SelectionSource;
import javawc.os.OwnedFd;
import javawc.server.protocol.WlDataDevice;
import javawc.server.protocol.WlDataOffer;

/**
 * wl_data_offer, for the clipboard selection or for a drag. A selection offer passes receive
 * on to whatever source holds the selection when it was made (if it still does); accept is
 * feedback only, and finish and set_actions are errors. A drag offer leaves accept,
 * set_actions and finish to its {@link Drag}. Nothing but destroy may follow finish.
 */
final class DataOffer implements WlDataOffer.Handler {
    private final WlDataOffer resource;
    private final Selection selection;   // for a selection offer
    private final SelectionSource source; // the selection's source when the offer was made
    private final Drag drag;             // for a drag offer
    private boolean finished;

    private DataOffer(WlDataOffer resource, Selection selection, SelectionSource source, Drag drag) {
        this.resource = resource;
        this.selection = selection;
        this.source = source;
        this.drag = drag;
        resource.setHandler(this);
        if (drag != null) resource.onDestroy(() -> drag.offerDestroyed(this));
    }

    /** Sends {@code device} the selection: a new offer with its mime types, or null when there is none. */
    static void announceSelection(WlDataDevice device, Selection selection) {
        SelectionSource source = selection.source();
        if (source == null) {
            device.sendSelection(null);
            return;
        }
        WlDataOffer offer = new WlDataOffer(device.client(), device.version());
        new DataOffer(offer, selection, source, null);
        device.sendDataOffer(offer);
        for (String mimeType : source.mimeTypes()) offer.sendOffer(mimeType);
        device.sendSelection(offer);
    }

    /** Introduces a drag offer on {@code device} with the mime types of the drag's source. */
    static DataOffer introduceForDrag(WlDataDevice device, Drag drag, DataSource source) {
        WlDataOffer offer = new WlDataOffer(device.client(), device.version());
        DataOffer o = new DataOffer(offer, null, null, drag);
        device.sendDataOffer(offer);
        for (String mimeType : source.mimeTypes()) offer.sendOffer(mimeType);
        return o;
    }

    WlDataOffer resource() {
        return resource;
    }

    int version() {
        return resource.version();
    }

    private boolean refusedAfterFinish(WlDataOffer self, String request) {
        if (!finished) return false;
        self.postError(WlDataOffer.Error.INVALID_OFFER, request + " after finish");
        return true;
    }

    @Override
    public void accept(WlDataOffer self, int serial, String mimeType) {
        if (refusedAfterFinish(self, "accept")) return;
        if (drag != null) drag.accept(this, mimeType);
    }

    @Override
    public void receive(WlDataOffer self, String mimeType, OwnedFd fd) {
        if (finished) {
            fd.close();
            self.postError(WlDataOffer.Error.INVALID_OFFER, "receive after finish");
        } else if (drag != null) {
            drag.receive(this, mimeType, fd);
        } else {
            selection.receive(source, mimeType, fd);
        }
    }

    @Override
    public void finish(WlDataOffer self) {
        if (refusedAfterFinish(self, "finish")) return;
        if (drag == null) {
            self.postError(WlDataOffer.Error.INVALID_FINISH, "finish on a selection offer");
            return;
        }
        String refusal = drag.finish(this);
        if (refusal != null) {
            self.postError(WlDataOffer.Error.INVALID_FINISH, refusal);
            return;
        }
        finished = true;
    }

    @Override
    public void setActions(WlDataOffer self, int dndActions, int preferredAction) {
        if (refusedAfterFinish(self, "set_actions")) return;
        if (drag == null) {
            self.postError(WlDataOffer.Error.INVALID_OFFER, "set_actions on a selection offer");
        } else if (!DndActions.isMask(dndActions)) {
            self.postError(WlDataOffer.Error.INVALID_ACTION_MASK, "invalid drag-and-drop actions 0x" + Integer.toHexString(dndActions));
        } else if (!DndActions.isSingle(preferredAction) || (preferredAction & ~dndActions) != 0) {
            self.postError(WlDataOffer.Error.INVALID_ACTION, "preferred action 0x" + Integer.toHexString(preferredAction)
                    + " is not one action of 0x" + Integer.toHexString(dndActions));
        } else {
            String refusal = drag.setActions(this, dndActions, preferredAction);
            if (refusal != null) self.postError(WlDataOffer.Error.INVALID_ACTION, refusal);
        }
    }

    @Override
    public void destroy(WlDataOffer self) {
        // destructor; a drag hears of it through onDestroy
    }
}
