package javawc.compositor.xdg;

import javawc.compositor.scene.Rect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PopupPlacementTest {
    // xdg_positioner.anchor / .gravity
    private static final int NONE = 0, TOP = 1, BOTTOM = 2, LEFT = 3, RIGHT = 4;
    private static final int TOP_LEFT = 5, BOTTOM_LEFT = 6, TOP_RIGHT = 7, BOTTOM_RIGHT = 8;
    private static final String[] NAMES =
            {"none", "top", "bottom", "left", "right", "top_left", "bottom_left", "top_right", "bottom_right"};

    // xdg_positioner.constraint_adjustment
    private static final int SLIDE_X = 1, SLIDE_Y = 2, FLIP_X = 4, FLIP_Y = 8, RESIZE_X = 16, RESIZE_Y = 32;

    /** Stands for a 200x100 output with the parent's window geometry at its top-left corner. */
    private static final Rect OUTPUT = new Rect(0, 0, 200, 100);

    private static PositionerState positioner(Rect anchorRect, int anchor, int gravity, int width, int height,
                                              int adjustment) {
        return PositionerState.EMPTY.withSize(width, height).withAnchorRect(anchorRect)
                .withAnchor(anchor).withGravity(gravity).withConstraintAdjustment(adjustment);
    }

    // --- unconstrained: every anchor with every gravity

    /**
     * Anchor rect (100, 50, 40, 20), popup 30x10. The anchor points and the popup's offset from the
     * point for each gravity are written out by hand; a case's rectangle is one plus the other.
     */
    static List<Arguments> everyAnchorAndGravity() {
        int[][] anchorPoint = {
                {120, 60}, {120, 50}, {120, 70}, {100, 60}, {140, 60},
                {100, 50}, {100, 70}, {140, 50}, {140, 70}};
        int[][] gravityShift = {
                {-15, -5}, {-15, -10}, {-15, 0}, {-30, -5}, {0, -5},
                {-30, -10}, {-30, 0}, {0, -10}, {0, 0}};
        List<Arguments> cases = new ArrayList<>();
        for (int anchor = NONE; anchor <= BOTTOM_RIGHT; anchor++) {
            for (int gravity = NONE; gravity <= BOTTOM_RIGHT; gravity++) {
                Rect expected = new Rect(anchorPoint[anchor][0] + gravityShift[gravity][0],
                        anchorPoint[anchor][1] + gravityShift[gravity][1], 30, 10);
                cases.add(Arguments.of(NAMES[anchor], NAMES[gravity], anchor, gravity, expected));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "anchor {0}, gravity {1}")
    @MethodSource("everyAnchorAndGravity")
    void unconstrainedPosition(String anchorName, String gravityName, int anchor, int gravity, Rect expected) {
        PositionerState p = positioner(new Rect(100, 50, 40, 20), anchor, gravity, 30, 10, 0);
        assertEquals(expected, PopupPlacement.place(p, OUTPUT));
    }

    @Test
    void familiarCasesSpelledOut() {
        Rect anchorRect = new Rect(100, 50, 40, 20);
        // a drop-down menu under a button
        assertEquals(new Rect(100, 70, 30, 10),
                PopupPlacement.place(positioner(anchorRect, BOTTOM_LEFT, BOTTOM_RIGHT, 30, 10, 0), OUTPUT));
        // a submenu opening to the right of its item
        assertEquals(new Rect(140, 50, 30, 10),
                PopupPlacement.place(positioner(anchorRect, TOP_RIGHT, BOTTOM_RIGHT, 30, 10, 0), OUTPUT));
        // a tooltip centered above
        assertEquals(new Rect(105, 40, 30, 10),
                PopupPlacement.place(positioner(anchorRect, TOP, TOP, 30, 10, 0), OUTPUT));
    }

    @Test
    void oddSizesRoundCentersTowardNegativeInfinity() {
        // anchor rect center: 0 + 5/2 -> 2 and -2 + 3/2 -> -1; popup 7x5 centered there: 2 - 3, -1 - 2
        PositionerState p = positioner(new Rect(0, -2, 5, 3), NONE, NONE, 7, 5, 0);
        assertEquals(new Rect(-1, -3, 7, 5), PopupPlacement.place(p, OUTPUT));
        // the same to the left of and above the origin
        p = p.withAnchorRect(new Rect(-5, -3, 5, 3));
        assertEquals(new Rect(-6, -4, 7, 5), PopupPlacement.place(p, OUTPUT));
    }

    @Test
    void zeroSizedAnchorRectIsAPoint() {
        PositionerState p = positioner(new Rect(40, 30, 0, 0), NONE, BOTTOM_RIGHT, 20, 10, 0);
        assertEquals(new Rect(40, 30, 20, 10), PopupPlacement.place(p, OUTPUT));
    }

    @Test
    void offsetMovesTheResult() {
        PositionerState p = positioner(new Rect(100, 50, 40, 20), BOTTOM_LEFT, BOTTOM_RIGHT, 30, 10, 0)
                .withOffset(5, -3);
        assertEquals(new Rect(105, 67, 30, 10), PopupPlacement.place(p, OUTPUT));
    }

    // --- flip

    @Test
    void flipXThatHelps() {
        PositionerState p = positioner(new Rect(150, 10, 20, 10), RIGHT, RIGHT, 40, 10, FLIP_X);
        assertEquals(new Rect(110, 10, 40, 10), PopupPlacement.place(p, OUTPUT));
    }

    @Test
    void flipKeepsTheOffsetAsItIs() {
        PositionerState p = positioner(new Rect(150, 10, 20, 10), RIGHT, RIGHT, 40, 10, FLIP_X).withOffset(5, 0);
        assertEquals(new Rect(115, 10, 40, 10), PopupPlacement.place(p, OUTPUT));
    }

    @Test
    void flipXThatDoesNotHelpKeepsTheOriginal() {
        // to the right it overflows by 30, flipped to the left by 30
        PositionerState p = positioner(new Rect(90, 10, 20, 10), RIGHT, RIGHT, 120, 10, FLIP_X);
        assertEquals(new Rect(110, 10, 120, 10), PopupPlacement.place(p, OUTPUT));
    }

    @Test
    void flipYThatHelps() {
        PositionerState p = positioner(new Rect(10, 80, 20, 10), BOTTOM, BOTTOM, 30, 15, FLIP_Y);
        assertEquals(new Rect(5, 65, 30, 15), PopupPlacement.place(p, OUTPUT));
    }

    @Test
    void flipYThatDoesNotHelpKeepsTheOriginal() {
        PositionerState p = positioner(new Rect(10, 40, 20, 10), BOTTOM, BOTTOM, 30, 60, FLIP_Y);
        assertEquals(new Rect(5, 50, 30, 60), PopupPlacement.place(p, OUTPUT));
    }

    @Test
    void flipBothAxesOfACornerMenu() {
        PositionerState p = positioner(new Rect(170, 80, 10, 10), BOTTOM_RIGHT, BOTTOM_RIGHT, 40, 30, FLIP_X | FLIP_Y);
        assertEquals(new Rect(130, 50, 40, 30), PopupPlacement.place(p, OUTPUT));
    }

    @Test
    void adjustmentsOnTheOtherAxisDoNothing() {
        // constrained on y only; x may flip, slide and resize but has no reason to
        PositionerState p = positioner(new Rect(10, 80, 20, 10), BOTTOM, BOTTOM, 30, 15, FLIP_X | SLIDE_X | RESIZE_X);
        assertEquals(new Rect(5, 90, 30, 15), PopupPlacement.place(p, OUTPUT));
    }

    // --- slide

    @Test
    void slideXOffTheLeftEdge() {
        PositionerState p = positioner(new Rect(10, 10, 20, 10), BOTTOM_LEFT, BOTTOM_LEFT, 50, 10, SLIDE_X);
        assertEquals(new Rect(0, 20, 50, 10), PopupPlacement.place(p, OUTPUT));
    }

    @Test
    void slideXOffTheRightEdge() {
        PositionerState p = positioner(new Rect(180, 10, 20, 10), BOTTOM_RIGHT, BOTTOM_RIGHT, 50, 10, SLIDE_X);
        assertEquals(new Rect(150, 20, 50, 10), PopupPlacement.place(p, OUTPUT));
    }

    @Test
    void slideYOffTheTopEdge() {
        PositionerState p = positioner(new Rect(10, 0, 20, 10), TOP, TOP, 30, 20, SLIDE_Y);
        assertEquals(new Rect(5, 0, 30, 20), PopupPlacement.place(p, OUTPUT));
    }

    @Test
    void slideYOffTheBottomEdge() {
        PositionerState p = positioner(new Rect(10, 90, 20, 10), BOTTOM, BOTTOM, 30, 20, SLIDE_Y);
        assertEquals(new Rect(5, 80, 30, 20), PopupPlacement.place(p, OUTPUT));
    }

    @Test
    void slideOfAWiderPopupStopsWhenTheOtherEdgeReachesTheConstraint() {
        // [20, 270) in [0, 200): sliding left stops at 0, the right edge stays out
        PositionerState p = positioner(new Rect(20, 10, 20, 10), LEFT, RIGHT, 250, 10, SLIDE_X);
        assertEquals(new Rect(0, 10, 250, 10), PopupPlacement.place(p, OUTPUT));
    }

    @Test
    void widerPopupOutOnBothSidesKeepsTheEdgeAtTheAnchorInside() {
        // the output begins 50 pixels into the parent: constraint [50, 250)
        Rect constraint = new Rect(50, 0, 200, 100);
        // gravity right: [20, 270) -> left edge on 50
        PositionerState right = positioner(new Rect(20, 10, 20, 10), LEFT, RIGHT, 250, 10, SLIDE_X);
        assertEquals(new Rect(50, 10, 250, 10), PopupPlacement.place(right, constraint));
        // gravity left: [30, 280) -> right edge on 250
        PositionerState left = positioner(new Rect(260, 10, 20, 10), RIGHT, LEFT, 250, 10, SLIDE_X);
        assertEquals(new Rect(0, 10, 250, 10), PopupPlacement.place(left, constraint));
        // no gravity on x: [15, 265) -> left edge on 50, as for gravity right
        PositionerState centered = positioner(new Rect(130, 10, 20, 10), BOTTOM, BOTTOM, 250, 10, SLIDE_X);
        assertEquals(new Rect(50, 20, 250, 10), PopupPlacement.place(centered, constraint));
    }

    @Test
    void tallerPopupOutOnBothSidesWithGravityTopKeepsItsBottomEdgeInside() {
        // constraint [20, 120) on y; popup [-20, 130) -> bottom edge on 120
        PositionerState p = positioner(new Rect(10, 120, 20, 10), BOTTOM, TOP, 30, 150, SLIDE_Y);
        assertEquals(new Rect(5, -30, 30, 150), PopupPlacement.place(p, new Rect(0, 20, 200, 100)));
    }

    // --- resize

    @Test
    void resizeXOnTheLeft() {
        PositionerState p = positioner(new Rect(10, 10, 20, 10), BOTTOM_LEFT, BOTTOM_LEFT, 50, 10, RESIZE_X);
        assertEquals(new Rect(0, 20, 10, 10), PopupPlacement.place(p, OUTPUT));
    }

    @Test
    void resizeXOnTheRight() {
        PositionerState p = positioner(new Rect(170, 10, 20, 10), BOTTOM_LEFT, BOTTOM_RIGHT, 50, 10, RESIZE_X);
        assertEquals(new Rect(170, 20, 30, 10), PopupPlacement.place(p, OUTPUT));
    }

    @Test
    void resizeYOnTheTop() {
        PositionerState p = positioner(new Rect(10, 10, 20, 10), TOP, TOP, 30, 25, RESIZE_Y);
        assertEquals(new Rect(5, 0, 30, 10), PopupPlacement.place(p, OUTPUT));
    }

    @Test
    void resizeYOnTheBottom() {
        PositionerState p = positioner(new Rect(10, 80, 20, 10), BOTTOM, BOTTOM, 30, 25, RESIZE_Y);
        assertEquals(new Rect(5, 90, 30, 10), PopupPlacement.place(p, OUTPUT));
    }

    @Test
    void resizeOnBothSidesOfAnAxis() {
        // [-20, 230) in [0, 200)
        PositionerState p = positioner(new Rect(95, 10, 20, 10), BOTTOM, BOTTOM, 250, 10, RESIZE_X);
        assertEquals(new Rect(0, 20, 200, 10), PopupPlacement.place(p, OUTPUT));
    }

    @Test
    void resizeThatWouldLeaveNothingIsNotApplied() {
        // [200, 250) lies wholly right of [0, 200)
        PositionerState p = positioner(new Rect(180, 10, 20, 10), BOTTOM_RIGHT, BOTTOM_RIGHT, 50, 10, RESIZE_X);
        assertEquals(new Rect(200, 20, 50, 10), PopupPlacement.place(p, OUTPUT));
    }

    // --- combinations and none

    @Test
    void flipThatFailsThenSlide() {
        // right: [110, 230); flipped left: [-30, 90); slid back from the original: [80, 200)
        PositionerState p = positioner(new Rect(90, 10, 20, 10), RIGHT, RIGHT, 120, 10, FLIP_X | SLIDE_X);
        assertEquals(new Rect(80, 10, 120, 10), PopupPlacement.place(p, OUTPUT));
    }

    @Test
    void flipThatWorksIsPreferredToSlide() {
        PositionerState p = positioner(new Rect(150, 10, 20, 10), RIGHT, RIGHT, 40, 10, FLIP_X | SLIDE_X);
        assertEquals(new Rect(110, 10, 40, 10), PopupPlacement.place(p, OUTPUT));
    }

    @Test
    void flipSlideAndResizeInTurn() {
        // [20, 270): flip gives [-210, 40), slide [0, 250), resize [0, 200)
        PositionerState p = positioner(new Rect(20, 10, 20, 10), LEFT, RIGHT, 250, 10, FLIP_X | SLIDE_X | RESIZE_X);
        assertEquals(new Rect(0, 10, 200, 10), PopupPlacement.place(p, OUTPUT));
    }

    @Test
    void noAdjustmentLeavesItConstrained() {
        PositionerState p = positioner(new Rect(180, 90, 20, 10), BOTTOM_RIGHT, BOTTOM_RIGHT, 50, 30, 0);
        assertEquals(new Rect(200, 100, 50, 30), PopupPlacement.place(p, OUTPUT));
    }

    @Test
    void emptyConstraintMeansUnconstrained() {
        PositionerState p = positioner(new Rect(180, 90, 20, 10), BOTTOM_RIGHT, BOTTOM_RIGHT, 50, 30, 63);
        assertEquals(new Rect(200, 100, 50, 30), PopupPlacement.place(p, Rect.EMPTY));
    }

    @Test
    void anIncompletePositionerIsRefused() {
        PositionerState noAnchorRect = PositionerState.EMPTY.withSize(10, 10);
        assertThrows(IllegalArgumentException.class, () -> PopupPlacement.place(noAnchorRect, OUTPUT));
    }

    // --- PositionerState

    @Test
    void completeOnceSizeAndAnchorRectAreSet() {
        assertFalse(PositionerState.EMPTY.isComplete());
        assertFalse(PositionerState.EMPTY.withSize(10, 10).isComplete());
        assertFalse(PositionerState.EMPTY.withAnchorRect(new Rect(0, 0, 5, 5)).isComplete());
        assertTrue(PositionerState.EMPTY.withSize(10, 10).withAnchorRect(new Rect(0, 0, 5, 5)).isComplete());
        assertTrue(PositionerState.EMPTY.withSize(1, 1).withAnchorRect(new Rect(-3, -3, 0, 0)).isComplete(),
                "a 0x0 anchor rect is set");
        assertFalse(PositionerState.EMPTY.withSize(0, 10).withAnchorRect(new Rect(0, 0, 5, 5)).isComplete());
        assertFalse(PositionerState.EMPTY.withSize(10, -1).withAnchorRect(new Rect(0, 0, 5, 5)).isComplete());
        assertFalse(PositionerState.EMPTY.withSize(10, 10).withAnchorRect(new Rect(0, 0, -1, 5)).isComplete());
    }

    @Test
    void eachWithMethodSetsItsOwnFieldsOnly() {
        PositionerState p = PositionerState.EMPTY
                .withSize(1, 2).withAnchorRect(new Rect(3, 4, 5, 6)).withAnchor(TOP_LEFT).withGravity(BOTTOM_LEFT)
                .withConstraintAdjustment(SLIDE_Y | FLIP_Y).withOffset(-7, 8).withReactive(true)
                .withParentSize(9, 10).withParentConfigure(11);
        assertEquals(new PositionerState(1, 2, new Rect(3, 4, 5, 6), TOP_LEFT, BOTTOM_LEFT, SLIDE_Y | FLIP_Y,
                -7, 8, true, 9, 10, 11), p);
        assertEquals(new PositionerState(0, 0, null, NONE, NONE, 0, 0, 0, false, 0, 0, 0), PositionerState.EMPTY,
                "EMPTY is untouched");
        assertEquals(p, p.withGravity(TOP_RIGHT).withGravity(BOTTOM_LEFT), "setting a field back restores the state");
    }
}
