package javawc.compositor.ipc;

import javawc.os.Descriptors;
import javawc.os.LibC;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.os.UnixSockets;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A listening Unix socket only its owner may connect to (mode 0600 from birth), as the IPC
 * socket and the test control channel use: whoever connects controls the session.
 */
public final class OwnerOnlySocket {
    private static final int S_IFMT = 0170000, S_IFSOCK = 0140000;

    private OwnerOnlySocket() {}

    /**
     * Listens at {@code path}, non-blocking; a stale socket of ours there is replaced, anything
     * else there is refused. {@code what} names the socket in errors (the option or purpose).
     */
    public static OwnedFd listen(Path path, String what) throws IOException {
        removeStaleSocket(path, what);
        OwnedFd fd;
        int oldMask = LibC.umask(0077); // the socket file is born 0600: no moment where others could connect
        try {
            fd = UnixSockets.listen(path, 4);
        } finally {
            LibC.umask(oldMask);
        }
        if (LibC.chmod(path.toString(), 0600) < 0) {
            OsException e = OsException.last("chmod " + path);
            fd.close();
            LibC.unlink(path.toString());
            throw e;
        }
        return fd;
    }

    /** A socket of ours that nobody answers on is left from a crash and goes; anything else stays and we refuse. */
    private static void removeStaleSocket(Path path, String what) throws IOException {
        int[] ownerAndMode = Descriptors.ownerAndMode(path.toString());
        if (ownerAndMode == null) return;
        if ((ownerAndMode[1] & S_IFMT) != S_IFSOCK || ownerAndMode[0] != LibC.getuid()) {
            throw new IOException(what + " " + path + " exists and is not a socket of uid " + LibC.getuid() + "; not touching it");
        }
        try (OwnedFd probe = UnixSockets.connect(path)) {
            throw new IOException(what + " " + path + " is in use by a running process");
        } catch (OsException e) {
            if (e.errno() != LibC.ECONNREFUSED) throw new IOException(what + " " + path + ": " + e.getMessage());
        }
        if (LibC.unlink(path.toString()) < 0) throw OsException.last("removing the stale socket " + path);
    }
}
