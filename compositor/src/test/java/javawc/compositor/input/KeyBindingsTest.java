package javawc.compositor.input;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class KeyBindingsTest {
    private static final int CTRL_ALT = KeyCombo.CTRL | KeyCombo.ALT;
    private static final KeyBindings DEFAULTS = KeyBindings.defaults();

    @Test
    void theVtSwitchKeysymsOfTheDefaultKeymapSwitchWhateverTheModifiers() {
        assertEquals(new KeyBindings.SwitchVt(1), DEFAULTS.match(0x1008fe01, 0xffbe, CTRL_ALT));
        assertEquals(new KeyBindings.SwitchVt(12), DEFAULTS.match(0x1008fe0c, 0xffc9, 0));
        assertNull(DEFAULTS.match(0x1008fe0d, 0x1008fe0d, CTRL_ALT), "XF86Ungrab is next, not a VT");
    }

    @Test
    void plainFKeysSwitchOnlyWithControlAndAlt() {
        assertEquals(new KeyBindings.SwitchVt(2), DEFAULTS.match(0xffbf, 0xffbf, CTRL_ALT));
        assertEquals(new KeyBindings.SwitchVt(12), DEFAULTS.match(0xffc9, 0xffc9, CTRL_ALT | KeyCombo.SHIFT));
        assertNull(DEFAULTS.match(0xffbf, 0xffbf, KeyCombo.CTRL));
        assertNull(DEFAULTS.match(0xffbf, 0xffbf, KeyCombo.ALT));
        assertNull(DEFAULTS.match(0xffca, 0xffca, CTRL_ALT), "F13 is not bound");
    }

    @Test
    void controlAltBackspaceSuperShiftEAndTerminateServerQuit() {
        assertEquals(new KeyBindings.Quit(), DEFAULTS.match(0xff08, 0xff08, CTRL_ALT));
        assertEquals(new KeyBindings.Quit(), DEFAULTS.match(0xfed5, 0xff08, 0));
        assertEquals(new KeyBindings.Quit(), DEFAULTS.match('E', 'e', KeyCombo.SUPER | KeyCombo.SHIFT));
        assertNull(DEFAULTS.match(0xff08, 0xff08, KeyCombo.CTRL), "Ctrl+Backspace is the client's");
        assertNull(DEFAULTS.match(0xff08, 0xff08, CTRL_ALT | KeyCombo.SHIFT), "modifiers must match exactly");
        assertNull(DEFAULTS.match('a', 'a', CTRL_ALT));
    }

    @Test
    void theDefaultsBindTheWindowActions() {
        int superShift = KeyCombo.SUPER | KeyCombo.SHIFT;
        assertEquals(new KeyBindings.LaunchTerminal(), DEFAULTS.match(0xff0d, 0xff0d, KeyCombo.SUPER));
        assertEquals(new KeyBindings.CloseWindow(), DEFAULTS.match('Q', 'q', superShift), "the keysym as typed, with Shift");
        assertEquals(new KeyBindings.CloseWindow(), DEFAULTS.match(0xffc1, 0xffc1, KeyCombo.ALT), "Alt+F4");
        assertEquals(new KeyBindings.CycleFocus(), DEFAULTS.match(0xff09, 0xff09, KeyCombo.ALT));
        assertEquals(new KeyBindings.ToggleMaximized(), DEFAULTS.match('m', 'm', KeyCombo.SUPER));
        assertEquals(new KeyBindings.ToggleFullscreen(), DEFAULTS.match('f', 'f', KeyCombo.SUPER));
        assertEquals(new KeyBindings.Minimize(), DEFAULTS.match('h', 'h', KeyCombo.SUPER));
        assertEquals(new KeyBindings.MoveToNextOutput(), DEFAULTS.match(0xff53, 0xff53, superShift));
        assertNull(DEFAULTS.match('q', 'q', KeyCombo.SUPER), "Super+Q without Shift is the client's");
        assertNull(DEFAULTS.match(0xfe20, 0xff09, KeyCombo.ALT | KeyCombo.SHIFT), "Alt+Shift+Tab is not bound");
    }

    @Test
    void aTableMatchesTheFirstLevelKeysymWhenTheTypedOneDiffers() throws Exception {
        KeyBindings b = new KeyBindings(Map.of(KeyCombo.parse("Shift+Tab"), new KeyBindings.CycleFocus()));
        assertEquals(new KeyBindings.CycleFocus(), b.match(0xfe20, 0xff09, KeyCombo.SHIFT), "Shift+Tab types ISO_Left_Tab");
    }

    @Test
    void theDefaultKeymapGivesTheBoundKeysymsAndModifiers() throws Exception {
        int leftCtrl = 29, leftAlt = 56, leftShift = 42, leftMeta = 125, f2 = 60, backspace = 14, q = 16;
        try (Keymap k = Keymap.compile(Keymap.Names.fromEnvironment(Map.of()))) {
            assertEquals(0, k.bindingModifiers());
            k.updateKey(leftCtrl, true);
            k.updateKey(leftAlt, true);
            assertEquals(CTRL_ALT, k.bindingModifiers());
            assertEquals(new KeyBindings.SwitchVt(2), DEFAULTS.match(k.keysym(f2), k.baseKeysym(f2), k.bindingModifiers()));
            assertEquals(new KeyBindings.Quit(), DEFAULTS.match(k.keysym(backspace), k.baseKeysym(backspace), k.bindingModifiers()));
            k.updateKey(leftAlt, false);
            assertNull(DEFAULTS.match(k.keysym(f2), k.baseKeysym(f2), k.bindingModifiers()), "Ctrl+F2 is the client's");
            k.updateKey(leftCtrl, false);
            k.updateKey(leftMeta, true);
            k.updateKey(leftShift, true);
            assertEquals(KeyCombo.SUPER | KeyCombo.SHIFT, k.bindingModifiers());
            assertEquals('Q', k.keysym(q), "Shift makes the Q key type Q");
            assertEquals('q', k.baseKeysym(q));
            assertEquals(new KeyBindings.CloseWindow(), DEFAULTS.match(k.keysym(q), k.baseKeysym(q), k.bindingModifiers()));
        }
    }
}
