package javawc.compositor;

import javawc.client.Display;
import javawc.os.OwnedFd;
import javawc.os.UnixSockets;
import javawc.server.EventLoop;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The whole compositor in this JVM (no socket, no signals): its event loop on its own thread,
 * which owns the compositor's state and, with the GLES renderer, the GL context. Clients
 * connect over socketpairs; {@link #onLoop} runs code on the loop thread and waits for it.
 */
final class InProcessCompositor implements AutoCloseable {
    final Compositor compositor;
    private final EventLoop loop;
    private final Thread thread;

    InProcessCompositor(String... args) throws Exception {
        this(ProtocolContext.Policy.STRICT, args);
    }

    /** With {@code policy}: {@code everyPrivilege} offers the privileged globals to the test's clients. */
    InProcessCompositor(ProtocolContext.Policy policy, String... args) throws Exception {
        loop = new EventLoop();
        compositor = new Compositor(loop, Options.parse(List.of(args)), javawc.compositor.config.Config.none(), policy);
        thread = new Thread(() -> {
            try {
                loop.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "in-process-compositor");
        thread.start();
    }

    TestClient connect() throws Exception {
        OwnedFd[] pair = UnixSockets.pair();
        onLoop(() -> compositor.server().addClient(pair[0]));
        return new TestClient(Display.fromSocket(pair[1]));
    }

    /** Runs {@code task} on the loop thread and returns its result (its exception, unwrapped, if it threw). */
    <T> T onLoop(Callable<T> task) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        loop.post(() -> {
            try {
                f.complete(task.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) throw x;
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        onLoop(() -> {
            compositor.close();
            loop.stop();
            return null;
        });
        thread.join(5000);
        loop.close();
    }
}
