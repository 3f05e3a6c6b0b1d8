package javawc.compositor.outputmanagement;

import javawc.compositor.output.Output;
import javawc.compositor.output.Outputs;
import javawc.server.protocol.ZwlrOutputConfigurationHeadV1;
import javawc.server.protocol.ZwlrOutputHeadV1;
import javawc.server.protocol.ZwlrOutputModeV1;

import java.util.List;

/**
 * zwlr_output_configuration_head_v1: the settings one enabled head is to have; each may be set
 * once (already_set), and each value is checked as the protocol says (invalid_mode for a mode
 * of another head, invalid_custom_mode, invalid_transform, invalid_scale,
 * invalid_adaptive_sync_state). Whether the backend takes a mode is the configuration's test.
 */
final class OutputConfigurationHead implements ZwlrOutputConfigurationHeadV1.Handler {
    private final ZwlrOutputConfigurationHeadV1 resource;
    private final OutputHead head;
    private Output.Mode mode;
    private boolean modeSet, positionSet, transformSet, scaleSet, adaptiveSyncSet, adaptiveSync;
    private int x, y, transform;
    private double scale;

    OutputConfigurationHead(ZwlrOutputConfigurationHeadV1 resource, OutputHead head) {
        this.resource = resource;
        this.head = head;
        resource.setHandler(this);
    }

    private boolean once(ZwlrOutputConfigurationHeadV1 self, boolean alreadySet, String what) {
        if (alreadySet) self.postError(ZwlrOutputConfigurationHeadV1.Error.ALREADY_SET, what + " is set twice");
        return !alreadySet;
    }

    @Override
    public void setMode(ZwlrOutputConfigurationHeadV1 self, ZwlrOutputModeV1 modeResource) {
        if (!once(self, modeSet, "the mode")) return;
        Output.Mode m = head.modeOf(modeResource);
        if (m == null) {
            self.postError(ZwlrOutputConfigurationHeadV1.Error.INVALID_MODE, modeResource + " is not a mode of " + head.output().name());
            return;
        }
        modeSet = true;
        mode = m;
    }

    @Override
    public void setCustomMode(ZwlrOutputConfigurationHeadV1 self, int width, int height, int refresh) {
        if (!once(self, modeSet, "the mode")) return;
        if (width <= 0 || height <= 0 || refresh < 0) {
            self.postError(ZwlrOutputConfigurationHeadV1.Error.INVALID_CUSTOM_MODE, "custom mode " + width + "x" + height + "@" + refresh + "mHz");
            return;
        }
        modeSet = true;
        mode = new Output.Mode(width, height, refresh != 0 ? refresh : head.output().mode().refreshMilliHz());
    }

    @Override
    public void setPosition(ZwlrOutputConfigurationHeadV1 self, int newX, int newY) {
        if (!once(self, positionSet, "the position")) return;
        positionSet = true;
        x = newX;
        y = newY;
    }

    @Override
    public void setTransform(ZwlrOutputConfigurationHeadV1 self, int newTransform) {
        if (!once(self, transformSet, "the transform")) return;
        if (newTransform < 0 || newTransform > 7) {
            self.postError(ZwlrOutputConfigurationHeadV1.Error.INVALID_TRANSFORM, newTransform + " is not a wl_output.transform");
            return;
        }
        transformSet = true;
        transform = newTransform;
    }

    @Override
    public void setScale(ZwlrOutputConfigurationHeadV1 self, int fixedScale) {
        if (!once(self, scaleSet, "the scale")) return;
        if (fixedScale <= 0) {
            self.postError(ZwlrOutputConfigurationHeadV1.Error.INVALID_SCALE, "scale " + fixedScale / 256.0 + " is not positive");
            return;
        }
        scaleSet = true;
        scale = fixedScale / 256.0;
    }

    @Override
    public void setAdaptiveSync(ZwlrOutputConfigurationHeadV1 self, int state) {
        if (!once(self, adaptiveSyncSet, "adaptive sync")) return;
        if (!ZwlrOutputHeadV1.AdaptiveSyncState.isValid(state, self.version())) {
            self.postError(ZwlrOutputConfigurationHeadV1.Error.INVALID_ADAPTIVE_SYNC_STATE, state + " is not an adaptive_sync_state");
            return;
        }
        adaptiveSyncSet = true;
        adaptiveSync = state == ZwlrOutputHeadV1.AdaptiveSyncState.ENABLED;
    }

    /** Why these settings cannot be had, or null if they can (test, and the check before apply). */
    String refusal(Outputs outputs) {
        Output o = head.output();
        if (modeSet && !mode.equals(o.mode()) && !outputs.takesMode(o, mode)) return o.name() + " cannot switch to " + mode + " while running";
        if (scaleSet) {
            try {
                Output.checkScale(scale);
            } catch (IllegalArgumentException e) {
                return o.name() + ": " + e.getMessage();
            }
        }
        if (adaptiveSync) return o.name() + ": variable refresh is not supported";
        return null;
    }

    /** Applies what differs from now, adding to {@code undo} how to put each change back. */
    void apply(Outputs outputs, List<Runnable> undo) {
        Output o = head.output();
        String name = o.name();
        if (modeSet && !mode.equals(o.mode())) {
            Output.Mode before = o.mode();
            outputs.setMode(name, mode);
            undo.add(() -> outputs.setMode(name, before));
        }
        if (scaleSet && scale != o.exactScale()) {
            double before = o.exactScale();
            outputs.setScale(name, scale);
            undo.add(() -> outputs.setScale(name, before));
        }
        if (transformSet && transform != o.transform()) {
            int before = o.transform();
            outputs.setTransform(name, transform);
            undo.add(() -> outputs.setTransform(name, before));
        }
        if (positionSet && (x != o.x() || y != o.y())) {
            int beforeX = o.x(), beforeY = o.y();
            outputs.setPosition(name, x, y);
            undo.add(() -> outputs.setPosition(name, beforeX, beforeY));
        }
    }

    /** The configuration was destroyed, and this object with it (the protocol has no destroy request of its own). */
    void configurationDestroyed() {
        resource.destroy();
    }
}
