package javawc.compositor.backend;

import javawc.compositor.output.Output;

import java.util.List;

/**
 * Where the compositor's pictures go. A backend owns its outputs and, later, their repaint
 * clocks and buffers (headless: timers and memory; DRM/KMS: page flips and framebuffers).
 */
public interface Backend extends AutoCloseable {
    String name();

    List<Output> outputs();

    @Override
    void close();
}
