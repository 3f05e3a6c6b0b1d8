package javawc.compositor.input;

import javawc.os.LibC;
import javawc.os.MemoryMapping;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class KeymapTest {
    private static final int KEY_A = 30, KEY_LEFTSHIFT = 42, KEY_CAPSLOCK = 58;

    @Test
    void namesComeFromTheEnvironmentWithUsPc105Defaults() {
        assertEquals(new Keymap.Names("evdev", "pc105", "us", "", ""), Keymap.Names.fromEnvironment(Map.of()));
        assertEquals(new Keymap.Names("evdev", "pc104", "de", "nodeadkeys", "ctrl:nocaps"),
                Keymap.Names.fromEnvironment(Map.of("XKB_DEFAULT_MODEL", "pc104", "XKB_DEFAULT_LAYOUT", "de",
                        "XKB_DEFAULT_VARIANT", "nodeadkeys", "XKB_DEFAULT_OPTIONS", "ctrl:nocaps", "XKB_DEFAULT_RULES", "")));
    }

    @Test
    void theKeymapFileIsSealedReadOnlyXkbTextWithItsNul() throws Exception {
        try (Keymap k = Keymap.compile(Keymap.Names.fromEnvironment(Map.of()))) {
            int seals = LibC.fcntl(k.file().get(), LibC.F_GET_SEALS, 0);
            assertEquals(15, seals & 15, "no more writing, growing, shrinking or sealing");
            assertEquals(LibC.O_RDONLY, LibC.fcntl(k.file().get(), LibC.F_GETFL, 0) & 3, "the descriptor handed out is read-only");
            try (MemoryMapping m = MemoryMapping.map(k.file(), k.size(), false)) {
                byte[] text = new byte[k.size()];
                m.buffer().get(0, text);
                String s = new String(text, 0, text.length - 1, StandardCharsets.ISO_8859_1);
                assertTrue(s.startsWith("xkb_keymap {"), s.substring(0, 40));
                assertTrue(s.contains("xkb_symbols"), "a whole keymap");
                assertEquals(0, text[text.length - 1]);
                assertEquals(-1, s.indexOf('\0'), "one NUL, at the end");
            }
        }
    }

    @Test
    void shiftAndCapsLockChangeTheSerializedModifiers() throws Exception {
        try (Keymap k = Keymap.compile(Keymap.Names.fromEnvironment(Map.of()))) {
            assertFalse(k.updateKey(KEY_A, true), "a letter changes no modifier");
            assertFalse(k.updateKey(KEY_A, false));
            assertTrue(k.updateKey(KEY_LEFTSHIFT, true));
            assertEquals(1, k.modsDepressed(), "Shift is modifier 0");
            assertTrue(k.updateKey(KEY_LEFTSHIFT, false));
            assertEquals(0, k.modsDepressed());
            assertTrue(k.updateKey(KEY_CAPSLOCK, true));
            k.updateKey(KEY_CAPSLOCK, false);
            assertEquals(2, k.modsLocked(), "Lock is modifier 1, locked after press and release");
            assertEquals(0, k.group());
        }
    }

    @Test
    void namesThatDoNotCompileAreReportedNotThrownAsCrashes() {
        var e = assertThrows(Keymap.CompileException.class,
                () -> Keymap.compile(new Keymap.Names("evdev", "pc105", "no-such-layout", "", "")).close());
        assertTrue(e.getMessage().contains("no-such-layout"), e.getMessage());
    }
}
