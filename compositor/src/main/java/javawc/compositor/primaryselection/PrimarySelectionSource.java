package javawc.compositor.primaryselection;

import javawc.compositor.selection.Selection;
import javawc.compositor.selection.SelectionSource;
import javawc.os.OwnedFd;
import javawc.server.Client;
import javawc.server.protocol.ZwpPrimarySelectionSourceV1;

import java.util.ArrayList;
import java.util.List;

/** zwp_primary_selection_source_v1: the mime types a client offers as the primary selection. */
final class PrimarySelectionSource implements ZwpPrimarySelectionSourceV1.Handler, SelectionSource {
    private final ZwpPrimarySelectionSourceV1 resource;
    private final List<String> mimeTypes = new ArrayList<>();
    private Selection selection; // while it may hold it

    PrimarySelectionSource(ZwpPrimarySelectionSourceV1 resource) {
        this.resource = resource;
        resource.setHandler(this);
        resource.onDestroy(() -> {
            if (selection != null) selection.sourceDestroyed(this);
        });
    }

    static PrimarySelectionSource of(ZwpPrimarySelectionSourceV1 resource) {
        return (PrimarySelectionSource) resource.handler();
    }

    void heldBy(Selection s) {
        selection = s;
    }

    @Override
    public void offer(ZwpPrimarySelectionSourceV1 self, String mimeType) {
        if (!mimeTypes.contains(mimeType)) mimeTypes.add(mimeType);
    }

    @Override
    public void destroy(ZwpPrimarySelectionSourceV1 self) {
        // destructor; the selection hears of it through onDestroy
    }

    @Override
    public Client client() {
        return resource.client();
    }

    @Override
    public List<String> mimeTypes() {
        return mimeTypes;
    }

    @Override
    public void send(String mimeType, OwnedFd fd) {
        resource.sendSend(mimeType, fd);
    }

    @Override
    public void cancelled() {
        selection = null;
        resource.sendCancelled();
    }
}
