package javawc.compositor.xdg;

import javawc.compositor.core.Surface;

/**
 * What an xdg_popup hangs from: an xdg_surface, or a surface of another protocol that adopts a
 * popup made with a null parent (a layer surface, through zwlr_layer_surface_v1.get_popup;
 * see {@link XdgShell#adoptPopup}). The popup is placed relative to it and dismissed when it goes.
 */
public interface PopupParent {
    Surface surface();

    /** The global position of the space the positioner's anchor rect is in (the window geometry's corner); false while not shown. */
    boolean windowPosition(int[] xy);

    void addChildPopup(Popup popup);

    void removeChildPopup(Popup popup);

    /** A popup as its parent sees it. */
    interface Popup {
        /** The parent stopped being shown: the popup goes, and its client is told (popup_done). */
        void dismiss();

        /** Damages where the popup and its own popups are drawn (the parent moved). */
        void damage();

        boolean isAlive();
    }
}
