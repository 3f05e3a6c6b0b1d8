package javawc.compositor.selection;

import javawc.os.Descriptors;
import javawc.os.OwnedFd;
import javawc.server.Client;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SelectionTest {
    /** A source that writes down what happens to it. */
    private static final class Recorder implements SelectionSource {
        final List<String> events = new ArrayList<>();

        @Override
        public Client client() {
            return null;
        }

        @Override
        public List<String> mimeTypes() {
            return List.of("text/plain");
        }

        @Override
        public void send(String mimeType, OwnedFd fd) {
            events.add("send " + mimeType + " " + fd.isOpen());
        }

        @Override
        public void cancelled() {
            events.add("cancelled");
        }
    }

    @Test
    void aNewSourceCancelsTheOldOneAndListenersHearOfIt() {
        Selection s = new Selection("clipboard");
        List<SelectionSource> heard = new ArrayList<>();
        s.addListener(heard::add);
        Recorder first = new Recorder(), second = new Recorder();
        s.set(first, 10);
        s.set(second, 11);
        assertEquals(List.of("cancelled"), first.events);
        assertEquals(List.of(), second.events);
        assertSame(second, s.source());
        s.sourceDestroyed(first); // no longer the selection: nothing changes
        s.sourceDestroyed(second);
        assertNull(s.source());
        assertEquals(java.util.Arrays.asList(first, second, null), heard);
    }

    @Test
    void onlyNewerEventsMayReplaceTheSelectionAcrossTheSerialWrap() {
        Selection s = new Selection("clipboard");
        assertTrue(s.acceptsSerial(5), "nothing set yet");
        s.set(new Recorder(), 0xfffffff0);
        assertTrue(s.acceptsSerial(0xfffffff0));
        assertTrue(s.acceptsSerial(3), "after the wrap");
        assertFalse(s.acceptsSerial(0xffffff00));
    }

    @Test
    void receiveReachesOnlyTheCurrentSourceAndAlwaysClosesTheFd() throws Exception {
        Selection s = new Selection("clipboard");
        Recorder old = new Recorder(), now = new Recorder();
        s.set(old, 1);
        s.set(now, 2);
        OwnedFd[] a = Descriptors.pipe(), b = Descriptors.pipe(), c = Descriptors.pipe();
        try {
            s.receive(now, "text/plain", a[1]);
            s.receive(old, "text/plain", b[1]);
            s.receive(now, "image/png", c[1]);
            assertEquals(List.of("send text/plain true"), now.events, "the source sees the fd open; other requests never reach it");
            assertEquals(List.of("cancelled"), old.events);
            assertFalse(a[1].isOpen() || b[1].isOpen() || c[1].isOpen(), "every fd is closed by the selection");
            assertEquals(0, Descriptors.readSome(b[0], 1).length, "a refused receiver reads an empty pipe");
        } finally {
            for (OwnedFd[] p : new OwnedFd[][] {a, b, c}) {
                p[0].close();
                p[1].close();
            }
        }
    }
}
