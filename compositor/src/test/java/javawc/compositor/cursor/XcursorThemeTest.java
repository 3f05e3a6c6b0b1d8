package javawc.compositor.cursor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class XcursorThemeTest {
    @TempDir
    Path icons;

    private Path cursor(Path dir, String theme, String name) throws IOException {
        Path file = dir.resolve(theme).resolve("cursors").resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, new XcursorBuilder().image(24, 0xff000000).build());
        return file;
    }

    private void index(Path dir, String theme, String text) throws IOException {
        Files.createDirectories(dir.resolve(theme));
        Files.writeString(dir.resolve(theme).resolve("index.theme"), text);
    }

    @Test
    void xcursorPathReplacesTheUsualDirectoriesAndExpandsHome() {
        assertEquals(List.of(Path.of("/a"), Path.of("/home/me/.icons"), Path.of("/b")),
                XcursorTheme.iconDirs(Map.of("XCURSOR_PATH", "/a::~/.icons:/b", "HOME", "/home/me")));
    }

    @Test
    void withoutXcursorPathTheUsualDirectoriesAreSearched() {
        assertEquals(List.of(Path.of("/home/me/.local/share/icons"), Path.of("/home/me/.icons"), Path.of("/usr/share/icons"), Path.of("/usr/share/pixmaps")),
                XcursorTheme.iconDirs(Map.of("HOME", "/home/me")));
        assertEquals(List.of(Path.of("/data/icons"), Path.of("/home/me/.icons"), Path.of("/usr/share/icons"), Path.of("/usr/share/pixmaps")),
                XcursorTheme.iconDirs(Map.of("HOME", "/home/me", "XDG_DATA_HOME", "/data")));
    }

    @Test
    void findsTheFirstNameTheThemeHasInTheFirstDirectoryThatHasIt() throws IOException {
        Path user = icons.resolve("user"), system = icons.resolve("system");
        Path mine = cursor(user, "T", "left_ptr");
        cursor(system, "T", "left_ptr");
        Path preferred = cursor(system, "T", "default");
        XcursorTheme t = new XcursorTheme("T", List.of(user, system));
        assertEquals(preferred, t.find(List.of("default", "left_ptr")), "any directory's file of a preferred name wins");
        assertEquals(mine, t.find(List.of("left_ptr")), "the first directory wins for one name");
        assertNull(t.find(List.of("fleur")));
        assertTrue(t.exists());
        assertFalse(new XcursorTheme("Other", List.of(user, system)).exists());
    }

    @Test
    void followsInheritsAfterTheThemesOwnNames() throws IOException {
        index(icons, "default", "[Icon Theme]\nName=Default\nInherits=Missing, Parent\n");
        index(icons, "Parent", "[Icon Theme]\nInherits=Grandparent\n");
        Path parentFleur = cursor(icons, "Parent", "fleur");
        Path grandDefault = cursor(icons, "Grandparent", "default");
        Path ownLeftPtr = cursor(icons, "default", "left_ptr");
        XcursorTheme t = new XcursorTheme("default", List.of(icons));
        assertEquals(List.of("Missing", "Parent"), t.inherits("default"));
        assertEquals(ownLeftPtr, t.find(List.of("default", "left_ptr")), "the theme's own fallback name before a parent's preferred one");
        assertEquals(parentFleur, t.find(List.of("grabbing", "fleur")));
        assertEquals(grandDefault, t.find(List.of("default")));
    }

    @Test
    void inheritsOutsideTheIconThemeSectionIsIgnored() throws IOException {
        index(icons, "T", "[Icon Theme]\nName=T\n[Other]\nInherits=P\n");
        cursor(icons, "P", "default");
        assertNull(new XcursorTheme("T", List.of(icons)).find(List.of("default")));
    }

    @Test
    void inheritanceCyclesEndTheSearch() throws IOException {
        index(icons, "A", "[Icon Theme]\nInherits=B\n");
        index(icons, "B", "[Icon Theme]\nInherits=C;A\n");
        index(icons, "C", "[Icon Theme]\nInherits=A,B,C\n");
        XcursorTheme t = new XcursorTheme("A", List.of(icons));
        assertNull(t.find(List.of("default")));
        Path inC = cursor(icons, "C", "default");
        assertEquals(inC, t.find(List.of("default")));
    }

    @Test
    void aThemeNameCannotLeaveTheIconDirectories() throws IOException {
        cursor(icons, "inside", "default");
        Path dir = icons.resolve("inside").resolve("cursors");
        assertNull(new XcursorTheme("..", List.of(dir.resolve("x"))).find(List.of("default")));
        assertNull(new XcursorTheme("inside/../inside", List.of(icons)).find(List.of("default")));
    }

    @Test
    void symbolicLinksBetweenCursorNamesAreFollowed() throws IOException {
        Path target = cursor(icons, "T", "left_ptr");
        Files.createSymbolicLink(target.resolveSibling("default"), target.getFileName());
        assertEquals(target.resolveSibling("default"), new XcursorTheme("T", List.of(icons)).find(List.of("default")));
    }
}
