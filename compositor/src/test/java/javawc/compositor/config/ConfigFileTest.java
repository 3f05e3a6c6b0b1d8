package javawc.compositor.config;

import javawc.compositor.security.Privilege;
import javawc.compositor.security.Privileges;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Every option of the configuration file, and bad files: each refused with its line and what is wrong. */
class ConfigFileTest {
    private static final Path NAME = Path.of("config");

    private static Config parse(String text) throws ConfigException {
        return ConfigFile.parse(text, NAME);
    }

    private static ConfigException refused(String text) {
        return assertThrows(ConfigException.class, () -> parse(text));
    }

    @Test
    void everyOption() throws Exception {
        Config c = parse("""
                kiosk = true
                terminal = ["foot", "--server"]
                autostart = [["swaybg", "-c", "#204060"], ["sh", "-c", "mako"]]

                [keyboard]
                rules = "evdev"
                model = "pc105"
                layout = "us,de"
                variant = ",nodeadkeys"
                options = "grp:alt_shift_toggle"

                [cursor]
                theme = "Adwaita"
                size = 32

                [[output]]
                name = "HDMI-A-1"
                mode = "1920x1080@59.94"
                position = [0, 0]
                scale = 1.5
                transform = "90"

                [[output]]
                name = "DP-1"
                scale = 2

                [bindings]
                "Super+Return" = "terminal"
                "Super+Shift+Q" = "close"
                "Super+D" = ["spawn", "fuzzel", "--prompt", "> "]
                "Alt+Tab" = "none"
                """);
        assertEquals(true, c.kiosk());
        assertEquals(List.of("foot", "--server"), c.terminal());
        assertEquals(List.of(List.of("swaybg", "-c", "#204060"), List.of("sh", "-c", "mako")), c.autostart());
        assertEquals(new Config.Keyboard("evdev", "pc105", "us,de", ",nodeadkeys", "grp:alt_shift_toggle"), c.keyboard());
        assertEquals(new Config.Cursor("Adwaita", 32), c.cursor());
        assertEquals(2, c.outputs().size());
        Config.OutputSettings hdmi = c.outputs().get(0);
        assertEquals("HDMI-A-1", hdmi.name());
        assertEquals(new Config.Mode(1920, 1080, 59940), hdmi.mode());
        assertEquals(0, hdmi.x());
        assertEquals(0, hdmi.y());
        assertEquals(1.5, hdmi.scale());
        assertEquals("90", hdmi.transform());
        assertEquals(16, hdmi.line());
        assertEquals(2.0, c.outputs().get(1).scale());
        assertNull(c.outputs().get(1).mode());
        assertEquals(List.of(
                new Config.Binding("Super+Return", "terminal", List.of(), 28),
                new Config.Binding("Super+Shift+Q", "close", List.of(), 29),
                new Config.Binding("Super+D", "spawn", List.of("fuzzel", "--prompt", "> "), 30),
                new Config.Binding("Alt+Tab", "none", List.of(), 31)), c.bindings());
    }

    @Test
    void privilegesSetOnlyWhatTheyName() throws Exception {
        Config c = parse("[privileges]\nscreen-capture = \"all\"\nvirtual-input = \"children\"\nclipboard-control = \"none\"\n");
        assertEquals(Map.of(Privilege.SCREEN_CAPTURE, Privilege.Access.ALL, Privilege.VIRTUAL_INPUT, Privilege.Access.CHILDREN,
                Privilege.CLIPBOARD_CONTROL, Privilege.Access.NONE), c.privileges());
        Privileges policy = new Privileges(c.privileges(), 1);
        assertEquals(Privilege.Access.CHILDREN, policy.access(Privilege.SESSION_LOCK), "unset: its default");
        assertEquals(Privilege.Access.NONE, new Privileges(Map.of(), 1).access(Privilege.VIRTUAL_INPUT), "virtual input is off by default");
    }

    @Test
    void anEmptyFileChangesNothing() throws Exception {
        Config c = parse("# nothing yet\n");
        assertNull(c.kiosk());
        assertNull(c.terminal());
        assertEquals(List.of(), c.autostart());
        assertEquals(List.of(), c.outputs());
        assertEquals(List.of(), c.bindings());
        assertEquals(Map.of(), c.privileges());
        assertEquals(Map.of("XKB_DEFAULT_LAYOUT", "fr"), c.keyboard().over(Map.of("XKB_DEFAULT_LAYOUT", "fr")), "the environment stays");
    }

    @Test
    void theFileWinsOverTheEnvironment() throws Exception {
        Config c = parse("[keyboard]\nlayout = \"de\"\n[cursor]\nsize = 48\n");
        assertEquals("de", c.keyboard().over(Map.of("XKB_DEFAULT_LAYOUT", "fr", "XKB_DEFAULT_MODEL", "pc104")).get("XKB_DEFAULT_LAYOUT"));
        assertEquals("pc104", c.keyboard().over(Map.of("XKB_DEFAULT_MODEL", "pc104")).get("XKB_DEFAULT_MODEL"));
        Map<String, String> cursor = c.cursor().over(Map.of("XCURSOR_THEME", "DMZ-White", "XCURSOR_SIZE", "24"));
        assertEquals("DMZ-White", cursor.get("XCURSOR_THEME"));
        assertEquals("48", cursor.get("XCURSOR_SIZE"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown key at the top          | 'kiosk = true\\nwallpaper = \"x\"'                          | 2 | unknown key "wallpaper"
            unknown key in a table          | '[keyboard]\\nlayout = \"us\"\\nlayuot = \"de\"'           | 3 | unknown key "keyboard.layuot"
            unknown key in an output        | '[[output]]\\nname = \"A\"\\nrate = 60'                     | 3 | unknown key "output.rate"
            wrong type                      | 'kiosk = \"yes\"'                                          | 1 | kiosk must be true or false, not a string
            wrong type in a table           | '[cursor]\\nsize = \"big\"'                                 | 2 | cursor.size must be a whole number, not a string
            out of range                    | '[cursor]\\nsize = 0'                                       | 2 | cursor.size must be from 1 to 256
            bad mode                        | '[[output]]\\nname = \"A\"\\nmode = \"1920by1080\"'         | 3 | output.mode '1920by1080' is not WxH or WxH@HZ
            mode out of range               | '[[output]]\\nname = \"A\"\\nmode = \"99999x10\"'           | 3 | output.mode '99999x10' is out of range
            bad refresh                     | '[[output]]\\nname = \"A\"\\nmode = \"800x600@0.5\"'        | 3 | refresh rate must be from 1 to 1000 Hz
            bad scale                       | '[[output]]\\nname = \"A\"\\nscale = 0'                     | 3 | output.scale must be from 0.25 to 8
            bad transform                   | '[[output]]\\nname = \"A\"\\ntransform = \"sideways\"'      | 3 | output.transform must be one of
            bad position                    | '[[output]]\\nname = \"A\"\\nposition = [1]'                | 3 | two whole numbers
            output without a name           | 'kiosk = false\\n[[output]]\\nscale = 2'                    | 2 | needs a name
            output configured twice         | '[[output]]\\nname = \"A\"\\n[[output]]\\nname = \"A\"'    | 3 | already configured on line 1
            output as a plain table         | '[output]\\nname = \"A\"'                                   | 1 | write each as [[output]]
            duplicate binding               | '[bindings]\\n\"Super+Q\" = \"close\"\\n\"super+q\" = \"quit\"' | 3 | repeats the key combination bound on line 2
            duplicate binding, other order  | '[bindings]\\n\"Ctrl+Alt+T\" = \"terminal\"\\n\"Alt+Control+t\" = \"quit\"' | 3 | repeats the key combination bound on line 2
            unknown action                  | '[bindings]\\n\"Super+Q\" = \"explode\"'                   | 2 | unknown action "explode"
            unknown modifier                | '[bindings]\\n\"Hyper+Q\" = \"close\"'                     | 2 | unknown modifier "Hyper"
            no key                          | '[bindings]\\n\"Super+\" = \"close\"'                      | 2 | names no key
            spawn without a command         | '[bindings]\\n\"Super+D\" = [\"spawn\"]'                   | 2 | spawn needs a command
            arguments to close              | '[bindings]\\n\"Super+Q\" = [\"close\", \"now\"]'          | 2 | close takes no arguments
            binding of a number             | '[bindings]\\n\"Super+Q\" = 3'                             | 2 | needs an action
            autostart not commands          | 'autostart = [\"swaybg\"]'                                 | 1 | autostart entries are commands
            terminal not a command          | 'terminal = \"foot\"'                                      | 1 | terminal must be a command
            not TOML                        | 'kiosk = true\\nkiosk = false'                              | 2 | not valid TOML
            unknown privilege               | '[privileges]\\nscreen-reading = \"all\"'                  | 2 | unknown key "privileges.screen-reading"
            bad privilege access            | '[privileges]\\nscreen-capture = \"some\"'                 | 2 | must be "all", "children" or "none", not "some"
            """)
    void badFilesAreRefusedWithTheirLine(String what, String text, int line, String message) {
        ConfigException e = refused(text.replace("\\n", "\n"));
        assertEquals(line, e.line(), what + ": " + e.getMessage());
        assertTrue(e.getMessage().startsWith("config:" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), what + ": " + e.getMessage());
    }

    @Test
    void whereTheFileIsLookedFor(@TempDir Path dir) throws Exception {
        assertEquals(Path.of("/x/javawc/config"), ConfigFile.defaultPath(Map.of("XDG_CONFIG_HOME", "/x", "HOME", "/h")));
        assertEquals(Path.of("/h/.config/javawc/config"), ConfigFile.defaultPath(Map.of("HOME", "/h")));
        assertEquals(Config.none(), ConfigFile.load(null, Map.of("XDG_CONFIG_HOME", dir.toString())), "no file: nothing configured");
        Path file = dir.resolve("javawc/config");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "kiosk = true\n");
        assertEquals(true, ConfigFile.load(null, Map.of("XDG_CONFIG_HOME", dir.toString())).kiosk());
        ConfigException missing = assertThrows(ConfigException.class, () -> ConfigFile.load(dir.resolve("nope"), Map.of()));
        assertTrue(missing.getMessage().endsWith("nope: no such file"), missing.getMessage());
    }
}
