package javawc.compositor;

import javawc.client.Display;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.os.UnixSockets;
import javawc.server.EventLoop;
import javawc.server.GlobalRegistry;
import javawc.server.Server;

import java.util.function.Consumer;

/**
 * A server in this JVM, for unit tests of one protocol's handlers: its event loop runs on its
 * own thread (which owns all server state once started), clients connect over socketpairs.
 */
public final class InProcessServer implements AutoCloseable {
    private final EventLoop loop;
    private final Server server;
    private final Thread thread;

    /** {@code setup} adds globals before the loop thread starts. */
    public InProcessServer(Consumer<GlobalRegistry> setup) throws OsException {
        loop = new EventLoop();
        server = new Server(loop);
        setup.accept(server.globals());
        thread = new Thread(() -> {
            try {
                loop.run();
            } catch (OsException e) {
                throw new IllegalStateException(e);
            }
        }, "in-process-server");
        thread.start();
    }

    public Display connect() throws OsException {
        OwnedFd[] pair = UnixSockets.pair();
        loop.post(() -> {
            try {
                server.addClient(pair[0]);
            } catch (OsException e) {
                throw new IllegalStateException(e);
            }
        });
        return Display.fromSocket(pair[1]);
    }

    /** Number of clients still connected, asked on the loop thread. */
    public int clientCount() throws InterruptedException {
        int[] n = {-1};
        var done = new java.util.concurrent.CountDownLatch(1);
        loop.post(() -> {
            n[0] = server.clientCount();
            done.countDown();
        });
        done.await();
        return n[0];
    }

    @Override
    public void close() throws InterruptedException {
        loop.post(() -> {
            server.close();
            loop.stop();
        });
        thread.join(5000);
        loop.close();
    }
}
