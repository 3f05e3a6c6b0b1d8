package javawc.server;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tasks posted from other threads run on the loop; once it is closed they are dropped quietly. */
class EventLoopTest {
    @Test
    void aTaskPostedFromAnotherThreadRunsOnTheLoop() throws Exception {
        EventLoop loop = new EventLoop();
        try {
            Thread[] ranOn = new Thread[1];
            Thread poster = new Thread(() -> loop.post(() -> ranOn[0] = Thread.currentThread()));
            poster.start();
            poster.join();
            loop.dispatch(1000);
            assertEquals(Thread.currentThread(), ranOn[0]);
        } finally {
            loop.close();
        }
    }

    @Test
    void postingAfterCloseIsDropped() throws Exception {
        EventLoop loop = new EventLoop();
        loop.close();
        // a second SIGTERM during shutdown used to throw here ("fd already closed") on the signal thread
        Thread poster = new Thread(() -> loop.post(() -> {}));
        Throwable[] thrown = new Throwable[1];
        poster.setUncaughtExceptionHandler((t, e) -> thrown[0] = e);
        poster.start();
        poster.join();
        assertEquals(null, thrown[0]);
        assertDoesNotThrow(() -> loop.post(() -> {}));
    }
}
