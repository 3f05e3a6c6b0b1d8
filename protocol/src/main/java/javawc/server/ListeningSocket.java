package javawc.server;

import javawc.os.Descriptors;
import javawc.os.LibC;
import javawc.os.OwnedFd;
import javawc.os.UnixSockets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The compositor's socket {@code $XDG_RUNTIME_DIR/wayland-N}, guarded like libwayland's: a
 * {@code wayland-N.lock} file held with flock while we live, so a socket file whose lock is
 * free is stale and may be replaced. Closing removes both.
 */
public final class ListeningSocket implements AutoCloseable {
    private static final int MAX_AUTO_DISPLAYS = 32;

    private final String name;
    private final Path socketPath, lockPath;
    private final OwnedFd lock, socket;

    private ListeningSocket(String name, Path socketPath, Path lockPath, OwnedFd lock, OwnedFd socket) {
        this.name = name;
        this.socketPath = socketPath;
        this.lockPath = lockPath;
        this.lock = lock;
        this.socket = socket;
    }

    /** Checks that {@code dir} is what XDG_RUNTIME_DIR must be: ours, a directory, mode 0700. */
    public static Path runtimeDir(String value) throws IOException {
        if (value == null || value.isEmpty()) {
            throw new IOException("XDG_RUNTIME_DIR is not set: set it to a private directory (mode 0700, owned by you), e.g. /run/user/$(id -u)");
        }
        Path dir = Path.of(value);
        if (!dir.isAbsolute()) throw new IOException("XDG_RUNTIME_DIR must be an absolute path, not " + value);
        int[] ownerAndMode = Descriptors.ownerAndMode(value);
        if (ownerAndMode == null) throw new IOException("XDG_RUNTIME_DIR " + value + " does not exist");
        int mode = ownerAndMode[1];
        if ((mode & 0170000) != 0040000) throw new IOException("XDG_RUNTIME_DIR " + value + " is not a directory");
        if (ownerAndMode[0] != LibC.getuid()) throw new IOException("XDG_RUNTIME_DIR " + value + " is not owned by uid " + LibC.getuid());
        if ((mode & 0777) != 0700) {
            throw new IOException(String.format("XDG_RUNTIME_DIR %s has mode %04o; it must be 0700 (chmod 700 %s)", value, mode & 0777, value));
        }
        return dir;
    }

    /** Binds {@code name} in {@code runtimeDir}, or the first free wayland-N when name is null. */
    public static ListeningSocket open(Path runtimeDir, String name) throws IOException {
        if (name != null) {
            if (name.isEmpty() || name.contains("/")) throw new IOException("bad socket name '" + name + "': a plain file name is needed");
            ListeningSocket s = tryOpen(runtimeDir, name);
            if (s == null) throw new IOException("socket " + runtimeDir.resolve(name) + " is in use by another compositor (its lock file is held)");
            return s;
        }
        for (int n = 0; n < MAX_AUTO_DISPLAYS; n++) {
            ListeningSocket s = tryOpen(runtimeDir, "wayland-" + n);
            if (s != null) return s;
        }
        throw new IOException("wayland-0 to wayland-" + (MAX_AUTO_DISPLAYS - 1) + " are all taken in " + runtimeDir);
    }

    private static ListeningSocket tryOpen(Path dir, String name) throws IOException {
        Path socketPath = dir.resolve(name);
        Path lockPath = dir.resolve(name + ".lock");
        OwnedFd lock = Descriptors.open(lockPath.toString(), LibC.O_CREAT | LibC.O_RDWR, 0660);
        try {
            if (!Descriptors.tryLock(lock)) {
                lock.close();
                return null;
            }
            // we hold the lock, so any socket file left here belongs to a compositor that died
            Files.deleteIfExists(socketPath);
            OwnedFd socket = UnixSockets.listen(socketPath, 128);
            return new ListeningSocket(name, socketPath, lockPath, lock, socket);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public String name() {
        return name;
    }

    public Path path() {
        return socketPath;
    }

    public OwnedFd fd() {
        return socket;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(socketPath);
            Files.deleteIfExists(lockPath);
        } catch (IOException ignored) {
            // best effort at shutdown; the lock protocol copes with leftovers
        }
        socket.close();
        lock.close();
    }
}
