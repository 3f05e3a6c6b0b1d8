package javawc.compositor.session;

import javawc.os.LibC;

/**
 * How the compositor opens the device nodes of its seat (the DRM card, /dev/input/event*):
 * {@link #DIRECT}ly with open(2), which needs root or membership of the 'video' and 'input'
 * groups, or through a seat manager ({@link LibseatSession}: seatd or logind), which opens
 * them for us and takes them away again when the session is switched away. The int fds follow
 * libinput's open_restricted convention, so the same object serves libinput and the DRM backend.
 */
public interface DeviceAccess {
    /** Opens {@code path}: a new close-on-exec fd, or a negative errno. {@code flags} are open(2)'s (a seat manager may ignore them). */
    int open(String path, int flags);

    /** Gives back an fd {@link #open} returned, closing it. */
    void close(int fd);

    /** Whether the seat manager makes us DRM master and drops it again (then we must not try: it would fail). */
    boolean managesDrmMaster();

    /** Opening with open(2) ourselves. */
    DeviceAccess DIRECT = new DeviceAccess() {
        @Override
        public int open(String path, int flags) {
            int fd = LibC.open(path, flags | LibC.O_CLOEXEC, 0);
            return fd >= 0 ? fd : -LibC.errno();
        }

        @Override
        public void close(int fd) {
            LibC.close(fd);
        }

        @Override
        public boolean managesDrmMaster() {
            return false;
        }

        @Override
        public String toString() {
            return "opened directly";
        }
    };
}
