package javawc.compositor.backend.drm;

import javawc.os.OsException;

/**
 * How a framebuffer gets onto a head's CRTC: the legacy ioctls or atomic commits. Both end a
 * flip with a page-flip event whose user data is the head's index.
 */
interface KmsCommits {
    String name();

    /** Lights the head: its mode, its connector, {@code fb} on the primary plane. */
    void modeset(DrmHead head, int fb) throws OsException;

    /** Shows {@code fb} at the next vblank, with a flip-complete event. */
    void flip(DrmHead head, int fb) throws OsException;

    /**
     * Whether {@code fb} (the mode's size) could be shown on the head's primary plane instead
     * of our own buffer, e.g. a client's dma-buf for direct scanout. Cheap enough to ask per
     * frame; it throws nothing and changes nothing.
     */
    boolean test(DrmHead head, int fb);

    /** The pixel formats every head's primary plane can show (what direct scanout may be offered in). */
    int[] scanoutFormats();

    /** Puts the CRTC back as we found it. */
    void restore(DrmHead head) throws OsException;
}
