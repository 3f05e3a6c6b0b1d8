package javawc.compositor.layershell;

import javawc.compositor.scene.Rect;
import org.junit.jupiter.api.Test;

import java.util.List;

import static javawc.compositor.layershell.LayerLayout.BOTTOM;
import static javawc.compositor.layershell.LayerLayout.LEFT;
import static javawc.compositor.layershell.LayerLayout.RIGHT;
import static javawc.compositor.layershell.LayerLayout.TOP;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where layer surfaces go on an output, and what their exclusive zones leave to windows. */
class LayerLayoutTest {
    private static final Rect OUTPUT = new Rect(100, 50, 1000, 600); // an output right of and below another
    private static final int BACKGROUND_LAYER = 0, TOP_LAYER = 2, OVERLAY_LAYER = 3;

    private static LayerLayout.Request request(int layer, int anchor, int width, int height, int zone) {
        return new LayerLayout.Request(layer, anchor, width, height, zone, 0, 0, 0, 0);
    }

    @Test
    void unanchoredIsCentredAndAnchoredToOneEdgeSitsItsMarginAwayFromIt() {
        assertEquals(new Rect(100 + 400, 50 + 250, 200, 100), LayerLayout.place(request(TOP_LAYER, 0, 200, 100, 0), OUTPUT));
        LayerLayout.Request corner = new LayerLayout.Request(TOP_LAYER, BOTTOM | RIGHT, 200, 100, 0, 12, 9, 15, 6);
        assertEquals(new Rect(1100 - 200 - 9, 650 - 100 - 15, 200, 100), LayerLayout.place(corner, OUTPUT));
        LayerLayout.Request leftTop = new LayerLayout.Request(TOP_LAYER, TOP | LEFT, 200, 100, 0, 12, 9, 15, 6);
        assertEquals(new Rect(106, 62, 200, 100), LayerLayout.place(leftTop, OUTPUT));
    }

    @Test
    void aSizeOfZeroBetweenOppositeAnchorsSpansTheOutputLessItsMargins() {
        LayerLayout.Request all = new LayerLayout.Request(BACKGROUND_LAYER, TOP | BOTTOM | LEFT | RIGHT, 0, 0, -1, 12, 9, 15, 6);
        assertEquals(new Rect(106, 62, 1000 - 6 - 9, 600 - 12 - 15), LayerLayout.place(all, OUTPUT));
        // a size asked for between opposite anchors is centred instead
        assertEquals(new Rect(100 + 450, 50, 100, 600), LayerLayout.place(request(TOP_LAYER, LEFT | RIGHT | TOP | BOTTOM, 100, 0, 0), OUTPUT));
    }

    @Test
    void aPanelsExclusiveZoneAndMarginAreTakenOffTheEdgeItIsAttachedTo() {
        LayerLayout.Request panel = new LayerLayout.Request(TOP_LAYER, TOP | LEFT | RIGHT, 0, 30, 30, 5, 0, 0, 0);
        LayerLayout.Result r = LayerLayout.arrange(OUTPUT, List.of(panel));
        assertEquals(new Rect(100, 55, 1000, 30), r.boxes().getFirst());
        assertEquals(new Rect(100, 50 + 35, 1000, 600 - 35), r.usable());

        LayerLayout.Result dock = LayerLayout.arrange(OUTPUT, List.of(request(TOP_LAYER, LEFT, 40, 300, 40)));
        assertEquals(new Rect(140, 50, 960, 600), dock.usable());
        LayerLayout.Result right = LayerLayout.arrange(OUTPUT, List.of(request(TOP_LAYER, RIGHT | TOP | BOTTOM, 40, 0, 40)));
        assertEquals(new Rect(100, 50, 960, 600), right.usable());
        LayerLayout.Result bottom = LayerLayout.arrange(OUTPUT, List.of(request(TOP_LAYER, BOTTOM, 300, 20, 20)));
        assertEquals(new Rect(100, 50, 1000, 580), bottom.usable());
    }

    @Test
    void cornersAndOppositeEdgesTakeNoZone() {
        LayerLayout.Result corner = LayerLayout.arrange(OUTPUT, List.of(request(TOP_LAYER, TOP | LEFT, 40, 40, 40)));
        assertEquals(OUTPUT, corner.usable());
        LayerLayout.Result across = LayerLayout.arrange(OUTPUT, List.of(request(TOP_LAYER, TOP | BOTTOM, 40, 0, 40)));
        assertEquals(OUTPUT, across.usable());
    }

    @Test
    void zoneZeroSurfacesAvoidOthersZonesAndZoneMinusOneIgnoresThem() {
        LayerLayout.Request panel = request(OVERLAY_LAYER, TOP | LEFT | RIGHT, 0, 20, 20);
        LayerLayout.Request notification = request(TOP_LAYER, TOP | RIGHT, 200, 50, 0);
        LayerLayout.Request wallpaper = request(BACKGROUND_LAYER, TOP | BOTTOM | LEFT | RIGHT, 0, 0, -1);
        // the notification and the wallpaper come first in the list: zones are still taken before they are placed
        LayerLayout.Result r = LayerLayout.arrange(OUTPUT, List.of(notification, wallpaper, panel));
        assertEquals(new Rect(900, 70, 200, 50), r.boxes().get(0));
        assertEquals(OUTPUT, r.boxes().get(1));
        assertEquals(new Rect(100, 50, 1000, 20), r.boxes().get(2));
        assertEquals(new Rect(100, 70, 1000, 580), r.usable());
    }

    @Test
    void zonesStackFromTheOverlayDown() {
        LayerLayout.Request upper = request(OVERLAY_LAYER, TOP, 100, 10, 10);
        LayerLayout.Request lower = request(TOP_LAYER, TOP, 100, 10, 10);
        LayerLayout.Result r = LayerLayout.arrange(OUTPUT, List.of(lower, upper));
        assertEquals(50, r.boxes().get(1).y(), "the overlay's panel is at the edge");
        assertEquals(60, r.boxes().get(0).y(), "the top layer's below it");
        assertEquals(new Rect(100, 70, 1000, 580), r.usable());
    }
}
