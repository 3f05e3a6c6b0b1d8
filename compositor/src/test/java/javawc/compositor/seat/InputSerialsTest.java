package javawc.compositor.seat;

import org.junit.jupiter.api.Test;

import static javawc.compositor.seat.InputSerials.Kind.*;
import static org.junit.jupiter.api.Assertions.*;

class InputSerialsTest {
    @Test
    void aRecordedSerialIsKnownWithItsKind() {
        InputSerials s = new InputSerials();
        s.record(10, POINTER_ENTER);
        s.record(11, BUTTON_PRESS);
        s.record(12, KEY_RELEASE);
        assertEquals(POINTER_ENTER, s.kindOf(10));
        assertEquals(BUTTON_PRESS, s.kindOf(11));
        assertEquals(KEY_RELEASE, s.kindOf(12));
        assertNull(s.kindOf(13), "never sent");
        assertNull(s.kindOf(0));
    }

    @Test
    void pressesAndReleasesAreUserActionsButEntersAreNot() {
        // a menu opened on the release that ends a click names that release's serial in its popup grab
        for (InputSerials.Kind k : new InputSerials.Kind[] {BUTTON_PRESS, BUTTON_RELEASE, KEY_PRESS, KEY_RELEASE, TOUCH_DOWN, TOUCH_UP}) assertTrue(k.isUserAction(), k.name());
        assertFalse(POINTER_ENTER.isUserAction());
        assertFalse(KEYBOARD_ENTER.isUserAction());
    }

    @Test
    void theOldestSerialsFallOutOfTheRing() {
        InputSerials s = new InputSerials();
        for (int serial = 1; serial <= InputSerials.CAPACITY + 5; serial++) s.record(serial, KEY_PRESS);
        for (int serial = 1; serial <= 5; serial++) assertNull(s.kindOf(serial), "serial " + serial + " is too old");
        for (int serial = 6; serial <= InputSerials.CAPACITY + 5; serial++) assertEquals(KEY_PRESS, s.kindOf(serial));
    }

    @Test
    void latestFindsTheNewestOfAKind() {
        InputSerials s = new InputSerials();
        assertEquals(0, s.latest(POINTER_ENTER));
        s.record(3, POINTER_ENTER);
        s.record(4, BUTTON_PRESS);
        s.record(7, POINTER_ENTER);
        s.record(8, BUTTON_RELEASE);
        assertEquals(7, s.latest(POINTER_ENTER));
        assertEquals(4, s.latest(BUTTON_PRESS));
        assertEquals(0, s.latest(KEY_PRESS));
    }

    @Test
    void serialsAreComparedAsTheyAreEvenPastTheSignedRange() {
        InputSerials s = new InputSerials();
        s.record(0xfffffffe, BUTTON_PRESS); // serials are uint32 on the wire
        assertEquals(BUTTON_PRESS, s.kindOf(-2));
    }
}
