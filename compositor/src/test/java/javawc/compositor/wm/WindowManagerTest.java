package javawc.compositor.wm;

import javawc.compositor.core.Surface;
import javawc.compositor.output.Output;
import javawc.compositor.output.OutputGlobal;
import javawc.compositor.scene.Scene;
import javawc.server.GlobalRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Moving to the next output, with the scene's outputs (the headless backend has only one, so the integration tests cannot show it). */
class WindowManagerTest {
    private static final Output LEFT = new Output("LEFT", "t", "t", 0, 0, new Output.Mode(1280, 720, 60_000), 0, 0),
            RIGHT = new Output("RIGHT", "t", "t", 0, 0, new Output.Mode(800, 600, 60_000), 1280, 0);

    /** A window that is on {@code on} and writes down where it is asked to go. */
    private static final class FakeWindow implements ManagedWindow {
        Output on;
        final List<Output> movedTo = new ArrayList<>();

        FakeWindow(Output on) {
            this.on = on;
        }

        @Override public Surface surface() { throw new UnsupportedOperationException("not in a scene"); }
        @Override public boolean visible() { return true; }
        @Override public boolean isAlive() { return true; }
        @Override public void close() {}
        @Override public boolean activated() { return true; }
        @Override public boolean maximized() { return false; }
        @Override public void setMaximized(boolean on) {}
        @Override public boolean fullscreen() { return false; }
        @Override public void setFullscreen(boolean on, Output output) {}
        @Override public boolean minimized() { return false; }
        @Override public void setMinimized(boolean on) {}
        @Override public Output output() { return on; }
        @Override public ManagedWindow parent() { return null; }

        @Override
        public void moveToOutput(Output output) {
            movedTo.add(output);
            on = output;
        }
    }

    private static Scene scene(Output... outputs) {
        Scene scene = new Scene();
        GlobalRegistry registry = new GlobalRegistry();
        for (Output o : outputs) scene.addOutput(new OutputGlobal(registry, o));
        return scene;
    }

    @Test
    void withOneOutputMovingToTheNextDoesNothing() {
        FakeWindow w = new FakeWindow(LEFT);
        new WindowManager(scene(LEFT)).moveToNextOutput(w);
        assertEquals(List.of(), w.movedTo);
    }

    @Test
    void theNextOutputIsTheFollowingOneInTheScenesOrderRound() {
        WindowManager wm = new WindowManager(scene(LEFT, RIGHT));
        FakeWindow w = new FakeWindow(LEFT);
        wm.moveToNextOutput(w);
        wm.moveToNextOutput(w);
        assertEquals(List.of(RIGHT, LEFT), w.movedTo);
    }

    @Test
    void theOutputAtAPointIsTheOneShowingItElseThePrimary() {
        Scene scene = scene(LEFT, RIGHT);
        assertSame(RIGHT, scene.outputAt(1300, 10));
        assertSame(LEFT, scene.outputAt(1279, 719));
        assertSame(LEFT, scene.outputAt(1500, 700), "below RIGHT: no output there");
        assertEquals(List.of(LEFT, RIGHT), scene.outputs());
    }
}
