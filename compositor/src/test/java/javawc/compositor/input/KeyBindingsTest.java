package javawc.compositor.input;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class KeyBindingsTest {
    @Test
    void theVtSwitchKeysymsOfTheDefaultKeymapSwitchWhateverTheModifiers() {
        assertEquals(new KeyBindings.SwitchVt(1), KeyBindings.match(0x1008fe01, true, true));
        assertEquals(new KeyBindings.SwitchVt(12), KeyBindings.match(0x1008fe0c, false, false));
        assertNull(KeyBindings.match(0x1008fe0d, true, true), "XF86Ungrab is next, not a VT");
    }

    @Test
    void plainFKeysSwitchOnlyWithControlAndAlt() {
        assertEquals(new KeyBindings.SwitchVt(2), KeyBindings.match(0xffbf, true, true));
        assertEquals(new KeyBindings.SwitchVt(12), KeyBindings.match(0xffc9, true, true));
        assertNull(KeyBindings.match(0xffbf, true, false));
        assertNull(KeyBindings.match(0xffbf, false, true));
        assertNull(KeyBindings.match(0xffca, true, true), "F13 is not bound");
    }

    @Test
    void controlAltBackspaceAndTerminateServerQuit() {
        assertEquals(new KeyBindings.Quit(), KeyBindings.match(0xff08, true, true));
        assertEquals(new KeyBindings.Quit(), KeyBindings.match(0xfed5, false, false));
        assertNull(KeyBindings.match(0xff08, true, false), "Ctrl+Backspace is the client's");
        assertNull(KeyBindings.match(0xff08, false, true));
        assertNull(KeyBindings.match('a', true, true));
    }

    @Test
    void theDefaultKeymapGivesTheBoundKeysymsForControlAltAndTheKeys() throws Exception {
        int leftCtrl = 29, leftAlt = 56, f1 = 59, f2 = 60, backspace = 14;
        try (Keymap k = Keymap.compile(Keymap.Names.fromEnvironment(java.util.Map.of()))) {
            assertEquals(0xffbe, k.keysym(f1), "F1 alone");
            assertFalse(k.controlActive() || k.altActive());
            k.updateKey(leftCtrl, true);
            k.updateKey(leftAlt, true);
            assertTrue(k.controlActive() && k.altActive());
            assertEquals(new KeyBindings.SwitchVt(2), KeyBindings.match(k.keysym(f2), k.controlActive(), k.altActive()));
            assertEquals(new KeyBindings.Quit(), KeyBindings.match(k.keysym(backspace), k.controlActive(), k.altActive()));
            k.updateKey(leftAlt, false);
            assertNull(KeyBindings.match(k.keysym(f2), k.controlActive(), k.altActive()), "Ctrl+F2 is the client's");
        }
    }
}
