package javawc.compositor.datacontrol;

import javawc.compositor.selection.Selection;
import javawc.compositor.selection.SelectionSource;
import javawc.os.OwnedFd;
import javawc.server.protocol.ZwlrDataControlDeviceV1;
import javawc.server.protocol.ZwlrDataControlOfferV1;

/** zwlr_data_control_offer_v1: receive is passed on to the source while it still holds its selection. */
final class DataControlOffer implements ZwlrDataControlOfferV1.Handler {
    private final Selection selection;
    private final SelectionSource source;

    private DataControlOffer(Selection selection, SelectionSource source) {
        this.selection = selection;
        this.source = source;
    }

    /**
     * Sends {@code device} the clipboard ({@code primary} false) or the primary selection: a new
     * offer with its mime types, or null when there is none. Devices older than version 2 do not
     * hear of the primary selection.
     */
    static void announce(ZwlrDataControlDeviceV1 device, Selection selection, boolean primary) {
        if (primary && device.version() < ZwlrDataControlDeviceV1.EVENT_PRIMARY_SELECTION_SINCE) return;
        SelectionSource source = selection.source();
        ZwlrDataControlOfferV1 offer = null;
        if (source != null) {
            offer = new ZwlrDataControlOfferV1(device.client(), device.version());
            offer.setHandler(new DataControlOffer(selection, source));
            device.sendDataOffer(offer);
            for (String mimeType : source.mimeTypes()) offer.sendOffer(mimeType);
        }
        if (primary) device.sendPrimarySelection(offer);
        else device.sendSelection(offer);
    }

    @Override
    public void receive(ZwlrDataControlOfferV1 self, String mimeType, OwnedFd fd) {
        selection.receive(source, mimeType, fd);
    }

    @Override
    public void destroy(ZwlrDataControlOfferV1 self) {
        // destructor: nothing is kept per offer
    }
}
