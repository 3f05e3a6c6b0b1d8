package javawc.compositor.backend.drm;

import javawc.os.Drm;
import javawc.os.OsException;

/** Legacy modesetting: SETCRTC to light a head, PAGE_FLIP per frame, SETCRTC with the saved state to restore. */
final class LegacyKms implements KmsCommits {
    private final DrmDevice device;

    LegacyKms(DrmDevice device) {
        this.device = device;
    }

    @Override
    public String name() {
        return "legacy modesetting";
    }

    @Override
    public void modeset(DrmHead head, int fb) throws OsException {
        device.setCrtc(head.crtc, fb, head.connector, head.mode);
    }

    @Override
    public void flip(DrmHead head, int fb) throws OsException {
        device.pageFlip(head.crtc, fb, head.index);
    }

    /** Legacy KMS has no way to ask; PAGE_FLIP itself fails if the driver cannot show {@code fb}. */
    @Override
    public boolean test(DrmHead head, int fb) {
        return true;
    }

    /** Legacy KMS lists no primary planes: XRGB8888 is what every KMS driver scans out. */
    @Override
    public int[] scanoutFormats() {
        return new int[] {Drm.FORMAT_XRGB8888};
    }

    @Override
    public void restore(DrmHead head) throws OsException {
        device.restoreCrtc(head.savedCrtc, head.connector);
    }
}
