package javawc.compositor.backend.drm;

import javawc.compositor.dmabuf.DmabufBuffer;
import javawc.compositor.output.Output;
import javawc.os.NativeBuffer;
import javawc.server.LoopTimer;

/** One lit connector: its CRTC and mode, its buffers, and where its frame cycle is. */
final class DrmHead {
    final int index;                 // carried in page-flip events to find the head again
    final Output output;
    final int connector, crtc;
    byte[] mode;                     // the drm_mode_modeinfo lit, changed by a mode switch (ModeSwitch)
    final NativeBuffer savedCrtc;    // the legacy configuration we found, put back on exit
    HeadScanout scanout;             // its buffers and how frames get into them
    boolean flipPending, frameWanted, timerArmed;
    boolean unplugged;               // its connector went away: no frames until it is back
    long lastFlipNanos;
    DmabufBuffer direct, directPending; // a client buffer on screen / on its way there, locked
    boolean frameStale;                  // frame lacks what was scanned out directly since it was painted
    final FrameStats stats;
    LoopTimer repaintTimer;

    DrmHead(int index, Output output, int connector, int crtc, byte[] mode, NativeBuffer savedCrtc) {
        this.index = index;
        this.output = output;
        this.connector = connector;
        this.crtc = crtc;
        this.mode = mode;
        this.savedCrtc = savedCrtc;
        this.stats = new FrameStats(output.name());
    }
}
