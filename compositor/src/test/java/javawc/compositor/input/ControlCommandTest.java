package javawc.compositor.input;

import javawc.compositor.input.ControlCommand.*;
import javawc.server.protocol.WlPointer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ControlCommandTest {
    private static ControlCommand parse(String line) throws ParseException {
        return ControlCommand.parse(line);
    }

    private static String error(String line) {
        return assertThrows(ParseException.class, () -> ControlCommand.parse(line)).getMessage();
    }

    @Test
    void pointerCommands() throws Exception {
        assertEquals(new PointerMotion(12.5, -3), parse("pointer-motion 12.5 -3"));
        assertEquals(new PointerMotionRelative(1, 2), parse("  pointer-motion-relative   1 2  "));
        assertEquals(new PointerButton(0x110, true), parse("pointer-button BTN_LEFT press"));
        assertEquals(new PointerButton(0x111, false), parse("pointer-button btn_right release"));
        assertEquals(new PointerButton(272, true), parse("pointer-button 272 press"));
        assertEquals(new PointerButton(0x112, true), parse("pointer-button 0x112 press"));
    }

    @Test
    void axisWithItsSourceDefaultingToTheWheel() throws Exception {
        assertEquals(new Axis(WlPointer.Axis.VERTICAL_SCROLL, 15, WlPointer.AxisSource.WHEEL), parse("axis vertical 15"));
        assertEquals(new Axis(WlPointer.Axis.HORIZONTAL_SCROLL, -2.5, WlPointer.AxisSource.FINGER), parse("axis horizontal -2.5 finger"));
        assertEquals(new Axis(WlPointer.Axis.VERTICAL_SCROLL, 1, WlPointer.AxisSource.WHEEL_TILT), parse("axis vertical 1 wheel-tilt"));
        assertEquals(new Axis(WlPointer.Axis.VERTICAL_SCROLL, 3, WlPointer.AxisSource.CONTINUOUS), parse("axis vertical 3 continuous"));
    }

    @Test
    void touchCommands() throws Exception {
        assertEquals(new TouchDevice(true), parse("touch-device add"));
        assertEquals(new TouchDevice(false), parse("touch-device remove"));
        assertEquals(new TouchDown(0, 10.5, 20), parse("touch-down 0 10.5 20"));
        assertEquals(new TouchMotion(63, -1, 2), parse("touch-motion 63 -1 2"));
        assertEquals(new TouchUp(5), parse("touch-up 5"));
        assertEquals(new TouchCancel(), parse("touch-cancel"));
        assertEquals("touch id 64 is out of range (0 to 63)", error("touch-up 64"));
        assertEquals("expected add or remove, not 'plug'", error("touch-device plug"));
        assertEquals("usage: touch-down ID X Y", error("touch-down 1 2"));
    }

    @Test
    void keysWindowsAndListing() throws Exception {
        assertEquals(new Key(30, true), parse("key 30 press"));
        assertEquals(new Key(767, false), parse("key 767 release"));
        assertEquals(new Place("org.example.App", -10, 20), parse("place org.example.App -10 20"));
        assertEquals(new ListWindows(), parse("list-windows"));
    }

    @Test
    void whatIsWrongIsSaid() {
        assertEquals("empty line", error("   "));
        assertEquals("unknown command 'jump'", error("jump 1 2"));
        assertEquals("usage: pointer-motion X Y", error("pointer-motion 1"));
        assertEquals("'x' is not a number", error("pointer-motion x 2"));
        assertEquals("'NaN' is not a number", error("pointer-motion NaN 2"));
        assertEquals("1e9 is out of range (±8388608)", error("pointer-motion 1e9 2"));
        assertEquals("99999999 is out of range (±8388608)", error("place app 99999999 2"));
        assertEquals("expected press or release, not 'down'", error("pointer-button BTN_LEFT down"));
        assertEquals("'BTN_WHATEVER' is not a button code", error("pointer-button BTN_WHATEVER press"));
        assertEquals("key code 0 is not an evdev code (1 to 767)", error("key 0 press"));
        assertEquals("key code 768 is not an evdev code (1 to 767)", error("key 768 press"));
        assertEquals("axis must be vertical or horizontal, not 'up'", error("axis up 1"));
        assertEquals("axis source must be wheel, finger, continuous or wheel-tilt, not 'knob'", error("axis vertical 1 knob"));
        assertEquals("'1.5' is not a whole number", error("place app 1.5 2"));
        assertEquals("usage: list-windows", error("list-windows now"));
    }
}
