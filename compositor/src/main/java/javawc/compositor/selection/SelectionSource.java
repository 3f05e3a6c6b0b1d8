package javawc.compositor.selection;

import javawc.os.OwnedFd;
import javawc.server.Client;

import java.util.List;

/**
 * Data a client offers as a selection, whichever protocol its source object speaks
 * (wl_data_source, zwp_primary_selection_source_v1, zwlr_data_control_source_v1): an offer
 * of any protocol can be served by a source of any other.
 */
public interface SelectionSource {
    Client client();

    /** The mime types offered, in the order the client named them. */
    List<String> mimeTypes();

    /**
     * Asks the owner to write the data as {@code mimeType} into {@code fd}. The event carries a
     * duplicate; {@code fd} stays the caller's to close.
     */
    void send(String mimeType, OwnedFd fd);

    /** The source stopped being the selection: another replaced it, or it was cleared. */
    void cancelled();
}
