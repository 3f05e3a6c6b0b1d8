package javawc.compositor.xdg;

import javawc.compositor.scene.Rect;
import javawc.server.protocol.XdgPositioner;

/** xdg_positioner: accumulates a {@link PositionerState}; popups copy it when made or repositioned. */
final class PositionerResource implements XdgPositioner.Handler {
    private PositionerState state = PositionerState.EMPTY;

    static PositionerState stateOf(XdgPositioner r) {
        return ((PositionerResource) r.handler()).state;
    }

    @Override
    public void destroy(XdgPositioner self) {
        // destructor: popups hold their own copies
    }

    @Override
    public void setSize(XdgPositioner self, int width, int height) {
        if (width <= 0 || height <= 0) {
            self.postError(XdgPositioner.Error.INVALID_INPUT, "size " + width + "x" + height + " must be positive");
            return;
        }
        state = state.withSize(width, height);
    }

    @Override
    public void setAnchorRect(XdgPositioner self, int x, int y, int width, int height) {
        if (width < 0 || height < 0) {
            self.postError(XdgPositioner.Error.INVALID_INPUT, "anchor rect " + width + "x" + height + " is negative");
            return;
        }
        state = state.withAnchorRect(new Rect(x, y, width, height));
    }

    @Override
    public void setAnchor(XdgPositioner self, int anchor) {
        if (!XdgPositioner.Anchor.isValid(anchor, self.version())) {
            self.postError(XdgPositioner.Error.INVALID_INPUT, "anchor " + anchor + " is not an xdg_positioner.anchor");
            return;
        }
        state = state.withAnchor(anchor);
    }

    @Override
    public void setGravity(XdgPositioner self, int gravity) {
        if (!XdgPositioner.Gravity.isValid(gravity, self.version())) {
            self.postError(XdgPositioner.Error.INVALID_INPUT, "gravity " + gravity + " is not an xdg_positioner.gravity");
            return;
        }
        state = state.withGravity(gravity);
    }

    @Override
    public void setConstraintAdjustment(XdgPositioner self, int adjustment) {
        if (!XdgPositioner.ConstraintAdjustment.isValid(adjustment, self.version())) {
            self.postError(XdgPositioner.Error.INVALID_INPUT, "constraint adjustment 0x" + Integer.toHexString(adjustment) + " has unknown bits");
            return;
        }
        state = state.withConstraintAdjustment(adjustment);
    }

    @Override
    public void setOffset(XdgPositioner self, int x, int y) {
        state = state.withOffset(x, y);
    }

    @Override
    public void setReactive(XdgPositioner self) {
        state = state.withReactive(true);
    }

    @Override
    public void setParentSize(XdgPositioner self, int parentWidth, int parentHeight) {
        state = state.withParentSize(parentWidth, parentHeight);
    }

    @Override
    public void setParentConfigure(XdgPositioner self, int serial) {
        // only meaningful for reactive popups; we place against the current parent state
    }
}
