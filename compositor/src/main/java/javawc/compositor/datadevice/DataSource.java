package javawc.compositor.datadevice;

import javawc.compositor.selection.Selection;
import javawc.compositor.selection.SelectionSource;
import javawc.os.OwnedFd;
import javawc.server.Client;
import javawc.server.protocol.WlDataDeviceManager.DndAction;
import javawc.server.protocol.WlDataSource;

import java.util.ArrayList;
import java.util.List;

/**
 * wl_data_source: the mime types a client offers, and the drag-and-drop actions it allows. A
 * source serves once: as the clipboard selection or for one drag; giving it to a second
 * set_selection or start_drag is an error, and so is making a source with actions the selection.
 */
final class DataSource implements WlDataSource.Handler, SelectionSource {
    /** What the source was given to, if anything. */
    enum Use { NONE, SELECTION, DRAG }

    private final WlDataSource resource;
    private final List<String> mimeTypes = new ArrayList<>();
    private int actions;
    private boolean actionsSet;
    private Use use = Use.NONE;
    private Selection selection; // while it may hold one
    private Drag drag;           // while a drag uses it

    DataSource(WlDataSource resource) {
        this.resource = resource;
        resource.setHandler(this);
        resource.onDestroy(this::destroyed);
    }

    static DataSource of(WlDataSource resource) {
        return (DataSource) resource.handler();
    }

    WlDataSource resource() {
        return resource;
    }

    int version() {
        return resource.version();
    }

    /** The actions it allows: what set_actions said, or copy for a source that never could (before version 3) or did not. */
    int actions() {
        return actionsSet ? actions : DndAction.COPY;
    }

    /**
     * Claims the source for {@code how}; false, after posting the error, if it was used before or
     * is a drag-and-drop source given to set_selection. (Debian 12's wayland.xml predates
     * wl_data_device.used_source, so a reused source is this object's invalid_source.)
     */
    boolean claim(Use how) {
        if (use != Use.NONE) {
            resource.postError(WlDataSource.Error.INVALID_SOURCE, resource + " was already used for " + (use == Use.DRAG ? "a drag" : "a selection"));
            return false;
        }
        if (how == Use.SELECTION && actionsSet) {
            resource.postError(WlDataSource.Error.INVALID_SOURCE, resource + " has drag-and-drop actions and cannot be the selection");
            return false;
        }
        use = how;
        return true;
    }

    void heldBy(Selection s) {
        selection = s;
    }

    void usedBy(Drag d) {
        drag = d;
    }

    // ---- requests ----

    @Override
    public void offer(WlDataSource self, String mimeType) {
        if (!mimeTypes.contains(mimeType)) mimeTypes.add(mimeType);
    }

    @Override
    public void setActions(WlDataSource self, int dndActions) {
        if (!DndActions.isMask(dndActions)) {
            self.postError(WlDataSource.Error.INVALID_ACTION_MASK, "invalid drag-and-drop actions 0x" + Integer.toHexString(dndActions));
        } else if (actionsSet) {
            self.postError(WlDataSource.Error.INVALID_SOURCE, "set_actions may be sent only once");
        } else if (use != Use.NONE) {
            self.postError(WlDataSource.Error.INVALID_SOURCE, "set_actions after the source was used");
        } else {
            actions = dndActions;
            actionsSet = true;
        }
    }

    @Override
    public void destroy(WlDataSource self) {
        // destructor; the cleanup is in destroyed()
    }

    private void destroyed() {
        if (selection != null) selection.sourceDestroyed(this);
        if (drag != null) drag.sourceDestroyed();
    }

    // ---- as a selection ----

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
