package javawc.os;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JDK's foreign function API for the three libc calls of every round trip (epoll_wait,
 * recvmsg, sendmsg), where JNA's direct mapping costs more per call (its libffi dispatch and
 * errno bookkeeping): ~0.4 µs less per round trip here. errno is captured into a caller's
 * {@link #callState()} segment. Callers ask {@link #ready()} before each call and use JNA
 * ({@link LibC}) while it is false, also for good when the handles cannot be made (native
 * access denied). {@link Descriptors}' frame calls (read, timerfd_settime, fstat) follow the
 * same switch.
 * <p>
 * Making the handles is the first use of the foreign linker in the process: ~20 ms of CPU
 * (the JDK generates and loads their stubs and the method handles around them; the AOT cache
 * does not keep them). A process may {@link #defer} them all, or {@link #deferFrameCalls} the
 * frame calls alone (the compositor: their stubs are ~10 ms more before its first client):
 * callers use JNA until {@link #prepareInBackground} has made them on a thread of its own (the
 * compositor asks once its loop is idle). Without defer, the first call makes them.
 */
public final class Foreign {
    private Foreign() {}

    private static volatile boolean ready;       // the round trip's handles exist and callers use them
    private static volatile boolean frameReady;  // Descriptors' frame calls too (made after the round trip's)
    private static volatile boolean deferred; // not made at the first call: prepareInBackground makes them
    private static volatile boolean framesDeferred; // the frame calls alone deferred so
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    /** The handles, made when this class is initialised (the first {@link #prepare}). */
    static final class Handles {
        private Handles() {}

        static final VarHandle ERRNO = errnoHandle();
        // not critical: it blocks
        static final MethodHandle EPOLL_WAIT = downcall("epoll_wait", false, ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);
        // critical foreign calls (no thread state change): with MSG_DONTWAIT they never block
        static final MethodHandle SENDMSG = downcall("sendmsg", true, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT);
        static final MethodHandle RECVMSG = downcall("recvmsg", true, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT);
        static final boolean USABLE = ERRNO != null && EPOLL_WAIT != null && SENDMSG != null && RECVMSG != null;

        private static VarHandle errnoHandle() {
            try {
                return Linker.Option.captureStateLayout().varHandle(MemoryLayout.PathElement.groupElement("errno"));
            } catch (Throwable e) {
                return null; // no capture: no handles either
            }
        }
    }

    /**
     * A handle on libc's {@code name} with errno captured; null when it cannot be had (no
     * native access). {@code critical}: no thread state change around the call, only for calls
     * that never block. Made only by {@link #prepare} (here and for {@link Descriptors}' frame calls).
     */
    static MethodHandle downcall(String name, boolean critical, ValueLayout result, ValueLayout... arguments) {
        try {
            Linker linker = Linker.nativeLinker();
            FunctionDescriptor signature = FunctionDescriptor.of(result, arguments);
            Linker.Option capture = Linker.Option.captureCallState("errno");
            Linker.Option[] options = critical ? new Linker.Option[] {capture, Linker.Option.critical(false)} : new Linker.Option[] {capture};
            return linker.downcallHandle(linker.defaultLookup().find(name).orElseThrow(), signature, options);
        } catch (Throwable e) {
            return null;
        }
    }

    /** Whether callers use the handles now; makes them first unless {@link #defer}red. */
    static boolean ready() {
        return ready || (!deferred && prepareRoundTrip());
    }

    /** From now on the handles are made only by {@link #prepareInBackground} (or {@link #prepare}); callers use JNA until then. */
    public static void defer() {
        deferred = true;
    }

    /** As {@link #defer}, for Descriptors' frame calls alone: the round trip's handles are made at their first use. */
    public static void deferFrameCalls() {
        framesDeferred = true;
    }

    /** Makes the handles on a daemon thread of their own (once); callers switch to them when they exist. */
    public static void prepareInBackground() {
        if (frameReady || STARTED.get() || !STARTED.compareAndSet(false, true)) return;
        Thread.ofPlatform().daemon().name("javawc-foreign-calls").start(Foreign::prepare);
    }

    /** Makes the handles now, on this thread; true when callers use them from now on. */
    public static boolean prepare() {
        if (prepareRoundTrip() && !frameReady) { // the round trip's first: a client that starts at once waits for these
            frameReady = Descriptors.prepareFrameCalls(); // then theirs, here rather than at a frame's first use of them
        }
        return ready;
    }

    private static boolean prepareRoundTrip() {
        if (!ready && Handles.USABLE) ready = true;
        return ready;
    }

    /** Whether Descriptors' frame calls use their handles now (made after the round trip's); like {@link #ready()}. */
    static boolean frameCallsReady() {
        if (!frameReady && !deferred && !framesDeferred) prepare();
        return frameReady;
    }

    /** Tests: callers on the handles, every one made now. */
    static void useHandlesForTests() {
        deferred = false;
        framesDeferred = false;
        prepare();
    }

    /** Tests: callers back on JNA, as at a start that deferred everything ({@code all}) or the frame calls alone. */
    static void deferForTests(boolean all) {
        deferred = all;
        framesDeferred = !all;
        ready = false;
        frameReady = false;
        STARTED.set(false);
    }

    /** A segment for one caller's captured errno (a caller's own, reused for every call); only once {@link #ready()}. */
    static MemorySegment callState() {
        return Arena.ofAuto().allocate(Linker.Option.captureStateLayout());
    }

    static int errno(MemorySegment callState) {
        return (int) Handles.ERRNO.get(callState, 0L);
    }
}
