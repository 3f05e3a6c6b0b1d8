package javawc.compositor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * For test classes whose tests share one headless compositor with its control channel: started
 * before the class's first test, stopped after its last. Test classes run one after another,
 * so the static fields belong to one class at a time.
 */
abstract class ControlledCompositorTest {
    static CompositorProcess compositor;
    static ControlClient control;

    @BeforeAll
    static void startCompositor() throws Exception {
        compositor = CompositorProcess.startWithControl("--backend", "headless");
        control = compositor.control();
    }

    @AfterAll
    static void stopCompositor() throws Exception {
        if (control != null) control.close();
        if (compositor != null) compositor.close();
        control = null;
        compositor = null;
    }
}
