package javawc.compositor.backend.drm;

import javawc.os.OsException;

/**
 * How a framebuffer gets onto a head's CRTC: the legacy ioctls or atomic commits. Both end a
 * flip with a page-flip event whose user data is the head's index.
 */
interface KmsCommits {
    /** Atomic commits where the driver has them, else legacy (always with JAVAWC_DRM_LEGACY=1); logged. */
    static KmsCommits choose(DrmDevice device) {
        boolean forceLegacy = "1".equals(System.getenv("JAVAWC_DRM_LEGACY"));
        KmsCommits atomic = forceLegacy ? null : AtomicKms.create(device);
        KmsCommits kms = atomic != null ? atomic : new LegacyKms(device);
        org.apache.logging.log4j.LogManager.getLogger(DrmBackend.class)
                .info("{}: using {}{}", device.path, kms.name(), forceLegacy ? " (JAVAWC_DRM_LEGACY=1)" : "");
        return kms;
    }

    String name();

    /**
     * Lights the head: its mode ({@link DrmHead#mode}), its connector, {@code fb} (that mode's
     * size) on the primary plane. Blocking: when it returns, {@code fb} is on screen and a flip
     * that was in flight has completed (its event is on its way).
     */
    void modeset(DrmHead head, int fb) throws OsException;

    /** Whether a {@link #modeset} that failed left the head as it was (atomic); else it may have to be lit again. */
    default boolean failedModesetChangesNothing() {
        return false;
    }

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
