package javawc.os;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** AF_UNIX stream sockets: listen, connect, accept, socketpair. All fds close-on-exec. */
public final class UnixSockets {
    private static final int SUN_PATH_MAX = 108;

    private UnixSockets() {}

    /** Builds a sockaddr_un; the path must fit sun_path with its NUL. */
    private static NativeBuffer address(Path path) {
        byte[] bytes = path.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length >= SUN_PATH_MAX) {
            throw new IllegalArgumentException("socket path too long (" + bytes.length + " bytes, max " + (SUN_PATH_MAX - 1) + "): " + path);
        }
        NativeBuffer addr = new NativeBuffer(2 + SUN_PATH_MAX);
        addr.buffer().putShort(0, (short) LibC.AF_UNIX);
        addr.buffer().put(2, bytes);
        return addr;
    }

    private static OwnedFd newSocket(int extraFlags) throws OsException {
        return OwnedFd.check(LibC.socket(LibC.AF_UNIX, LibC.SOCK_STREAM | LibC.SOCK_CLOEXEC | extraFlags, 0), "socket");
    }

    /** A non-blocking listening socket bound at {@code path} (which must not exist). */
    public static OwnedFd listen(Path path, int backlog) throws OsException {
        OwnedFd fd = newSocket(LibC.SOCK_NONBLOCK);
        try {
            NativeBuffer addr = address(path);
            if (LibC.bind(fd.get(), addr.address(), addr.capacity()) < 0) throw OsException.last("bind " + path);
            if (LibC.listen(fd.get(), backlog) < 0) throw OsException.last("listen " + path);
            return fd;
        } catch (OsException | RuntimeException e) {
            fd.close();
            throw e;
        }
    }

    /**
     * A non-blocking listening socket in the abstract namespace (Linux): {@code name} without its
     * leading NUL, which the address gets here. Nothing on disk; it goes with its last fd.
     */
    public static OwnedFd listenAbstract(String name, int backlog) throws OsException {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length + 1 >= SUN_PATH_MAX) throw new IllegalArgumentException("abstract socket name too long: " + name);
        NativeBuffer addr = new NativeBuffer(2 + SUN_PATH_MAX);
        addr.buffer().putShort(0, (short) LibC.AF_UNIX);
        addr.buffer().put(2, (byte) 0);
        addr.buffer().put(3, bytes);
        OwnedFd fd = newSocket(LibC.SOCK_NONBLOCK);
        try {
            // the length counts the name exactly: abstract names are not NUL-terminated
            if (LibC.bind(fd.get(), addr.address(), 2 + 1 + bytes.length) < 0) throw OsException.last("bind @" + name);
            if (LibC.listen(fd.get(), backlog) < 0) throw OsException.last("listen @" + name);
            return fd;
        } catch (OsException | RuntimeException e) {
            fd.close();
            throw e;
        }
    }

    /** A blocking socket connected to {@code path}. */
    public static OwnedFd connect(Path path) throws OsException {
        OwnedFd fd = newSocket(0);
        try {
            NativeBuffer addr = address(path);
            if (LibC.connect(fd.get(), addr.address(), addr.capacity()) < 0) throw OsException.last("connect " + path);
            return fd;
        } catch (OsException | RuntimeException e) {
            fd.close();
            throw e;
        }
    }

    /** Accepts one connection as a non-blocking socket, or returns null if none is waiting. */
    public static OwnedFd accept(OwnedFd listener) throws OsException {
        while (true) {
            int fd = LibC.accept4(listener.get(), 0, 0, LibC.SOCK_CLOEXEC | LibC.SOCK_NONBLOCK);
            if (fd >= 0) return new OwnedFd(fd);
            int e = LibC.errno();
            if (e == LibC.EINTR) continue;
            if (e == LibC.EAGAIN) return null;
            throw new OsException("accept4", e);
        }
    }

    /** A connected pair of blocking stream sockets. */
    public static OwnedFd[] pair() throws OsException {
        int[] fds = new int[2];
        if (LibC.socketpair(LibC.AF_UNIX, LibC.SOCK_STREAM | LibC.SOCK_CLOEXEC, 0, fds) < 0) throw OsException.last("socketpair");
        return new OwnedFd[] {new OwnedFd(fds[0]), new OwnedFd(fds[1])};
    }

    /** Closes our sending direction; the peer reads end-of-stream after what was sent. */
    public static void shutdownWrite(OwnedFd fd) throws OsException {
        if (LibC.shutdown(fd.get(), LibC.SHUT_WR) < 0) throw OsException.last("shutdown");
    }

    /** Who is at the other end of a connected Unix socket, as the kernel recorded it at connect time. */
    public record PeerCredentials(int pid, int uid, int gid) {}

    /** SO_PEERCRED: the peer's pid, uid and gid (struct ucred, three ints). */
    public static PeerCredentials peerCredentials(OwnedFd fd) throws OsException {
        NativeBuffer nb = new NativeBuffer(PEER_CREDENTIALS_SCRATCH);
        readPeerCredentials(fd, nb);
        return new PeerCredentials(nb.buffer().getInt(0), nb.buffer().getInt(4), nb.buffer().getInt(8));
    }

    /** Bytes of scratch {@link #peerPid} needs. */
    public static final int PEER_CREDENTIALS_SCRATCH = 16;

    /**
     * SO_PEERCRED's pid (0 when the peer is in another pid namespace), read through
     * {@code scratch} (at least {@link #PEER_CREDENTIALS_SCRATCH} bytes, one thread's): a server
     * asks for every client it accepts, and a direct buffer per call is a native allocation
     * and a cleaner left for the collector.
     */
    public static int peerPid(OwnedFd fd, NativeBuffer scratch) throws OsException {
        readPeerCredentials(fd, scratch);
        return scratch.buffer().getInt(0);
    }

    private static void readPeerCredentials(OwnedFd fd, NativeBuffer into) throws OsException {
        into.buffer().putInt(12, 12); // socklen_t in: the size of struct ucred
        if (LibC.getsockopt(fd.get(), LibC.SOL_SOCKET, LibC.SO_PEERCRED, into.address(), into.address() + 12) < 0) throw OsException.last("getsockopt(SO_PEERCRED)");
    }

    /** Sets or clears O_NONBLOCK. */
    public static void setNonBlocking(OwnedFd fd, boolean on) throws OsException {
        int flags = LibC.fcntl(fd.get(), LibC.F_GETFL, 0);
        if (flags < 0) throw OsException.last("fcntl(F_GETFL)");
        flags = on ? flags | LibC.O_NONBLOCK : flags & ~LibC.O_NONBLOCK;
        if (LibC.fcntl(fd.get(), 4 /* F_SETFL */, flags) < 0) throw OsException.last("fcntl(F_SETFL)");
    }
}
