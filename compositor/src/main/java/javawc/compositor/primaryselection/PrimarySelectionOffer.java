package javawc.compositor.primaryselection;

import javawc.compositor.selection.Selection;
import javawc.compositor.selection.SelectionSource;
import javawc.os.OwnedFd;
import javawc.server.protocol.ZwpPrimarySelectionDeviceV1;
import javawc.server.protocol.ZwpPrimarySelectionOfferV1;

/** zwp_primary_selection_offer_v1: receive is passed on to the source, while it still holds the primary selection. */
final class PrimarySelectionOffer implements ZwpPrimarySelectionOfferV1.Handler {
    private final Selection selection;
    private final SelectionSource source;

    private PrimarySelectionOffer(Selection selection, SelectionSource source) {
        this.selection = selection;
        this.source = source;
    }

    /** Sends {@code device} the primary selection: a new offer with its mime types, or null when there is none. */
    static void announce(ZwpPrimarySelectionDeviceV1 device, Selection selection) {
        SelectionSource source = selection.source();
        if (source == null) {
            device.sendSelection(null);
            return;
        }
        ZwpPrimarySelectionOfferV1 offer = new ZwpPrimarySelectionOfferV1(device.client(), device.version());
        offer.setHandler(new PrimarySelectionOffer(selection, source));
        device.sendDataOffer(offer);
        for (String mimeType : source.mimeTypes()) offer.sendOffer(mimeType);
        device.sendSelection(offer);
    }

    @Override
    public void receive(ZwpPrimarySelectionOfferV1 self, String mimeType, OwnedFd fd) {
        selection.receive(source, mimeType, fd);
    }

    @Override
    public void destroy(ZwpPrimarySelectionOfferV1 self) {
        // destructor: nothing is kept per offer
    }
}
