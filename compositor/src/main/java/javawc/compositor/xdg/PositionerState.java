package javawc.compositor.xdg;

import javawc.compositor.scene.Rect;

/**
 * What a client has set on an xdg_positioner so far. Immutable, so that a popup can keep the rules it
 * was created or repositioned with while the client goes on changing (or destroys) the positioner.
 *
 * <p>{@code anchor} and {@code gravity} hold xdg_positioner.anchor / .gravity values and
 * {@code constraintAdjustment} the xdg_positioner.constraint_adjustment bits, unchecked: rejecting bad
 * input with invalid_input is the protocol layer's job, before it calls a {@code with...} method.
 *
 * @param anchorRect null until set_anchor_rect, because a 0x0 anchor rectangle is a valid choice
 * @param parentWidth 0 while set_parent_size has not been sent (likewise parentHeight)
 */
public record PositionerState(int width, int height, Rect anchorRect, int anchor, int gravity,
                              int constraintAdjustment, int offsetX, int offsetY, boolean reactive,
                              int parentWidth, int parentHeight, int parentConfigureSerial) {

    /** A fresh positioner: the spec's defaults (anchor, gravity and adjustment none), size and anchor rect unset. */
    public static final PositionerState EMPTY = new PositionerState(0, 0, null, 0, 0, 0, 0, 0, false, 0, 0, 0);

    /** The spec's condition for using the positioner: set_size and set_anchor_rect were sent with usable values. */
    public boolean isComplete() {
        return width > 0 && height > 0 && anchorRect != null && anchorRect.width() >= 0 && anchorRect.height() >= 0;
    }

    public PositionerState withSize(int width, int height) {
        return new PositionerState(width, height, anchorRect, anchor, gravity, constraintAdjustment,
                offsetX, offsetY, reactive, parentWidth, parentHeight, parentConfigureSerial);
    }

    public PositionerState withAnchorRect(Rect anchorRect) {
        return new PositionerState(width, height, anchorRect, anchor, gravity, constraintAdjustment,
                offsetX, offsetY, reactive, parentWidth, parentHeight, parentConfigureSerial);
    }

    public PositionerState withAnchor(int anchor) {
        return new PositionerState(width, height, anchorRect, anchor, gravity, constraintAdjustment,
                offsetX, offsetY, reactive, parentWidth, parentHeight, parentConfigureSerial);
    }

    public PositionerState withGravity(int gravity) {
        return new PositionerState(width, height, anchorRect, anchor, gravity, constraintAdjustment,
                offsetX, offsetY, reactive, parentWidth, parentHeight, parentConfigureSerial);
    }

    public PositionerState withConstraintAdjustment(int constraintAdjustment) {
        return new PositionerState(width, height, anchorRect, anchor, gravity, constraintAdjustment,
                offsetX, offsetY, reactive, parentWidth, parentHeight, parentConfigureSerial);
    }

    public PositionerState withOffset(int offsetX, int offsetY) {
        return new PositionerState(width, height, anchorRect, anchor, gravity, constraintAdjustment,
                offsetX, offsetY, reactive, parentWidth, parentHeight, parentConfigureSerial);
    }

    public PositionerState withReactive(boolean reactive) {
        return new PositionerState(width, height, anchorRect, anchor, gravity, constraintAdjustment,
                offsetX, offsetY, reactive, parentWidth, parentHeight, parentConfigureSerial);
    }

    public PositionerState withParentSize(int parentWidth, int parentHeight) {
        return new PositionerState(width, height, anchorRect, anchor, gravity, constraintAdjustment,
                offsetX, offsetY, reactive, parentWidth, parentHeight, parentConfigureSerial);
    }

    public PositionerState withParentConfigure(int parentConfigureSerial) {
        return new PositionerState(width, height, anchorRect, anchor, gravity, constraintAdjustment,
                offsetX, offsetY, reactive, parentWidth, parentHeight, parentConfigureSerial);
    }
}
