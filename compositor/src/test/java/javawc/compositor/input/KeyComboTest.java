package javawc.compositor.input;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class KeyComboTest {
    @Test
    void parsesModifiersAndAKeysymName() throws Exception {
        assertEquals(new KeyCombo(KeyCombo.SUPER | KeyCombo.SHIFT, 'q'), KeyCombo.parse("Super+Shift+Q"));
        assertEquals(new KeyCombo(KeyCombo.SUPER, 0xff0d), KeyCombo.parse("Super+Return"));
        assertEquals(new KeyCombo(KeyCombo.CTRL | KeyCombo.ALT, 0xff08), KeyCombo.parse("Ctrl+Alt+BackSpace"));
        assertEquals(new KeyCombo(0, 0xffc1), KeyCombo.parse("F4"));
        assertEquals(new KeyCombo(KeyCombo.SUPER | KeyCombo.SHIFT, 0xff53), KeyCombo.parse(" Super + Shift + Right "));
    }

    @Test
    void modifierNamesHaveAliasesAndAnyCase() throws Exception {
        KeyCombo expected = new KeyCombo(KeyCombo.SUPER | KeyCombo.CTRL | KeyCombo.ALT, 't');
        assertEquals(expected, KeyCombo.parse("Mod4+Control+Mod1+t"));
        assertEquals(expected, KeyCombo.parse("logo+CTRL+alt+T"));
    }

    @Test
    void keysymNamesAreExactFirstThenCaseBlind() throws Exception {
        assertEquals(new KeyCombo(KeyCombo.ALT, 0xff09), KeyCombo.parse("Alt+tab"));
        assertEquals(new KeyCombo(0, 0xff08), KeyCombo.parse("backspace"));
    }

    @Test
    void sameComboWhateverTheCaseOfTheLetter() throws Exception {
        assertEquals(KeyCombo.parse("Super+Shift+q"), KeyCombo.parse("Super+Shift+Q"));
    }

    @Test
    void unknownModifiersAndKeysAreClearErrors() {
        var e = assertThrows(KeyCombo.ParseException.class, () -> KeyCombo.parse("Hyper+Q"));
        assertEquals("unknown modifier 'Hyper' in 'Hyper+Q' (modifiers: Shift, Ctrl, Alt, Super)", e.getMessage());
        e = assertThrows(KeyCombo.ParseException.class, () -> KeyCombo.parse("Super+Foo"));
        assertEquals("unknown key 'Foo' in 'Super+Foo' (not an XKB keysym name)", e.getMessage());
        e = assertThrows(KeyCombo.ParseException.class, () -> KeyCombo.parse("Super+"));
        assertEquals("no key after the modifiers in 'Super+'", e.getMessage());
        e = assertThrows(KeyCombo.ParseException.class, () -> KeyCombo.parse("Shift+shift+a"));
        assertEquals("modifier 'shift' twice in 'Shift+shift+a'", e.getMessage());
        assertThrows(KeyCombo.ParseException.class, () -> KeyCombo.parse(" "));
    }

    @Test
    void toStringIsTheTextParseReads() throws Exception {
        assertEquals("Ctrl+Alt+BackSpace", KeyCombo.parse("Alt+Ctrl+BackSpace").toString());
        assertEquals("Super+Shift+q", KeyCombo.parse("Shift+Super+Q").toString());
        assertEquals(KeyCombo.parse("Super+Shift+Right"), KeyCombo.parse(KeyCombo.parse("Super+Shift+Right").toString()));
    }
}
