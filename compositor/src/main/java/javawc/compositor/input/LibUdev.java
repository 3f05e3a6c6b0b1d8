package javawc.compositor.input;

import com.sun.jna.Native;

/** The two libudev calls libinput's udev backend needs from us (JNA direct mapping on libudev.so.1, Debian's libudev1). */
final class LibUdev {
    static {
        Native.register("libudev.so.1");
    }

    private LibUdev() {}

    static native long udev_new();
    static native long udev_unref(long udev);
}
