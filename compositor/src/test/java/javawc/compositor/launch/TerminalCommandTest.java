package javawc.compositor.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class TerminalCommandTest {
    private static Path executable(Path dir, String name) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    @Test
    void terminalFirstWithItsArgumentsWhenItExists(@TempDir Path dir) throws Exception {
        executable(dir, "myterm");
        executable(dir, "foot");
        assertEquals(List.of("myterm", "-e", "top"), TerminalCommand.find(Map.of("TERMINAL", " myterm  -e top", "PATH", "/nonexistent:" + dir)));
        Path absolute = executable(dir, "other");
        assertEquals(List.of(absolute.toString()), TerminalCommand.find(Map.of("TERMINAL", absolute.toString(), "PATH", "")));
    }

    @Test
    void fallsBackToFootThenWestonTerminalOnPath(@TempDir Path dir) throws Exception {
        executable(dir, "weston-terminal");
        assertEquals(List.of("weston-terminal"), TerminalCommand.find(Map.of("TERMINAL", "not-installed", "PATH", dir.toString())));
        executable(dir, "foot");
        assertEquals(List.of("foot"), TerminalCommand.find(Map.of("PATH", dir.toString())));
    }

    @Test
    void nothingWhenNoneExistsOrIsExecutable(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("foot"), "not executable");
        assertEquals(List.of(), TerminalCommand.find(Map.of("PATH", dir.toString())));
        assertEquals(List.of(), TerminalCommand.find(Map.of()));
    }
}
