package javawc.compositor.datacontrol;

import javawc.compositor.selection.Selection;
import javawc.compositor.selection.SelectionSource;
import javawc.os.OwnedFd;
import javawc.server.Client;
import javawc.server.protocol.ZwlrDataControlSourceV1;

import java.util.ArrayList;
import java.util.List;

/** zwlr_data_control_source_v1: mime types offered until the source is set, once, as a selection. */
final class DataControlSource implements ZwlrDataControlSourceV1.Handler, SelectionSource {
    private final ZwlrDataControlSourceV1 resource;
    private final List<String> mimeTypes = new ArrayList<>();
    private boolean used;
    private Selection selection; // while it may hold it

    DataControlSource(ZwlrDataControlSourceV1 resource) {
        this.resource = resource;
        resource.setHandler(this);
        resource.onDestroy(() -> {
            if (selection != null) selection.sourceDestroyed(this);
        });
    }

    static DataControlSource of(ZwlrDataControlSourceV1 resource) {
        return (DataControlSource) resource.handler();
    }

    /** Marks the source as set on {@code s}; false if it was set before. */
    boolean claim(Selection s) {
        if (used) return false;
        used = true;
        selection = s;
        return true;
    }

    @Override
    public void offer(ZwlrDataControlSourceV1 self, String mimeType) {
        if (used) {
            self.postError(ZwlrDataControlSourceV1.Error.INVALID_OFFER, "offer after the source was set as a selection");
        } else if (!mimeTypes.contains(mimeType)) {
            mimeTypes.add(mimeType);
        }
    }

    @Override
    public void destroy(ZwlrDataControlSourceV1 self) {
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
