package javawc.compositor.xwayland;

import javawc.os.LibC;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.os.UnixSockets;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An X display number taken as X servers take one: the lock file {@code /tmp/.XN-lock} (made
 * exclusively, holding our pid as ten digits and a newline; a lock whose process is gone is
 * stale and replaced), and the listening sockets {@code /tmp/.X11-unix/XN} and its twin in
 * the abstract namespace. The sockets are handed to Xwayland (-listenfd), so the display
 * exists before the server does.
 */
final class XDisplaySockets implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(XDisplaySockets.class);
    private static final int MAX_DISPLAY = 32;

    final int display;
    final OwnedFd unixSocket, abstractSocket;
    private final Path lock, socketPath;

    private XDisplaySockets(int display, OwnedFd unixSocket, OwnedFd abstractSocket, Path lock, Path socketPath) {
        this.display = display;
        this.unixSocket = unixSocket;
        this.abstractSocket = abstractSocket;
        this.lock = lock;
        this.socketPath = socketPath;
    }

    /** The first free display from {@code first} on, under {@code tmp} (normally /tmp). */
    static XDisplaySockets open(Path tmp, int first) throws IOException {
        Path socketDir = tmp.resolve(".X11-unix");
        if (!Files.isDirectory(socketDir)) {
            Files.createDirectories(socketDir);
            LibC.chmod(socketDir.toString(), 01777); // shared by every user's X server, sticky as /tmp is
        }
        for (int n = first; n < first + MAX_DISPLAY; n++) {
            Path lock = tmp.resolve(".X" + n + "-lock");
            if (!takeLock(lock)) continue;
            Path socketPath = socketDir.resolve("X" + n);
            OwnedFd unix = null;
            try {
                Files.deleteIfExists(socketPath); // the lock is ours: a socket left there is a dead server's
                unix = UnixSockets.listen(socketPath, 64);
                OwnedFd abs = UnixSockets.listenAbstract(socketPath.toString(), 64);
                return new XDisplaySockets(n, unix, abs, lock, socketPath);
            } catch (IOException e) {
                LOG.debug("display :{} is taken ({}); trying the next", n, e.getMessage());
                if (unix != null) {
                    unix.close();
                    Files.deleteIfExists(socketPath);
                }
                Files.deleteIfExists(lock);
            }
        }
        throw new IOException("no free X display from :" + first + " to :" + (first + MAX_DISPLAY - 1) + " (lock files " + tmp + "/.XN-lock)");
    }

    /** Creates the lock file with our pid; a stale one (its pid gone) is replaced once. */
    private static boolean takeLock(Path lock) throws IOException {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.writeString(lock, String.format("%10d%n", ProcessHandle.current().pid()), StandardCharsets.US_ASCII,
                        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                lock.toFile().setReadable(true, false);
                lock.toFile().setWritable(false, false);
                return true;
            } catch (FileAlreadyExistsException e) {
                if (!isStale(lock)) return false;
                LOG.info("removing the stale X lock file {}", lock);
                Files.deleteIfExists(lock);
            }
        }
        return false;
    }

    private static boolean isStale(Path lock) {
        try {
            int pid = Integer.parseInt(Files.readString(lock, StandardCharsets.US_ASCII).trim());
            return pid > 0 && LibC.kill(pid, 0) != 0 && LibC.errno() != LibC.EPERM;
        } catch (IOException | NumberFormatException e) {
            return false; // unreadable or being written: not ours to remove
        }
    }

    String name() {
        return ":" + display;
    }

    @Override
    public void close() {
        unixSocket.close();
        abstractSocket.close();
        try {
            Files.deleteIfExists(socketPath);
            Files.deleteIfExists(lock);
        } catch (IOException e) {
            LOG.warn("removing display :{}'s files: {}", display, e.getMessage());
        }
    }
}
