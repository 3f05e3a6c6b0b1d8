package javawc.compositor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * For test classes whose tests share one headless compositor with its control channel: started
 * before the class's first test, stopped after its last. Test classes run one after another,
 * so the static fields belong to one class at a time. Every privileged global is offered to
 * every client ({@link CompositorProcess#everyPrivilegeConfig}).
 */
abstract class ControlledCompositorTest {
    static CompositorProcess compositor;
    static ControlClient control;

    @BeforeAll
    static void startCompositor() throws Exception {
        // the test's own clients are not the compositor's children: offer them the privileged globals too
        compositor = CompositorProcess.startWithControl("--backend", "headless", "--config", CompositorProcess.everyPrivilegeConfig().toString());
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
