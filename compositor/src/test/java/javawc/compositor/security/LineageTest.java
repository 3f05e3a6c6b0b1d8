package javawc.compositor.security;

import javawc.os.NativeBuffer;
import javawc.server.EventLoop;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The process cache behind the "children" privilege: what it remembers, and when it must ask again. */
class LineageTest {
    private static final int SELF = 100;

    /** A process table the test edits: pid → {parent, start time}, and which processes still run. */
    private static final class FakeTable implements Lineage.ProcessTable {
        final Map<Integer, long[]> processes = new HashMap<>();
        final List<Integer> statReads = new ArrayList<>();
        final List<FakeWatch> watches = new ArrayList<>();
        boolean pidfds = true;

        void start(int pid, int parent, long startTime) {
            processes.put(pid, new long[] {parent, startTime});
        }

        /** The process that has {@code pid} ends: its pidfds say so, and /proc no longer has it. */
        void end(int pid) {
            long[] gone = processes.remove(pid);
            for (FakeWatch w : watches) if (w.pid == pid && w.startTime == gone[1]) w.running = false;
        }

        @Override
        public long[] stat(int pid) {
            statReads.add(pid);
            return processes.get(pid);
        }

        @Override
        public Lineage.Watch watch(int pid, EventLoop loop, Runnable ended) {
            long[] p = processes.get(pid);
            if (!pidfds || p == null) return null;
            FakeWatch w = new FakeWatch(pid, p[1], ended);
            watches.add(w);
            return w;
        }
    }

    private static final class FakeWatch implements Lineage.Watch {
        final int pid;
        final long startTime;
        final Runnable ended;
        boolean running = true, closed;

        FakeWatch(int pid, long startTime, Runnable ended) {
            this.pid = pid;
            this.startTime = startTime;
            this.ended = ended;
        }

        @Override
        public boolean running() {
            return running;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final FakeTable table = new FakeTable();
    private final Lineage lineage = new Lineage(SELF, table);

    private Lineage.Member member(int pid) {
        return lineage.member(pid, null);
    }

    FakeTable tree() {
        table.start(1, 0, 1);
        table.start(50, 1, 10);      // a login shell: not ours
        table.start(SELF, 50, 20);   // the compositor
        table.start(200, SELF, 30);  // a terminal we started
        table.start(300, 200, 40);   // its shell
        table.start(400, 50, 50);    // a program the login shell started: not ours
        return table;
    }

    @Test
    void aProcessIsReadOnceThenRememberedWhileItRuns() {
        tree();
        assertTrue(member(300).descendant);
        assertEquals(List.of(300, 200), table.statReads, "the walk stops at us");
        table.statReads.clear();
        for (int i = 0; i < 5; i++) assertTrue(member(300).descendant);
        assertFalse(member(400).descendant);
        table.statReads.clear();
        assertFalse(member(400).descendant);
        assertEquals(List.of(), table.statReads, "a process that connects again costs no /proc read");
        assertSame(member(400), member(400), "one member per process: its logged refusals stay with it");
    }

    @Test
    void aReusedPidDoesNotInheritTheVerdictOfTheProcessThatHadItBefore() {
        tree();
        assertTrue(member(300).descendant);
        // our shell ends and an outsider's new process gets its pid, with another start time
        table.end(300);
        table.start(300, 400, 99);
        assertFalse(member(300).descendant, "the pidfd said the old process ended: asked again");
        assertTrue(table.watches.get(0).closed, "the ended process's pidfd is closed");
        // and the other way round: an outsider's pid reused by one of ours
        table.end(400);
        table.end(300);
        table.start(400, 200, 120);
        assertTrue(member(400).descendant);
    }

    @Test
    void withoutPidfdsTheStartTimeStillTellsAReusedPidApart() {
        tree();
        table.pidfds = false;
        assertTrue(member(300).descendant);
        assertFalse(member(300).remembered());
        table.end(300);
        table.start(300, 400, 99); // same pid, another start time: the (pid, start time) cache must not answer
        assertFalse(member(300).descendant);
        table.end(300);
        table.start(300, 200, 40); // (made-up) the very process again: its verdict is known, so no walk past it
        table.statReads.clear();
        assertTrue(member(300).descendant);
        assertEquals(List.of(300), table.statReads);
    }

    @Test
    void aNewChildOfAKnownProcessCostsItsOwnReadAndItsParentsAtMost() {
        tree();
        assertTrue(member(300).descendant);
        table.start(301, 300, 60);
        table.statReads.clear();
        assertTrue(member(301).descendant);
        assertEquals(List.of(301), table.statReads, "its parent is a client that runs: remembered");
        table.start(201, 200, 70);
        table.statReads.clear();
        assertTrue(member(201).descendant);
        assertEquals(List.of(201, 200), table.statReads, "its parent was walked through: known by pid and start time");
    }

    @Test
    void aRememberedParentThatEndedIsNotTakenForItsPid() {
        tree();
        assertTrue(member(300).descendant);
        table.end(300);
        table.start(300, 400, 99); // an outsider's process now has the pid
        table.start(302, 300, 100);
        assertFalse(member(302).descendant);
    }

    @Test
    void aProcessThatEndsIsForgottenAndItsPidfdClosed() {
        tree();
        assertTrue(member(300).descendant);
        assertFalse(member(400).descendant);
        assertEquals(2, lineage.liveCount());
        table.end(300);
        table.watches.get(0).ended.run(); // what the event loop does when the pidfd turns readable
        assertEquals(1, lineage.liveCount());
        assertTrue(table.watches.get(0).closed);
        assertFalse(table.watches.get(1).closed);
        table.watches.get(0).ended.run(); // a second wake-up before the source went: harmless
        assertEquals(1, lineage.liveCount());
    }

    @Test
    void ourselvesUnknownAndVanishedProcesses() {
        tree();
        assertTrue(member(SELF).descendant, "a socketpair client we made reports our own pid");
        assertFalse(member(0).descendant, "a peer in another pid namespace");
        assertFalse(member(12345).descendant, "gone before we looked");
        assertFalse(member(1).descendant, "init");
        assertFalse(member(SELF).remembered());
        assertFalse(member(0).remembered());
        assertFalse(member(12345).remembered(), "no pidfd for a process that is gone");
        assertEquals(1, lineage.liveCount(), "init alone, which runs");
    }

    @Test
    void atMostMaxLivePidfdsAreKept() {
        tree();
        for (int pid = 1000; pid < 1000 + Lineage.MAX_LIVE + 10; pid++) {
            table.start(pid, 50, pid);
            assertFalse(member(pid).descendant);
        }
        assertEquals(Lineage.MAX_LIVE, lineage.liveCount());
        long closed = table.watches.stream().filter(w -> w.closed).count();
        assertEquals(10, closed, "the least recently seen processes' pidfds are closed");
        lineage.forgetAll();
        assertTrue(table.watches.stream().allMatch(w -> w.closed));
    }

    @Test
    void statFieldsAreCountedFromTheLastParenthesis() {
        String stat = "4242 (odd) (x y) S 77 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 10 18446744073709551615\n";
        assertArrayEquals(new long[] {77, 987654}, parse(stat));
        assertNull(parse("4242 (cut"), "no closing parenthesis");
        assertNull(parse("4242 (x) S 77 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 98"), "cut inside the start time");
    }

    private static long[] parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        NativeBuffer b = new NativeBuffer(bytes.length);
        b.buffer().put(0, bytes);
        return Lineage.parseStat(b, bytes.length);
    }
}
