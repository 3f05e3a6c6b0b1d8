package javawc.server;

import javawc.os.Descriptors;
import javawc.os.Epoll;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The compositor's only thread of protocol work: epoll over client sockets, listeners, timers,
 * DRM and input fds. Handlers run on this thread and must not block. Before each sleep the
 * "before sleep" hooks run (client output is flushed there: one sendmsg per client per turn).
 * Signals and other threads reach the loop only through {@link #post}, which wakes it with an
 * eventfd.
 */
public final class EventLoop implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(EventLoop.class);

    /** Called on the loop thread with the epoll event bits. */
    public interface FdHandler {
        void ready(int events) throws Exception;
    }

    /** A registered fd; remove it before closing the fd. */
    public final class Source {
        private final int fd;
        private final int token;
        private final FdHandler handler;
        private boolean removed;

        private Source(int fd, int token, FdHandler handler) {
            this.fd = fd;
            this.token = token;
            this.handler = handler;
        }

        public void setEvents(int events) throws OsException {
            if (!removed) epoll.modify(fd, events, token);
        }

        public void remove() {
            if (removed) return;
            removed = true;
            sources[token] = null;
            if (retiredCount == retiredTokens.length) retiredTokens = Arrays.copyOf(retiredTokens, retiredCount * 2);
            retiredTokens[retiredCount++] = token;
            try {
                epoll.remove(fd);
            } catch (OsException e) {
                LOG.debug("epoll remove of fd {}: {}", fd, e.getMessage());
            }
        }
    }

    private final Epoll epoll = new Epoll(64);
    private final OwnedFd wakeup = Descriptors.eventFd();
    private final ConcurrentLinkedQueue<Runnable> posted = new ConcurrentLinkedQueue<>();
    private final Object wakeupLock = new Object();
    private boolean closed; // guarded by wakeupLock
    private final List<Runnable> beforeSleep = new ArrayList<>();
    private Source[] sources = new Source[64];
    // tokens of removed sources: a stack of free ones, and those retired this turn (int arrays
    // that only grow, so a client that connects and leaves allocates nothing here)
    private int[] freeTokens = new int[16], retiredTokens = new int[16];
    private int freeCount, retiredCount;
    private int nextToken;
    private volatile boolean running;
    private Thread thread;

    public EventLoop() throws OsException {
        add(wakeup.get(), Epoll.IN, events -> {
            Descriptors.readCounter(wakeup);
            Runnable r;
            while ((r = posted.poll()) != null) r.run();
        });
    }

    public Source add(int fd, int events, FdHandler handler) throws OsException {
        int token;
        if (freeCount > 0) {
            token = freeTokens[--freeCount];
        } else {
            token = nextToken++;
            if (token == sources.length) sources = Arrays.copyOf(sources, sources.length * 2);
        }
        Source s = new Source(fd, token, handler);
        try {
            epoll.add(fd, events, token);
        } catch (OsException | RuntimeException e) {
            // never handed out: free again at once
            if (freeCount == freeTokens.length) freeTokens = Arrays.copyOf(freeTokens, freeCount * 2);
            freeTokens[freeCount++] = token;
            throw e;
        }
        sources[token] = s;
        return s;
    }

    /** Runs {@code hook} on the loop thread before every sleep. */
    public void beforeSleep(Runnable hook) {
        beforeSleep.add(hook);
    }

    /**
     * Runs {@code task} on the loop thread soon. Safe from any thread, including signal handlers;
     * after {@link #close} it is dropped (a second SIGTERM during shutdown, say).
     */
    public void post(Runnable task) {
        // the lock keeps a signal thread from writing to the wakeup fd while close() frees its
        // number for reuse; the loop thread takes it uncontended
        synchronized (wakeupLock) {
            if (closed) return;
            posted.add(task);
            try {
                Descriptors.signalEvent(wakeup, 1);
            } catch (OsException e) {
                LOG.error("cannot wake the event loop", e);
            }
        }
    }

    /**
     * Routes a POSIX signal ("INT", "TERM", "USR1"...) to {@code handler} on the loop thread.
     * The JVM owns signal delivery (its threads do not share a signal mask we could set for
     * signalfd), so this uses the JDK's signal hook and forwards through {@link #post}.
     */
    @SuppressWarnings("removal")
    public void onSignal(String name, Runnable handler) {
        sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> post(handler));
    }

    /** Dispatches until {@link #stop()}. */
    public void run() throws OsException {
        running = true;
        thread = Thread.currentThread();
        while (running) dispatch(-1);
    }

    public void stop() {
        running = false;
        if (thread != null && Thread.currentThread() != thread) post(() -> {});
    }

    public boolean isLoopThread() {
        return Thread.currentThread() == thread;
    }

    /** One turn: before-sleep hooks, wait up to {@code timeoutMs}, then run the ready handlers. */
    public void dispatch(int timeoutMs) throws OsException {
        for (int i = 0; i < beforeSleep.size(); i++) beforeSleep.get(i).run(); // indexed: no iterator per turn
        int n = epoll.await(timeoutMs);
        for (int i = 0; i < n; i++) {
            int token = epoll.readyToken(i);
            Source s = token < sources.length ? sources[token] : null;
            if (s == null || s.removed) continue;
            run(s, epoll.readyEvents(i));
        }
        if (retiredCount > 0) {
            // tokens of sources removed during this turn are reused only now, so a stale event
            // from this turn's batch can never reach a new source
            if (freeCount + retiredCount > freeTokens.length) freeTokens = Arrays.copyOf(freeTokens, Math.max(freeTokens.length * 2, freeCount + retiredCount));
            System.arraycopy(retiredTokens, 0, freeTokens, freeCount, retiredCount);
            freeCount += retiredCount;
            retiredCount = 0;
        }
    }

    /**
     * One ready fd's handler. Kept out of {@link #dispatch}'s compiled code (scripts/lib.sh:
     * CompileCommand dontinline): inlined, each handler's whole path made dispatch a huge
     * compilation that the JIT threw away and redid, ~120 ms of C2 on the loop's CPU, whenever
     * a path not seen before ran (the first clients after a run of frames).
     */
    private void run(Source s, int events) {
        try {
            s.handler.ready(events);
        } catch (Exception e) {
            LOG.error("event handler for fd {} failed", s.fd, e);
        }
    }

    @Override
    public void close() {
        synchronized (wakeupLock) {
            closed = true;
            wakeup.close();
        }
        epoll.close();
    }
}
