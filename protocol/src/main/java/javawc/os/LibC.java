package javawc.os;

import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Direct-mapped glibc entry points (JNA {@code Native.register}: about half the cost of an
 * interface mapping per call). Pointers are passed as {@code long} addresses of memory we own
 * (direct buffers or {@link NativeBuffer}), so a call allocates nothing on the Java heap.
 * Failures return -1; read {@link #errno()} right after. Callers wrap these in small typed
 * classes ({@link OwnedFd}, {@link SocketIo}, {@link Epoll}...); nothing else calls them.
 */
public final class LibC {
    /**
     * glibc by its soname: JNA's short name "c" maps to "libc.so", which fails to load (a linker
     * script where libc6-dev is installed, else absent), so JNA then lists the library
     * directories for a versioned file; the soname loads at the first try.
     */
    static final String LIBRARY = "libc.so.6";

    static {
        // Struct layouts below (stat, epoll_event, msghdr) are those of x86_64 glibc.
        if (!Platform.isLinux() || !"x86-64".equals(Platform.ARCH)) {
            throw new UnsupportedOperationException("javawc needs Linux on x86_64, found " + System.getProperty("os.name") + "/" + Platform.ARCH);
        }
        skipLdconfig();
        Native.register(LIBRARY);
    }

    private LibC() {}

    /**
     * Gives JNA its platform search path before its first library is loaded. Left to itself,
     * JNA's NativeLibrary starts {@code /sbin/ldconfig -p} once per process to add the loader
     * cache's directories to that path (a child process and its output parsed, ~20 ms of CPU
     * and more of wall time before the first client). The path is only searched when a library
     * cannot be opened by its name, and every library here is named by its soname, which the
     * dynamic loader finds through that same cache: so the directories JNA puts first
     * ({@code /usr/lib/<multiarch>}, {@code /lib/<multiarch>}, /usr/lib64, /lib64, /usr/lib,
     * /lib, those that exist) are enough. A path set by the user (-Djna.platform.library.path)
     * is kept.
     */
    static void skipLdconfig() {
        if (System.getProperty("jna.platform.library.path") != null) return;
        StringBuilder path = new StringBuilder();
        for (String dir : new String[] {"/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib"}) {
            if (!new java.io.File(dir).isDirectory()) continue;
            if (!path.isEmpty()) path.append(java.io.File.pathSeparatorChar);
            path.append(dir);
        }
        System.setProperty("jna.platform.library.path", path.toString());
    }

    // errno values we act on
    public static final int EINTR = 4, EBADF = 9, EAGAIN = 11, ENOMEM = 12, EACCES = 13, EEXIST = 17,
            EINVAL = 22, EMFILE = 24, EPIPE = 32, ECONNRESET = 104, EADDRINUSE = 98, ENOENT = 2, EWOULDBLOCK = EAGAIN,
            EPERM = 1, ECONNREFUSED = 111, ENOSPC = 28, ENOBUFS = 105;

    public static final int AF_UNIX = 1, SOCK_STREAM = 1, SOCK_NONBLOCK = 0x800, SOCK_CLOEXEC = 0x80000;
    /** Kernel uevents (hotplug): a datagram netlink socket bound to multicast group 1. */
    public static final int AF_NETLINK = 16, SOCK_DGRAM = 2, NETLINK_KOBJECT_UEVENT = 15;
    public static final int SOL_SOCKET = 1, SCM_RIGHTS = 1, SHUT_WR = 1, SO_PEERCRED = 17;
    public static final int MSG_CTRUNC = 0x8, MSG_DONTWAIT = 0x40, MSG_NOSIGNAL = 0x4000, MSG_CMSG_CLOEXEC = 0x40000000;
    public static final int O_RDONLY = 0, O_RDWR = 2, O_CREAT = 0x40, O_CLOEXEC = 0x80000, O_NONBLOCK = 0x800;
    public static final int F_GETFD = 1, F_GETFL = 3, F_DUPFD_CLOEXEC = 1030, F_ADD_SEALS = 1033, F_GET_SEALS = 1034;
    public static final int LOCK_EX = 2, LOCK_NB = 4;
    public static final int PROT_READ = 1, PROT_WRITE = 2, MAP_SHARED = 1, MAP_PRIVATE = 2;
    public static final int MFD_CLOEXEC = 1, MFD_ALLOW_SEALING = 2;
    public static final int SEEK_SET = 0, SEEK_END = 2;

    public static native int socket(int domain, int type, int protocol);
    public static native int socketpair(int domain, int type, int protocol, int[] fds);
    public static native int bind(int fd, long addr, int len);
    public static native int connect(int fd, long addr, int len);
    public static native int listen(int fd, int backlog);
    public static native int accept4(int fd, long addr, long lenAddr, int flags);
    public static native int shutdown(int fd, int how);
    public static native long sendmsg(int fd, long msghdr, int flags);
    public static native long recvmsg(int fd, long msghdr, int flags);
    public static native long read(int fd, long buf, long count);
    public static native long write(int fd, long buf, long count);
    public static native int close(int fd);
    public static native int dup(int fd);
    public static native int fcntl(int fd, int cmd, int arg);
    public static native int open(String path, int flags, int mode);
    public static native int unlink(String path);
    public static native int chmod(String path, int mode);
    public static native int umask(int mask);
    public static native int flock(int fd, int op);
    public static native int pipe2(int[] fds, int flags);
    public static native int memfd_create(String name, int flags);
    public static native int ftruncate(int fd, long length);
    public static native long lseek(int fd, long offset, int whence);
    public static native int fstat(int fd, long statBuf);
    public static native int stat(String path, long statBuf);
    public static native int lstat(String path, long statBuf);
    public static native long mmap(long addr, long length, int prot, int flags, int fd, long offset);
    public static native int munmap(long addr, long length);
    public static native int epoll_create1(int flags);
    public static native int epoll_ctl(int epfd, int op, int fd, long event);
    public static native int epoll_wait(int epfd, long events, int maxEvents, int timeoutMs);
    public static native int eventfd(int initval, int flags);
    public static native int timerfd_create(int clockid, int flags);
    public static native int timerfd_settime(int fd, int flags, long newValue, long oldValue);
    public static native int signalfd(int fd, long mask, int flags);
    public static native int pthread_sigmask(int how, long set, long oldset);
    public static native int poll(long fds, long nfds, int timeoutMs);
    public static native int ioctl(int fd, long request, long arg);
    public static native int raise(int sig);
    public static native int kill(int pid, int sig);
    public static native int getsockopt(int fd, int level, int option, long value, long length);
    public static native int getpid();
    public static native int getuid();
    public static native String strerror(int errnum);

    /** errno of the last failed call on this thread (valid only right after a -1 return). */
    public static int errno() {
        return Native.getLastError();
    }

    /** "strerror (errno)" for messages. */
    public static String describe(int errno) {
        return strerror(errno) + " (errno " + errno + ")";
    }
}
